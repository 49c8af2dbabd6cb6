import { esc } from './pages/markup.js';

export interface FeedItem {
  title: string;
  link: string;
  guid: string;
  guidIsPermaLink: boolean;
  creator: string | null;
  published: Date | null;
  categories: string[];
  description: string;
  /** Full HTML, carried in `content:encoded`; absent when the blog's feed shows excerpts only. */
  html?: string;
  comments?: string;
  commentRss?: string;
  commentCount?: number;
}

export interface FeedChannel {
  title: string;
  link: string;
  selfUrl: string;
  description: string;
  lastBuild: Date;
  generator: string;
  items: FeedItem[];
}

function cdata(s: string): string {
  return `<![CDATA[${s.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

function item(i: FeedItem): string {
  const lines = [
    `<title>${esc(i.title)}</title>`,
    `<link>${esc(i.link)}</link>`,
    i.comments ? `<comments>${esc(i.comments)}</comments>` : '',
    i.creator ? `<dc:creator>${cdata(i.creator)}</dc:creator>` : '',
    i.published ? `<pubDate>${i.published.toUTCString().replace('GMT', '+0000')}</pubDate>` : '',
    ...i.categories.map((c) => `<category>${cdata(c)}</category>`),
    `<guid isPermaLink="${i.guidIsPermaLink}">${esc(i.guid)}</guid>`,
    `<description>${cdata(i.description)}</description>`,
    i.html !== undefined ? `<content:encoded>${cdata(i.html)}</content:encoded>` : '',
    i.commentRss ? `<wfw:commentRss>${esc(i.commentRss)}</wfw:commentRss>` : '',
    i.commentCount !== undefined ? `<slash:comments>${i.commentCount}</slash:comments>` : '',
  ];
  return `\t<item>\n${lines
    .filter(Boolean)
    .map((l) => `\t\t${l}`)
    .join('\n')}\n\t</item>`;
}

/** RSS 2.0 the way WordPress writes it, namespaces included, for post and comment feeds alike. */
export function renderRss(ch: FeedChannel): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
\txmlns:content="http://purl.org/rss/1.0/modules/content/"
\txmlns:wfw="http://wellformedweb.org/CommentAPI/"
\txmlns:dc="http://purl.org/dc/elements/1.1/"
\txmlns:atom="http://www.w3.org/2005/Atom"
\txmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
\txmlns:slash="http://purl.org/rss/1.0/modules/slash/"
\t>

<channel>
\t<title>${esc(ch.title)}</title>
\t<atom:link href="${esc(ch.selfUrl)}" rel="self" type="application/rss+xml" />
\t<link>${esc(ch.link)}</link>
\t<description>${esc(ch.description)}</description>
\t<lastBuildDate>${ch.lastBuild.toUTCString().replace('GMT', '+0000')}</lastBuildDate>
\t<language>de-DE</language>
\t<sy:updatePeriod>hourly</sy:updatePeriod>
\t<sy:updateFrequency>1</sy:updateFrequency>
\t<generator>${esc(ch.generator)}</generator>
${ch.items.map(item).join('\n')}
</channel>
</rss>
`;
}
