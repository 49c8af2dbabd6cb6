import { escapeXml } from '../sanitize/escape.js';
import type { PublishedEntry } from './types.js';

export interface OpmlFeed {
  title: string;
  feedUrl: string;
  siteUrl: string | null;
}

/** Each participant blog with a known feed once, named by the blog and linked to its home page. */
export function opmlBlogs(entries: PublishedEntry[]): OpmlFeed[] {
  const blogs = new Map<string, OpmlFeed>();
  for (const e of entries) {
    if (e.feedUrl && !blogs.has(e.feedUrl))
      blogs.set(e.feedUrl, { title: e.blogName, feedUrl: e.feedUrl, siteUrl: e.blogUrl });
  }
  return [...blogs.values()];
}

/** OPML 2.0 subscription list: the parade's combined feed first, then every participant blog's feed. */
export function renderOpml(title: string, combined: OpmlFeed, blogs: OpmlFeed[], updated: Date): string {
  const outline = (f: OpmlFeed) =>
    `    <outline type="rss" text="${escapeXml(f.title)}" title="${escapeXml(f.title)}" xmlUrl="${escapeXml(f.feedUrl)}"${
      f.siteUrl ? ` htmlUrl="${escapeXml(f.siteUrl)}"` : ''
    }/>`;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeXml(title)}</title>`,
    `    <dateModified>${updated.toUTCString()}</dateModified>`,
    '  </head>',
    '  <body>',
    outline(combined),
    ...blogs.map(outline),
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}
