import type { CheerioAPI } from 'cheerio';
import * as cheerio from 'cheerio';
import { absolutizeUrl } from '../sanitize/index.js';

export interface FeedLink {
  url: string;
  /** The media type, lower-case and without parameters. */
  type: string;
  title: string | null;
}

// application/json is left out on purpose: WordPress advertises its REST API with it on every post.
const FEED_TYPES = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/feed+json',
]);

const USUAL_PATHS = [
  'feed/',
  'rss.xml',
  'feed.xml',
  'atom.xml',
  'index.xml',
  'rss/',
  'feeds/posts/default',
  'blog-feed.xml',
];

// Feed locations that sit more than one level below the blog's home.
const DEEP_FEED_SUFFIXES = [
  'feeds/posts/default/',
  'feed/atom/',
  'feed/rss2/',
  'feed/rss/',
  'feed/rdf/',
  'comments/feed/',
];

const COMMENT_FEED_TITLE = /kommentar|comments?\b/i;

/** The base for relative links: the page URL, or a `<base href>` the page declares. */
export function documentBase($: CheerioAPI, pageUrl: string): string {
  const declared = $('base[href]').first().attr('href');
  return (declared && absolutizeUrl(declared, pageUrl)) || pageUrl;
}

/** Every feed a page links with `<link rel="alternate">`, comment feeds included, in document order. */
export function feedLinksOf($: CheerioAPI, pageUrl: string): FeedLink[] {
  const base = documentBase($, pageUrl);
  const links: FeedLink[] = [];
  const seen = new Set<string>();
  $('link[rel][href][type]').each((_i, el) => {
    const rel = ($(el).attr('rel') ?? '').toLowerCase().split(/\s+/);
    if (!rel.includes('alternate') && !rel.includes('feed')) return;
    const type = ($(el).attr('type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!FEED_TYPES.has(type)) return;
    const url = absolutizeUrl($(el).attr('href') ?? '', base);
    if (url === null || seen.has(url)) return;
    seen.add(url);
    const title = $(el).attr('title')?.trim() || null;
    links.push({ url, type, title });
  });
  return links;
}

/** A feed of comments rather than posts: its title says so, or it lives below a `/comments/` path. */
export function isCommentFeed(link: FeedLink): boolean {
  if (link.title !== null && COMMENT_FEED_TITLE.test(link.title)) return true;
  return /\/comments\//i.test(`${new URL(link.url).pathname}/`);
}

/** Feed URLs advertised by a page (`<link rel="alternate">` for RSS, Atom, RDF, JSON Feed), absolute, in order. */
export function advertisedFeeds(
  html: string,
  pageUrl: string,
  opts: { excludeComments?: boolean } = {},
): string[] {
  const links = feedLinksOf(cheerio.load(html), pageUrl);
  return links.filter((l) => !(opts.excludeComments && isCommentFeed(l))).map((l) => l.url);
}

function directoryOf(url: URL): URL {
  const dir = new URL(url.href);
  dir.search = '';
  dir.hash = '';
  if (!dir.pathname.endsWith('/')) {
    const last = dir.pathname.slice(dir.pathname.lastIndexOf('/') + 1);
    dir.pathname = last.includes('.')
      ? dir.pathname.slice(0, dir.pathname.lastIndexOf('/') + 1)
      : `${dir.pathname}/`;
  }
  return dir;
}

/**
 * The usual feed paths to try when a blog's home page advertises none — WordPress, static site
 * generators, Blogger and Wix — resolved below the home (a path-based blog keeps its prefix).
 */
export function usualFeedPaths(homeUrl: string): string[] {
  const absolute = absolutizeUrl(homeUrl);
  if (absolute === null) return [];
  const dir = directoryOf(new URL(absolute));
  return USUAL_PATHS.map((p) => new URL(p, dir).href);
}

/**
 * A blog's home page for an entry. Without `feedUrl` it is the entry's origin + `/`. With the feed
 * the entry page advertises (same origin only), it is the feed's location minus its feed part —
 * `/anna/feed/` → `/anna/`, `/blog/rss.xml` → `/blog/`, `/feeds/posts/default` → `/` — so
 * path-based multi-blog hosts resolve to the right blog; a home the entry is not under falls back
 * to the origin. An unparsable `entryUrl` is returned as given.
 */
export function blogHomeFor(entryUrl: string, feedUrl?: string | null): string {
  const absolute = absolutizeUrl(entryUrl);
  if (absolute === null) return entryUrl;
  const entry = new URL(absolute);
  const originHome = `${entry.origin}/`;
  const feedAbsolute = feedUrl ? absolutizeUrl(feedUrl, absolute) : null;
  if (feedAbsolute === null) return originHome;
  const feed = new URL(feedAbsolute);
  if (feed.origin !== entry.origin) return originHome;
  const path = feed.pathname.endsWith('/') ? feed.pathname : `${feed.pathname}/`;
  const deep = DEEP_FEED_SUFFIXES.find((suffix) => path.endsWith(`/${suffix}`));
  // Otherwise the feed is one level below the home: `/anna/feed/`, `/blog/rss.xml`.
  const cut = deep?.length ?? path.length - path.slice(0, -1).lastIndexOf('/') - 1;
  const homePath = path.slice(0, path.length - cut);
  if (homePath === '' || !entry.pathname.startsWith(homePath)) return originHome;
  return `${entry.origin}${homePath}`;
}
