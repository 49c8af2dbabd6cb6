import type { Cheerio, CheerioAPI } from 'cheerio';
import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import { absolutizeUrl, normalizeUrl } from '../sanitize/index.js';
import { commentPostKey } from './comment-urls.js';
import { documentBase, type FeedLink, feedLinksOf } from './feed-discovery.js';

export interface CallPageFindings {
  /** Source URLs of pingbacks/trackbacks shown in the comment area: the pinging post, not the comment. */
  pingbacks: string[];
  /** Commenters' website URLs — participant blogs, not entries. The host's own replies and home are left out. */
  commenterSites: string[];
  /** Links inside comment texts: candidates for entries. */
  commentLinks: string[];
  /** The call's own comment feed, as the page advertises it; null when it does not. */
  commentFeedUrl: string | null;
}

// WordPress (classic and block themes) mark pingbacks by class; Blogger and Ghost have none.
const PINGBACK = '.pingback, .trackback, .comment-type-pingback, .comment-type-trackback';

// One comment, on WordPress (classic, block), Blogger (threaded and classic) and microformats markup.
export const COMMENT = [
  '.comment',
  '.comment-body',
  '.wp-block-comment-template > li',
  '.comment-list > li',
  '.commentlist > li',
  '.comment-thread li',
  '#comments-block > dt',
  '#comments-block > dd',
  '.p-comment',
  '.u-comment',
  '.h-cite',
].join(', ');

// Where a comment names its author; a link here is the commenter's website.
const AUTHOR = [
  '.comment-author',
  '.wp-block-comment-author-name',
  '.vcard',
  '.h-card',
  '.p-author',
  'cite.user',
  '.comment-header cite',
  '.fn',
].join(', ');

// Permalinks, dates, reply and edit links, the form: nothing a commenter wrote.
const META = [
  '.comment-meta',
  '.comment-metadata',
  '.reply',
  '.comment-reply',
  '.comment-actions',
  '.comment-footer',
  '.comment-header',
  '.comment-awaiting-moderation',
  '.wp-block-comment-date',
  '.wp-block-comment-reply-link',
  '.wp-block-comment-edit-link',
  '.avatar-image-container',
  '.datetime',
  '.comment-respond',
  'form',
].join(', ');

const PREFERRED_PINGBACK_LINK = 'a.url, .comment-author a, .wp-block-comment-author-name a, cite a';

// Platform hosts that never hold a participant's post: avatars and Blogger's profile/admin pages.
const PLATFORM_HOST = /(^|\.)(gravatar\.com|blogger\.com)$/i;

function isAvatarLink(a: Cheerio<Element>): boolean {
  const img = a.find('img');
  return (
    img.length > 0 && a.text().trim() === '' && /avatar|gravatar|photo|u-photo/i.test(img.attr('class') ?? '')
  );
}

class Collector {
  readonly urls: string[] = [];
  private readonly seen = new Set<string>();

  /** Keeps the first spelling of a URL; http/https, www and tracking-parameter variants are one. */
  add(url: string): void {
    const key = normalizeUrl(url) ?? url;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.urls.push(url);
  }
}

function commentFeedOf(links: FeedLink[], pageUrl: string): string | null {
  const xml = links.filter((l) => l.type !== 'application/feed+json');
  const page = normalizeUrl(pageUrl);
  const atRoot = page === null || new URL(page).pathname === '/';
  const below = xml.find((l) => !atRoot && (normalizeUrl(l.url) ?? '').startsWith(`${page}/`));
  if (below) return below.url;
  // Blogger titles a post's comment feed like the blog's feed; its path names the post.
  const blogger = xml.find((l) => /\/feeds\/\d+\/comments\/default\/?$/.test(new URL(l.url).pathname));
  if (blogger) return blogger.url;
  // The site-wide comment feeds (WordPress /comments/feed/, Blogger /feeds/comments/default) are not the call's.
  const titled = xml.find(
    (l) =>
      /kommentar|comments?\b/i.test(l.title ?? '') &&
      !/\/comments\/feed\/?$|\/feeds\/comments\/default\/?$/i.test(new URL(l.url).pathname),
  );
  return titled?.url ?? null;
}

/** The page's own home, as its header links it, so the host's replies do not count as a participant blog. */
function homeKeys($: CheerioAPI, base: string): Set<string> {
  const keys = new Set<string>();
  $('a[rel~="home"][href], link[rel~="home"][href]').each((_i, el) => {
    if ($(el).closest(COMMENT).length > 0) return;
    const key = normalizeUrl($(el).attr('href') ?? '', base);
    if (key !== null) keys.add(key);
  });
  return keys;
}

/**
 * Reads a call post's comment area — WordPress classic and block themes, Blogger, microformats —
 * for pingback sources, commenters' websites and links in comment texts, plus the post's comment
 * feed. URLs are absolute, http(s) only, deduplicated, in document order. Links back to the call
 * itself (its comment anchors, reply links), avatars and platform pages are left out.
 */
export function readCallPage(html: string, pageUrl: string): CallPageFindings {
  const $ = cheerio.load(html);
  const base = documentBase($, pageUrl);
  const self = new Set(
    [pageUrl, $('link[rel~="canonical"]').attr('href') ?? '']
      .map((u) => absolutizeUrl(u, base))
      .map((u) => (u === null ? null : commentPostKey(u)))
      .filter((u): u is string => u !== null),
  );
  const home = homeKeys($, base);

  /** The absolute URL of a link worth reporting, or null for self links, platform pages and non-http(s). */
  const target = (a: Cheerio<Element>): string | null => {
    const url = absolutizeUrl(a.attr('href') ?? '', base);
    if (url === null) return null;
    const parsed = new URL(url);
    if (PLATFORM_HOST.test(parsed.hostname) || /\/wp-(admin|login\.php)/.test(parsed.pathname)) return null;
    const key = commentPostKey(url);
    if (key === null || self.has(key)) return null;
    if (/comment-reply-link|comment-reply/.test(a.attr('class') ?? '') || isAvatarLink(a)) return null;
    return url;
  };

  const pingbacks = new Collector();
  $(PINGBACK).each((_i, el) => {
    const box = $(el);
    if (box.parent().closest(PINGBACK).length > 0) return;
    const links = [...box.find(PREFERRED_PINGBACK_LINK).toArray(), ...box.find('a[href]').toArray()];
    for (const link of links) {
      const url = target($(link));
      if (url !== null) {
        pingbacks.add(url);
        return;
      }
    }
  });

  const commenterSites = new Collector();
  const commentLinks = new Collector();
  $('a[href]').each((_i, el) => {
    const a = $(el);
    if (a.closest(PINGBACK).length > 0) return;
    if (a.closest(COMMENT).length === 0) return;
    const url = target(a);
    if (url === null) return;
    // The author line sits inside the meta block on WordPress (footer.comment-meta), so it goes first.
    if (a.closest(AUTHOR).length > 0) {
      const byHost = a.closest('.bypostauthor').length > 0 || home.has(normalizeUrl(url) ?? '');
      if (!byHost) commenterSites.add(url);
      return;
    }
    if (a.closest(META).length === 0) commentLinks.add(url);
  });

  return {
    pingbacks: pingbacks.urls,
    commenterSites: commenterSites.urls,
    commentLinks: commentLinks.urls,
    commentFeedUrl: commentFeedOf(feedLinksOf($, pageUrl), pageUrl),
  };
}
