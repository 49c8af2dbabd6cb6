import type { Element } from 'domhandler';
import { attr, findAll, textOf } from './dom.js';

/** The host of a URL without a leading "www.", lower-case, or null when it does not parse. */
export function siteHost(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

/**
 * Where an <a href> points: "same" (this site, relative links included), "other" (another site),
 * or null (no href, a fragment, mailto:, javascript:).
 */
export function linkSite(anchor: Element, baseUrl: string): 'same' | 'other' | null {
  const href = attr(anchor, 'href')?.trim();
  if (href === undefined || href === '' || href.startsWith('#')) return null;
  let url: URL;
  try {
    url = new URL(href, baseUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return url.hostname.toLowerCase().replace(/^www\./, '') === siteHost(baseUrl) ? 'same' : 'other';
}

const MIN_LINKS = 3;

/**
 * A block whose links the author wrote to other sites (a link roll, show notes, bookmarks): three
 * or more links with distinct real text, at least two thirds of them to other sites, hardly any
 * pictures. Such links are the post's content however dense, unlike menus, tag lists and related
 * posts, which link the site.
 */
export function isOutboundLinkBlock(el: Element, baseUrl: string): boolean {
  const anchors = findAll(el, (node) => node.name === 'a' && textOf(node).length >= 4);
  if (anchors.length < MIN_LINKS) return false;
  // Teaser grids repeat "Read Article" and carry pictures; an author's links are all different.
  if (new Set(anchors.map((anchor) => textOf(anchor).toLowerCase())).size < anchors.length) return false;
  if (findAll(el, (node) => node.name === 'img').length > 1) return false;
  let other = 0;
  for (const anchor of anchors) if (linkSite(anchor, baseUrl) === 'other') other++;
  return other * 3 >= anchors.length * 2;
}
