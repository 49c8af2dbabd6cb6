import { escapeHtml, escapeXml } from '../sanitize/escape.js';
import { renderListsHtml } from './list-html.js';
import { formatDeadline, stateLabel } from './parade-state.js';
import type { PublishedEntry, PublishedParade } from './types.js';

// Hand-written: the `feed` package marks Atom titles as HTML (a plain-text title like "<b>" would be
// rendered as markup by readers), writes RSS <author> without an e-mail and emits JSON Feed 1.0.

/** RFC 5005 paged-feed links, absolute URLs chosen by the caller; absent ones are left out. */
export interface FeedPaging {
  first?: string;
  previous?: string;
  next?: string;
  last?: string;
}

export interface FeedLinks {
  /** The page the feed belongs to (the parade's overview, or the directory). */
  page: string;
  rss: string;
  atom: string;
  json: string;
  paging?: FeedPaging;
}

/** One feed, whatever its format; built from entries or from parades. */
interface FeedDoc {
  title: string;
  description: string;
  lang: string;
  author: string;
  updated: Date;
  links: FeedLinks;
  items: FeedItem[];
}

interface FeedItem {
  /** Stable across renders and unique in the feed: the permalink of what the item is about. */
  id: string;
  url: string;
  title: string;
  contentHtml: string;
  summary: string | null;
  published: Date;
  updated: Date;
  author: { name: string; url: string } | null;
  categories: string[];
  lang: string;
}

const LATE = { de: 'verspätet', en: 'late' };

/** The word a late entry is marked with in the parade's language, in titles and as a category. */
export function lateLabel(lang: string): string {
  return lang === 'en' ? LATE.en : LATE.de;
}

