import type { Element } from 'domhandler';
import { parseDate } from './dates.js';
import { linkSite } from './site-links.js';
import {
  attr,
  BLOCK_TAGS,
  classHints,
  closest,
  elementChildren,
  findAll,
  LIST_TAGS,
  parentElement,
  removeNode,
  textOf,
} from './dom.js';

const HIDDEN_STYLE = /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)/i;

/**
 * Page furniture that can survive the content scorer because it sits inside the post body:
 * tables of contents, comment threads, share bars, related-post blocks, cookie banners,
 * breadcrumbs, pagination, newsletter and author boxes, post meta lines. Matched on whole
 * class/id words (WordPress and Blogger names included), so "commentary" or "shared-state" stay.
 */
const CHROME_WORDS =
  /(^|[\s_-])(toc|ez-toc|ez-toc-container|lwptoc|table-of-contents|inhaltsverzeichnis|comments?|comment-list|commentlist|comment-respond|respond|disqus|thread|share|shares|sharing|sharedaddy|shariff|social|socials|share-buttons|related|related-posts|relatedposts|jp-relatedposts|yarpp|crp_related|similar-posts|more-posts|further-reading|cookie|cookies|consent|gdpr|breadcrumb|breadcrumbs|pagination|pager|nav-links|post-navigation|navigation|newsletter|subscribe|author-box|authorbox|author-bio|about-author|post-meta|entry-meta|postmeta|postmetadata|entry-footer|post-footer|post-tags|entry-tags|tags-links|cat-links|widget|sidebar)([\s_-]|$)/i;
const CHROME_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'menu',
  'menubar',
  'toolbar',
  'dialog',
]);
const CHROME_TAGS = new Set(['nav', 'aside', 'footer', 'form', 'button', 'select', 'input', 'textarea']);

/**
 * Page parts that carry other people's names and other posts' dates — comments, mentions, sidebars,
 * related and recent posts — so author and date are never read from them. Unlike isChrome, the
 * post's own meta lines (entry-meta, post-footer, byline) do not count.
 */
const FOREIGN_WORDS =
  /(^|[\s_-])(comments?|comment-list|commentlist|comment-respond|respond|replies|responses|disqus|webmentions?|mentions|pingbacks?|trackbacks?|notes|sidebar|widget|widgets|widget-area|related|related-posts|recent|recent-posts|popular|blogroll|archive|archives|site-footer|colophon)([\s_-]|$)/i;

export function isForeignChrome(el: Element): boolean {
  if (el.name === 'body' || el.name === 'html') return false;
  if (el.name === 'aside' || el.name === 'nav') return true;
  const role = attr(el, 'role');
  if (role === 'complementary' || role === 'navigation') return true;
  const hints = classHints(el);
  return hints.length > 1 && FOREIGN_WORDS.test(hints);
}

export function isHidden(el: Element): boolean {
  if (attr(el, 'hidden') !== undefined) return true;
  if (attr(el, 'aria-hidden') === 'true' && !(attr(el, 'class') ?? '').includes('fallback-image'))
    return true;
  const style = attr(el, 'style');
  return style !== undefined && HIDDEN_STYLE.test(style);
}

const BUTTON_WORDS = /(^|[\s_-])(button|btn|cta)([\s_-]|$)/i;
const LINK_SEPARATORS = /[\s|·•«»‹›<>/\\–—-]+/g;

/**
 * "« Voriger Beitrag | Zur Übersicht | Nächster »": a line of nothing but links and separators to
 * the site itself (a line of links to other blogs is the author's, "A · B · C").
 */
function isLinkLine(el: Element, baseUrl: string | undefined): boolean {
  if (el.name !== 'p' && el.name !== 'div') return false;
  if (findAll(el, (node) => BLOCK_TAGS.has(node.name) && node.name !== 'br').length > 0) return false;
  // Links on lines of their own ("» <a>…</a><br>» <a>…</a>") are a list of links, not a nav line.
  if (findAll(el, (node) => node.name === 'br').length > 0) return false;
  const links = findAll(el, (node) => node.name === 'a');
  if (links.length < 2) return false;
  const text = textOf(el);
  if (text.length > 200) return false;
  let rest = text;
  for (const link of links) rest = rest.replace(textOf(link), ' ');
  if (rest.replace(LINK_SEPARATORS, '') !== '') return false;
  if (baseUrl === undefined) return true;
  const outbound = links.filter((link) => linkSite(link, baseUrl) === 'other').length;
  return outbound * 3 < links.length * 2;
}

