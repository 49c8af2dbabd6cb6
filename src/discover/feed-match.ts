import * as cheerio from 'cheerio';
import { matchesPrompt } from '../extract/index.js';
import { normalizeUrl } from '../sanitize/index.js';
import type { FeedItem } from './feed-parser.js';

export interface MatchContext {
  callUrls: string[];
  prompt: string | null;
  hashtag: string | null;
}

export interface FeedItemMatch {
  matches: boolean;
  why: 'links-call' | 'names-prompt' | 'names-hashtag' | null;
}

const BARE_URL = /https?:\/\/[^\s<>"'„“”«»]+/g;

/** Every link of an item's content: anchors (relative ones against the item's link) and bare URLs in its text. */
function linksOf(item: FeedItem): string[] {
  const hrefs: string[] = [];
  if (item.contentHtml !== '') {
    const $ = cheerio.load(item.contentHtml, null, false);
    $('a[href]').each((_i, el) => {
      hrefs.push($(el).attr('href') ?? '');
    });
  }
  for (const match of item.contentText.matchAll(BARE_URL)) hrefs.push(match[0].replace(/[.,;:!?)\]]+$/, ''));
  return hrefs;
}

/**
 * Does a feed item answer the parade? It links one of the call URLs in its content (compared as
 * normalized URLs: scheme, www, trailing slash, tracking parameters, fragment), or names the prompt
 * phrase, or the hashtag, in its title or text. An item that is the call itself does not answer it.
 */
export function matchFeedItem(item: FeedItem, ctx: MatchContext): FeedItemMatch {
  const calls = new Set(ctx.callUrls.map((u) => normalizeUrl(u)).filter((u): u is string => u !== null));
  if (item.link !== null && calls.has(normalizeUrl(item.link) ?? '')) return { matches: false, why: null };
  const base = item.link ?? undefined;
  if (linksOf(item).some((href) => calls.has(normalizeUrl(href, base) ?? ''))) {
    return { matches: true, why: 'links-call' };
  }
  const text = `${item.title ?? ''}\n${item.contentText}`;
  if (ctx.prompt !== null && matchesPrompt(text, ctx.prompt)) return { matches: true, why: 'names-prompt' };
  if (ctx.hashtag !== null && matchesPrompt(text, null, [ctx.hashtag]))
    return { matches: true, why: 'names-hashtag' };
  return { matches: false, why: null };
}
