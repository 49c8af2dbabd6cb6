import type { Cheerio, CheerioAPI } from 'cheerio';
import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import { absolutizeUrl, normalizeUrl } from '../sanitize/index.js';
import { COMMENT } from './call-page.js';
import { commentPageNumber, commentPostKey, pageAddress } from './comment-urls.js';
import { documentBase } from './feed-discovery.js';

export interface CommentPageLink {
  /** Absolute, without fragment. */
  url: string;
  /** The page's number, from its URL or the pagination's label; null when neither tells. */
  number: number | null;
  /** Newer comments (WordPress "Neuere Kommentare", rel=next) or older ones; null when the link does not say. */
  direction: 'newer' | 'older' | null;
}

export interface CommentPager {
  /** This page's number: from its URL, the pagination's current marker, or its neighbours' numbers. */
  current: number | null;
  /** The other pages of the same post's comments, in document order, each once. */
  links: CommentPageLink[];
  /** True when a newer page follows this one, so its comments are settled. */
  hasNewer: boolean;
  /** Comments (and pingbacks) shown on the page. */
  comments: number;
}

export interface FeedPaging {
  /** The next (older) page of the feed: Atom/RFC 5005 `rel="next"`, else computed from OpenSearch counts. */
  next: string | null;
  /** OpenSearch `totalResults`, as Blogger's feeds carry it. */
  total: number | null;
  /** The feed says WordPress made it (its RSS pages by `?paged=N` without advertising them). */
  wordpress: boolean;
}

// Where themes put comment pagination: classic `the_comments_navigation()` / `the_comments_pagination()`,
// Twenty Eleven/Twelve's ids, block themes' Comments Pagination block, Blogger's paging control.
const NAV = [
  '.comment-navigation',
  '.comments-navigation',
  '.comments-pagination',
  '.comment-pagination',
  '#comment-nav-above',
  '#comment-nav-below',
  '.comment-nav',
  '.comments-nav',
  '.wp-block-comments-pagination',
  '.paging-control-container',
].join(', ');

const NEWER_CLASS = /(^|[\s_-])(next|newer)($|[\s_-])/;
const OLDER_CLASS = /(^|[\s_-])(prev|previous|older)($|[\s_-])/;
const NEWER_TEXT = /^(neuere|newer|nächste|next|weiter)\b|[»→›]$/i;
const OLDER_TEXT = /^(ältere|older|vorherige|previous|zurück)\b|^[«←‹]/i;

function directionOf(a: Cheerio<Element>): 'newer' | 'older' | null {
  const rel = (a.attr('rel') ?? '').toLowerCase().split(/\s+/);
  if (rel.includes('next')) return 'newer';
  if (rel.includes('prev') || rel.includes('previous')) return 'older';
  const classes = `${a.attr('class') ?? ''} ${a.parent().attr('class') ?? ''}`.toLowerCase();
  if (NEWER_CLASS.test(classes)) return 'newer';
  if (OLDER_CLASS.test(classes)) return 'older';
  const text = a.text().replace(/\s+/g, ' ').trim();
  if (NEWER_TEXT.test(text)) return 'newer';
  if (OLDER_TEXT.test(text)) return 'older';
  return null;
}

/** Outermost comment elements only (a comment's inner body matches the selector too); Blogger's `dd` is a `dt`'s text. */
function countComments($: CheerioAPI): number {
  return $(COMMENT).filter((_i, el) => !$(el).is('dd') && $(el).parent().closest(COMMENT).length === 0)
    .length;
}

/**
 * Reads a call page's comment pagination — WordPress classic themes' comment navigation and numbered
 * comment pagination, block themes' Comments Pagination block, `comment-page-N/` and `?cpage=N`
 * links, `rel="next"`/`rel="prev"` (in the head only when the target is a comment page of this post,
 * as WordPress' `<link rel="next">` otherwise names the next post), Blogger's `?commentPage=N`.
 * Links to other posts are left out; so is the page itself.
 */