/** A call-to-action button wrapper ("Teilen", "Abonnieren") rather than text. */
function isButtonBlock(el: Element): boolean {
  const hints = `${attr(el, 'class') ?? ''}`;
  return BUTTON_WORDS.test(hints) && textOf(el).length <= 60;
}

const BYLINE_HINT = /byline|author|dateline|writtenby|p-author|avatar/i;

/** The post's own byline (author name, avatar, profile link, reading time) inside the content. */
function isByline(el: Element): boolean {
  const hints = `${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''} ${attr(el, 'data-testid') ?? ''} ${attr(el, 'rel') ?? ''} ${attr(el, 'itemprop') ?? ''}`;
  return hints.length > 4 && BYLINE_HINT.test(hints) && visibleLength(textOf(el)) <= 150;
}

/** The outermost wrapper that holds nothing but `el` (an avatar's link and its boxes). */
function soleWrapper(el: Element, container: Element): Element {
  let current = el;
  let parent = parentElement(current);
  while (
    parent !== null &&
    parent !== container &&
    elementChildren(parent).length === 1 &&
    visibleLength(textOf(parent)) === visibleLength(textOf(current))
  ) {
    current = parent;
    parent = parentElement(current);
  }
  return current;
}

const READING_TIME = /^\d+\s*(min\.?|minutes?|minuten|mins?)\b/i;

/** A lone date, count or reading time ("Jul 14, 2022", "128", "3 min read") opening the content. */
function isMetaLine(text: string): boolean {
  if (text.length > 40) return false;
  return /^[\d.,:\s]+$/.test(text) || READING_TIME.test(text) || parseDate(text) !== null;
}

/** Drops the date, reading-time and counter lines that sit above the post's first real text. */
function removeLeadingMeta(container: Element): void {
  const isBlock = (el: Element) => BLOCK_TAGS.has(el.name) && el.name !== 'br' && el.name !== 'img';
  for (const leaf of findAll(container, (el) => isBlock(el) && findAll(el, isBlock).length === 0)) {
    const text = textOf(leaf);
    if (text === '') continue;
    if (!isMetaLine(text)) return;
    removeNode(leaf);
  }
}

/** Chrome by tag, role or class/id words (see CHROME_WORDS). */
export function isChrome(el: Element): boolean {
  if (el.name === 'body' || el.name === 'html') return false;
  if (CHROME_TAGS.has(el.name)) return true;
  const role = attr(el, 'role');
  if (role !== undefined && CHROME_ROLES.has(role.toLowerCase())) return true;
  const hints = classHints(el);
  return hints.length > 1 && CHROME_WORDS.test(hints);
}

const visibleLength = (text: string): number => text.replace(/\s+/g, '').length;

function inPageLinkText(el: Element): number {
  let length = 0;
  for (const a of findAll(el, (node) => node.name === 'a' && /^#./.test(attr(node, 'href') ?? ''))) {
    length += visibleLength(textOf(a));
  }
  return length;
}

/**
 * A table of contents by structure, whatever its classes: a list of two or more entries whose text
 * is (almost) all links to anchors on the same page.
 */
export function isTableOfContents(el: Element): boolean {
  if (!LIST_TAGS.has(el.name)) return false;
  const items = findAll(el, (node) => node.name === 'li');
  if (items.length < 2) return false;
  const text = visibleLength(textOf(el));
  return text > 0 && inPageLinkText(el) / text >= 0.9;
}

/**
 * Removes chrome blocks from the extracted content (outermost first). A block holding most of the
 * content's text is the post itself, whatever its classes say ("newsletter-post", "widget-content").
 */
export function removeChrome(container: Element, baseUrl?: string): void {
  const total = visibleLength(textOf(container));
  const chrome = findAll(
    container,
    (node) => isChrome(node) || isTableOfContents(node) || isLinkLine(node, baseUrl) || isButtonBlock(node),
  );
  for (const el of chrome) {
    if (el.parent === null) continue;
    if (el.name !== 'nav' && el.name !== 'form' && visibleLength(textOf(el)) > total * 0.5) continue;
    removeNode(el);
  }
  for (const el of findAll(container, isByline)) {
    // Bylines of teasers inside a list are part of the item's text.
    if (el.parent !== null && closest(el, (node) => node.name === 'li') === null)
      removeNode(soleWrapper(el, container));
  }
  removeLeadingMeta(container);
}
