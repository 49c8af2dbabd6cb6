import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import { normalizeItem } from './scoring.js';

export interface ChromeTruthList {
  items: string[];
  reason: string;
}

// Deliberately independent of src/extract: the eval decides by its own narrow rules which truth
// lists fall under the two kinds the extraction issue names as "not lists of the post" (tables of
// contents, comment threads), so the extractor's own chrome rules cannot excuse its misses.
const COMMENTS = /(^|[\s_-])(comments?|comment-list|commentlist)([\s_-]|$)/i;

function ownItems($: cheerio.CheerioAPI, list: Element): string[] {
  return $(list)
    .children('li')
    .toArray()
    .map((li) => {
      const clone = $(li).clone();
      clone.find('ul, ol, menu').remove();
      return clone.text();
    })
    .map(normalizeItem)
    .filter(Boolean);
}

/**
 * Every item is one link to an anchor on the same page, and the link is the item's whole text (the
 * mark of a table of contents; footnotes link anchors too, but only from a "^" or a number).
 */
function isTableOfContents($: cheerio.CheerioAPI, list: Element): boolean {
  const items = $(list).children('li').toArray();
  return (
    items.length > 0 &&
    items.every((li) => {
      const own = $(li).clone();
      own.find('ul, ol, menu').remove();
      const link = own.find('a').first();
      const href = link.attr('href');
      return (
        href?.startsWith('#') === true &&
        href.length > 1 &&
        normalizeItem(link.text()) === normalizeItem(own.text())
      );
    })
  );
}

function commentContainer($: cheerio.CheerioAPI, list: Element): string | null {
  for (const el of [list, ...$(list).parents().toArray()]) {
    const hint = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
    if (COMMENTS.test(hint)) return `inside <${el.name} ${hint.trim()}>`;
  }
  return null;
}

/** Truth lists (matched by their items in source.html) that are tables of contents or comment threads. */
export function chromeTruthLists(sourceHtml: string, truth: string[][]): ChromeTruthList[] {
  const $ = cheerio.load(sourceHtml);
  const byItems = new Map<string, Element>();
  for (const list of $('ul, ol, menu').toArray()) {
    const key = ownItems($, list).join('\n');
    if (!byItems.has(key)) byItems.set(key, list);
  }
  const out: ChromeTruthList[] = [];
  for (const items of truth) {
    const source = byItems.get(items.map(normalizeItem).join('\n'));
    if (source === undefined) continue;
    const reason = isTableOfContents($, source)
      ? 'table of contents (in-page anchor links)'
      : commentContainer($, source);
    if (reason !== null) out.push({ items, reason });
  }
  return out;
}