export function readCommentPager(html: string, pageUrl: string): CommentPager {
  const $ = cheerio.load(html);
  const base = documentBase($, pageUrl);
  const post = commentPostKey(pageUrl);
  const selfAddress = normalizeUrl(pageAddress(pageUrl));
  const fromUrl = commentPageNumber(pageUrl);

  const found: (CommentPageLink & { key: string })[] = [];
  const consider = (
    href: string | undefined,
    direction: CommentPageLink['direction'],
    label: string | null,
    inNav: boolean,
  ) => {
    const url = absolutizeUrl(href ?? '', base);
    if (url === null || commentPostKey(url) !== post || post === null) return;
    const numbered = commentPageNumber(url);
    // Outside the pagination only a numbered link is surely a comment page (not a permalink to the post).
    if (numbered === null && !inNav) return;
    const key = normalizeUrl(pageAddress(url));
    if (key === null || key === selfAddress) return;
    const fromLabel = label !== null && /^\d+$/.test(label) ? Number(label) : null;
    found.push({ url: pageAddress(url), key, number: numbered ?? fromLabel, direction });
  };

  $('a[href]').each((_i, el) => {
    const a = $(el);
    const inNav = a.closest(NAV).length > 0;
    consider(
      a.attr('href'),
      inNav || a.attr('rel') ? directionOf(a) : null,
      inNav ? a.text().trim() : null,
      inNav,
    );
  });
  $('head link[rel][href]').each((_i, el) => {
    const rel = ($(el).attr('rel') ?? '').toLowerCase().split(/\s+/);
    const direction = rel.includes('next') ? 'newer' : rel.includes('prev') ? 'older' : null;
    if (
      direction !== null &&
      commentPageNumber(absolutizeUrl($(el).attr('href') ?? '', base) ?? '') !== null
    ) {
      consider($(el).attr('href'), direction, null, false);
    }
  });

  const marked = $(NAV).find('.current, [aria-current="page"]').first().text().trim();
  const older = found.find((l) => l.direction === 'older' && l.number !== null);
  const newer = found.find((l) => l.direction === 'newer' && l.number !== null);
  const current =
    fromUrl ??
    (/^\d+$/.test(marked) ? Number(marked) : null) ??
    (older ? older.number! + 1 : newer ? newer.number! - 1 : null);

  const links: CommentPageLink[] = [];
  const byKey = new Map<string, CommentPageLink>();
  for (const { key, ...link } of found) {
    // The page under another address (the bare post URL shows the newest page, which WordPress may also link by number).
    if (current !== null && link.number === current) continue;
    const known = byKey.get(key);
    if (known) {
      known.number ??= link.number;
      known.direction ??= link.direction;
      continue;
    }
    byKey.set(key, link);
    links.push(link);
  }
  // A "newer" link whose number is not higher points back: it settles nothing.
  const hasNewer = links.some((l) =>
    current !== null && l.number !== null ? l.number > current : l.direction === 'newer',
  );
  return { current, links, hasNewer, comments: countComments($) };
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*(["'])([^"']*)\\1`, 'i').exec(tag);
  return match ? match[2]!.replaceAll('&amp;', '&') : null;
}

function openSearch(head: string, name: string): number | null {
  const match = new RegExp(`<(?:[\\w-]+:)?${name}>\\s*(\\d+)\\s*<`, 'i').exec(head);
  return match ? Number(match[1]) : null;
}

/**
 * How a feed pages (read from the feed's head, before its first entry): an Atom `<link rel="next">`
 * (RFC 5005, Blogger), an `atom:link rel="next"` in RSS, or OpenSearch `startIndex`/`itemsPerPage`/
 * `totalResults` (Blogger's `start-index`/`max-results`); and whether WordPress generated it.
 */
export function feedPagingOf(xml: string, feedUrl: string): FeedPaging {
  const firstItem = xml.search(/<(entry|item)[\s>]/i);
  const head = firstItem < 0 ? xml : xml.slice(0, firstItem);
  let next: string | null = null;
  for (const tag of head.match(/<(?:atom:)?link\b[^>]*>/gi) ?? []) {
    const rel = attribute(tag, 'rel')?.toLowerCase().split(/\s+/) ?? [];
    const href = attribute(tag, 'href');
    if (rel.includes('next') && href) {
      next = absolutizeUrl(href, feedUrl);
      break;
    }
  }
  const total = openSearch(head, 'totalResults');
  const start = openSearch(head, 'startIndex');
  const perPage = openSearch(head, 'itemsPerPage');
  if (next === null && total !== null && start !== null && perPage !== null && perPage > 0) {
    if (start + perPage <= total) {
      const url = new URL(feedUrl);
      url.searchParams.set('start-index', String(start + perPage));
      url.searchParams.set('max-results', String(perPage));
      next = url.href;
    }
  }
  const wordpress = /<generator[^>]*>\s*https?:\/\/wordpress\.(org|com)\//i.test(head);
  return { next, total, wordpress };
}

/** WordPress serves older parts of a comment feed at `?paged=N` without linking them. */
export function wordpressFeedPage(feedUrl: string, page: number): string {
  const url = new URL(feedUrl);
  url.searchParams.set('paged', String(page));
  return url.href;
}
