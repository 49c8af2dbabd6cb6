export interface ExtractedList {
  ordered: boolean;
  /** The lead-in right before the list (a sentence ending in ":" or "…", "… wir …", the heading above). */
  intro: string | null;
  items: string[];
  /** Sanitized HTML of each item (links and emphasis kept), same order as items. */
  itemsHtml: string[];
  /** A list nested in an item of another list: that list's index among the page's lists, and the item's. */
  parent?: { list: number; item: number };
}

export type BacklinkPlace = 'content' | 'elsewhere' | 'none';

export interface ExtractedPage {
  url: string;
  /** <link rel=canonical> / og:url, absolute, or null. */
  canonicalUrl: string | null;
  title: string | null;
  author: string | null;
  /** ISO 8601 or null. */
  published: string | null;
  lang: string | null;
  /** Main content as plain text, blocks separated by blank lines. */
  text: string;
  /** Sanitized HTML of the main content. */
  html: string;
  excerpt: string | null;
  lists: ExtractedList[];
  /** The blog's name as the page states it (og:site_name, the publisher in JSON-LD), or null. */
  siteName: string | null;
  /** Absolute URLs linked in the main content. */
  links: string[];
  /** Absolute URLs linked anywhere else on the page (chrome, sidebar, comments). */
  otherLinks: string[];
  /** <link rel="alternate"> feeds, absolute. */
  feeds: string[];
  /** Present when the bytes were declared one charset but decoded as another (for the crawler's log). */
  charsetFallback?: { declared: string; used: string };
}

export interface ExtractInput {
  /** Raw bytes as fetched (charset sniffed: BOM, header, meta, UTF-8, windows-1252) … */
  bytes?: Buffer;
  /** … or already decoded HTML. */
  html?: string;
  /** The page's URL, for absolutizing links. */
  url: string;
  /** The Content-Type header, for its charset. */
  contentType?: string | null;
}
