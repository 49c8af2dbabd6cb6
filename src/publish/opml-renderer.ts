import { escapeXml } from '../sanitize/escape.js';

export interface OpmlFeed {
  title: string;
  feedUrl: string;
  siteUrl: string | null;
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
