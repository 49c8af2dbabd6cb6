import * as cheerio from 'cheerio/slim';
import type { AnyNode } from 'domhandler';

/** Whitespace as the corpus counts it: Unicode spaces, NBSP, BOM, zero-width space and word joiner. */
const SPACE_RUN = /[\s\u200b\u2060]+/g;
const BLOCK =
  /^(address|article|aside|blockquote|br|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|td|th|tr|ul)$/;
const SKIPPED = /^(script|style|noscript|template|head|title)$/;

/** Collapses every whitespace run (incl. NBSP, zero-width space) to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(SPACE_RUN, ' ').trim();
}

/** Cuts `text` to at most `max` characters at a word boundary, with an ellipsis. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function appendText(node: AnyNode, parts: string[]): void {
  if (node.type === 'text') {
    parts.push((node as unknown as { data: string }).data);
    return;
  }
  if (!('children' in node)) return;
  const name = 'name' in node ? String(node.name) : '';
  if (SKIPPED.test(name)) return;
  const block = BLOCK.test(name);
  if (block) parts.push(' ');
  for (const child of node.children) appendText(child, parts);
  if (block) parts.push(' ');
}

/** Plain text of an HTML fragment (feed summaries, comments): tags dropped, entities decoded, blocks spaced. */
export function stripText(html: string): string {
  const $ = cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } }, false);
  const parts: string[] = [];
  for (const node of $.root()[0]!.children) appendText(node, parts);
  return collapseWhitespace(parts.join(''));
}