// XML 1.0 allows C1 controls and lone surrogates only as discouraged or not at all; validators flag them.
const UNWANTED = /[\u0080-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe in XML character data and attribute values. */
function xml(text: string): string {
  return escapeXml(text.replace(UNWANTED, ''));
}

function date(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function entryContentHtml(entry: PublishedEntry): string {
  const intro = entry.excerpt ? `<p>${escapeHtml(entry.excerpt)}</p>` : '';
  return `${intro}${renderListsHtml(entry.lists)}`;
}

/** The post's own date; without one, when korso first saw it. */
function entryDate(entry: PublishedEntry): Date {
  return date(entry.published) ?? (date(entry.firstSeen) as Date);
}

/** When the post itself last changed; never before it was published. */
function entryUpdated(entry: PublishedEntry): Date {
  const published = entryDate(entry);
  const updated = date(entry.updated) ?? published;
  return new Date(Math.max(updated.getTime(), published.getTime()));
}

/** The feed's updated date: the newest entry's own change, or the parade's creation when it has none. */
export function feedUpdated(parade: PublishedParade, entries: PublishedEntry[]): Date {
  if (!entries.length) return date(parade.changedAt) ?? new Date(parade.createdAt);
  return new Date(Math.max(...entries.map((e) => entryUpdated(e).getTime())));
}

function entryItem(parade: PublishedParade, entry: PublishedEntry): FeedItem {
  const title = entry.title ?? entry.url;
  const late = lateLabel(parade.lang);
  return {
    id: entry.url,
    url: entry.url,
    title: entry.late ? `${title} (${late})` : title,
    contentHtml: entryContentHtml(entry),
    summary: entry.excerpt,
    published: entryDate(entry),
    updated: entryUpdated(entry),
    author: { name: entry.author ?? entry.blogName, url: entry.blogUrl },
    categories: entry.late ? [late] : [],
    lang: parade.lang,
  };
}

function entriesDoc(parade: PublishedParade, entries: PublishedEntry[], links: FeedLinks): FeedDoc {
  return {
    title: parade.title,
    description: parade.prompt ?? parade.title,
    lang: parade.lang,
    author: parade.hostName ?? 'korso',
    updated: feedUpdated(parade, entries),
    links,
    items: entries.map((e) => entryItem(parade, e)),
  };
}

/** RSS 2.0 of the entries given (the caller picks the newest N and the paging links). */
export function renderRss(parade: PublishedParade, entries: PublishedEntry[], links: FeedLinks): string {
  return rss(entriesDoc(parade, entries, links));
}

/** Atom 1.0 of the entries given. */
export function renderAtom(parade: PublishedParade, entries: PublishedEntry[], links: FeedLinks): string {
  return atom(entriesDoc(parade, entries, links));
}

/** JSON Feed 1.1 of the entries given. */
export function renderJsonFeed(parade: PublishedParade, entries: PublishedEntry[], links: FeedLinks): string {
  return jsonFeed(entriesDoc(parade, entries, links));
}

/** The directory's feed of parades: what korso says about itself there. */
export interface SiteFeed {
  title: string;
  description: string;
  lang: string;
}

function paradeItem(parade: PublishedParade): FeedItem {
  const en = parade.lang === 'en';
  const fields: [string, string][] = [
    [en ? 'Call' : 'Aufruf', `<a href="${escapeHtml(parade.callUrl)}">${escapeHtml(parade.callUrl)}</a>`],
    [en ? 'Host' : 'Gastgeber', parade.hostName ? escapeHtml(parade.hostName) : ''],
    [en ? 'Question' : 'Frage', parade.prompt ? escapeHtml(parade.prompt) : ''],
    [
      en ? 'Deadline' : 'Einsendeschluss',
      parade.deadline
        ? escapeHtml(formatDeadline(parade.deadline, parade.lang, parade.timeZone))
        : en
          ? 'none'
          : 'keiner',
    ],
    [en ? 'State' : 'Stand', escapeHtml(stateLabel(parade.state, parade.lang))],
    [en ? 'Entries' : 'Beiträge', `<a href="${escapeHtml(parade.url)}">${escapeHtml(parade.url)}</a>`],
  ];
  const created = new Date(parade.createdAt);
  return {
    id: parade.url,
    url: parade.callUrl,
    title: parade.title,
    contentHtml: `<dl>${fields
      .filter(([, v]) => v)
      .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${v}</dd>`)
      .join('')}</dl>`,
    summary: parade.prompt,
    published: created,
    updated: date(parade.changedAt) ?? created,
    author: parade.hostName ? { name: parade.hostName, url: parade.callUrl } : null,
    categories: [stateLabel(parade.state, parade.lang)],
    lang: parade.lang,
  };
}

function paradesDoc(site: SiteFeed, parades: PublishedParade[], links: FeedLinks): FeedDoc {
  const items = parades.map(paradeItem);
  const newest = Math.max(0, ...items.map((i) => i.updated.getTime()));
  return {
    title: site.title,
    description: site.description,
    lang: site.lang,
    author: 'korso',
    updated: new Date(newest),
    links,
    items,
  };
}

/** RSS 2.0 of new parades: title, call link, question, deadline with zone, state. */
export function renderParadesRss(site: SiteFeed, parades: PublishedParade[], links: FeedLinks): string {
  return rss(paradesDoc(site, parades, links));
}

export function renderParadesAtom(site: SiteFeed, parades: PublishedParade[], links: FeedLinks): string {
  return atom(paradesDoc(site, parades, links));
}

export function renderParadesJsonFeed(site: SiteFeed, parades: PublishedParade[], links: FeedLinks): string {
  return jsonFeed(paradesDoc(site, parades, links));
}

const PAGING = ['first', 'previous', 'next', 'last'] as const;

function pagingLinks(links: FeedLinks, element: string, type: string): string[] {
  return PAGING.flatMap((rel) => {
    const href = links.paging?.[rel];
    return href ? [`${element} rel="${rel}" type="${type}" href="${xml(href)}"/>`] : [];
  });
}

function rss(doc: FeedDoc): string {
  const items = doc.items.map((item) =>
    [
      '    <item>',
      `      <title>${xml(item.title)}</title>`,
      `      <link>${xml(item.url)}</link>`,
      `      <guid isPermaLink="true">${xml(item.id)}</guid>`,
      `      <pubDate>${item.published.toUTCString()}</pubDate>`,
      item.author ? `      <dc:creator>${xml(item.author.name)}</dc:creator>` : '',
      ...item.categories.map((c) => `      <category>${xml(c)}</category>`),
      `      <description>${xml(item.contentHtml)}</description>`,
      '    </item>',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '  <channel>',
    `    <title>${xml(doc.title)}</title>`,
    `    <link>${xml(doc.links.page)}</link>`,
    `    <description>${xml(doc.description)}</description>`,
    `    <language>${xml(doc.lang)}</language>`,
    `    <lastBuildDate>${doc.updated.toUTCString()}</lastBuildDate>`,
    '    <generator>korso</generator>',
    '    <docs>https://www.rssboard.org/rss-specification</docs>',
    `    <atom:link href="${xml(doc.links.rss)}" rel="self" type="application/rss+xml"/>`,
    ...pagingLinks(doc.links, '    <atom:link', 'application/rss+xml'),
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}

function atom(doc: FeedDoc): string {
  const items = doc.items.map((item) =>
    [
      item.lang === doc.lang ? '  <entry>' : `  <entry xml:lang="${xml(item.lang)}">`,
      `    <title type="text">${xml(item.title)}</title>`,
      `    <id>${xml(item.id)}</id>`,
      `    <link rel="alternate" type="text/html" href="${xml(item.url)}"/>`,
      `    <published>${item.published.toISOString()}</published>`,
      `    <updated>${item.updated.toISOString()}</updated>`,
      item.author
        ? `    <author><name>${xml(item.author.name)}</name><uri>${xml(item.author.url)}</uri></author>`
        : '',
      ...item.categories.map((c) => `    <category term="${xml(c)}" label="${xml(c)}"/>`),
      item.summary ? `    <summary type="text">${xml(item.summary)}</summary>` : '',
      `    <content type="html">${xml(item.contentHtml)}</content>`,
      '  </entry>',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(doc.lang)}">`,
    `  <id>${xml(doc.links.page)}</id>`,
    `  <title type="text">${xml(doc.title)}</title>`,
    doc.description !== doc.title ? `  <subtitle type="text">${xml(doc.description)}</subtitle>` : '',
    `  <updated>${doc.updated.toISOString()}</updated>`,
    `  <link rel="alternate" type="text/html" href="${xml(doc.links.page)}"/>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(doc.links.atom)}"/>`,
    ...pagingLinks(doc.links, '  <link', 'application/atom+xml'),
    `  <author><name>${xml(doc.author)}</name></author>`,
    '  <generator>korso</generator>',
    ...items,
    '</feed>',
    '',
  ]
    .filter(Boolean)
    .join('\n');
}

function jsonFeed(doc: FeedDoc): string {
  return JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: doc.title,
      home_page_url: doc.links.page,
      feed_url: doc.links.json,
      next_url: doc.links.paging?.next,
      description: doc.description,
      language: doc.lang,
      authors: [{ name: doc.author }],
      items: doc.items.map((item) => ({
        id: item.id,
        url: item.url,
        title: item.title,
        content_html: item.contentHtml,
        summary: item.summary ?? undefined,
        date_published: item.published.toISOString(),
        date_modified: item.updated.toISOString(),
        authors: item.author ? [item.author] : undefined,
        tags: item.categories.length ? item.categories : undefined,
        language: item.lang === doc.lang ? undefined : item.lang,
      })),
    },
    null,
    2,
  );
}
