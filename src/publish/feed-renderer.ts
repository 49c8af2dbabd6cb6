import { escapeHtml, escapeXml } from '../sanitize/escape.js';
import { renderListsHtml } from './list-html.js';
import type { PublishedEntry, PublishedParade } from './types.js';

// Hand-written: the `feed` package marks Atom titles as HTML (a plain-text title like "<b>" would be
// rendered as markup by readers), writes RSS <author> without an e-mail and emits JSON Feed 1.0.

export interface FeedLinks {
  /** The parade's overview page. */
  page: string;
  rss: string;
  atom: string;
  json: string;
}

export function entryContentHtml(entry: PublishedEntry): string {
  const intro = entry.excerpt ? `<p>${escapeHtml(entry.excerpt)}</p>` : '';
  return `${intro}${renderListsHtml(entry.lists)}`;
}

function entryDate(entry: PublishedEntry): Date {
  const date = new Date(entry.published ?? entry.firstSeen);
  return Number.isNaN(date.getTime()) ? new Date(entry.firstSeen) : date;
}

export function feedUpdated(parade: PublishedParade, entries: PublishedEntry[]): Date {
  const times = [parade.createdAt, ...entries.map((e) => e.updated)].map((t) => new Date(t).getTime());
  return new Date(Math.max(...times));
}

export function renderRss(parade: PublishedParade, entries: PublishedEntry[], links: FeedLinks): string {
  const items = entries.map((entry) =>
    [
      '    <item>',
      `      <title>${escapeXml(entry.title ?? entry.url)}</title>`,
      `      <link>${escapeXml(entry.url)}</link>`,
      `      <guid isPermaLink="true">${escapeXml(entry.url)}</guid>`,
      `      <pubDate>${entryDate(entry).toUTCString()}</pubDate>`,
      entry.author ? `      <dc:creator>${escapeXml(entry.author)}</dc:creator>` : '',
      `      <description>${escapeXml(entryContentHtml(entry))}</description>`,
      '    </item>',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '  <channel>',
    `    <title>${escapeXml(parade.title)}</title>`,
    `    <link>${escapeXml(links.page)}</link>`,
    `    <description>${escapeXml(parade.prompt ?? parade.title)}</description>`,
    `    <language>${escapeXml(parade.lang)}</language>`,
    `    <lastBuildDate>${feedUpdated(parade, entries).toUTCString()}</lastBuildDate>`,
    '    <generator>korso</generator>',
    `    <atom:link href="${escapeXml(links.rss)}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}

export function renderAtom(parade: PublishedParade, entries: PublishedEntry[], links: FeedLinks): string {
  const items = entries.map((entry) =>
    [
      '  <entry>',
      `    <title type="text">${escapeXml(entry.title ?? entry.url)}</title>`,
      `    <id>${escapeXml(entry.url)}</id>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>`,
      `    <published>${entryDate(entry).toISOString()}</published>`,
      `    <updated>${new Date(entry.updated).toISOString()}</updated>`,
      entry.author ? `    <author><name>${escapeXml(entry.author)}</name></author>` : '',
      `    <content type="html">${escapeXml(entryContentHtml(entry))}</content>`,
      '  </entry>',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(parade.lang)}">`,
    `  <id>${escapeXml(links.page)}</id>`,
    `  <title type="text">${escapeXml(parade.title)}</title>`,
    parade.prompt ? `  <subtitle type="text">${escapeXml(parade.prompt)}</subtitle>` : '',
    `  <updated>${feedUpdated(parade, entries).toISOString()}</updated>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(links.page)}"/>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(links.atom)}"/>`,
    '  <author><name>korso</name></author>',
    '  <generator>korso</generator>',
    ...items,
    '</feed>',
    '',
  ]
    .filter(Boolean)
    .join('\n');
}

export function renderJsonFeed(parade: PublishedParade, entries: PublishedEntry[], links: FeedLinks): string {
  return JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: parade.title,
      home_page_url: links.page,
      feed_url: links.json,
      description: parade.prompt ?? undefined,
      language: parade.lang,
      items: entries.map((entry) => ({
        id: entry.url,
        url: entry.url,
        title: entry.title ?? entry.url,
        content_html: entryContentHtml(entry),
        summary: entry.excerpt ?? undefined,
        date_published: entryDate(entry).toISOString(),
        date_modified: new Date(entry.updated).toISOString(),
        authors: entry.author ? [{ name: entry.author }] : undefined,
      })),
    },
    null,
    2,
  );
}
