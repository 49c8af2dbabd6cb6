import type { AnyNode, Element } from 'domhandler';
import { attr, isElement } from './dom.js';

/**
 * Readability measures text as `textContent.trim()` with whitespace runs collapsed. Doing that per
 * candidate re-reads every subtree; instead each element gets a summary composed from its
 * children's (collapsed length with leading/trailing-space flags, commas, link text, tag counts),
 * cached until a removal below it invalidates the chain.
 */
export interface TextSummary {
  /** Length with every whitespace run counted as one character, untrimmed. */
  length: number;
  leadingSpace: boolean;
  trailingSpace: boolean;
  blank: boolean;
  commas: number;
  /** Trimmed text length inside <a>, in-page (#…) links weighted 0.3. */
  linkLength: number;
  headingLength: number;
  textishLength: number;
  listLength: number;
  p: number;
  img: number;
  li: number;
  input: number;
  embeds: number;
  videos: number;
}

const EMPTY: TextSummary = {
  length: 0,
  leadingSpace: false,
  trailingSpace: false,
  blank: true,
  commas: 0,
  linkLength: 0,
  headingLength: 0,
  textishLength: 0,
  listLength: 0,
  p: 0,
  img: 0,
  li: 0,
  input: 0,
  embeds: 0,
  videos: 0,
};

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const TEXTISH = new Set([
  'span',
  'li',
  'td',
  'blockquote',
  'dl',
  'div',
  'img',
  'ol',
  'p',
  'pre',
  'table',
  'ul',
]);
const LISTS = new Set(['ul', 'ol']);
const EMBEDS = new Set(['object', 'embed', 'iframe']);
export const VIDEO_URL =
  /\/\/(www\.)?((dailymotion|youtube|youtube-nocookie|player\.vimeo|v\.qq)\.com|(archive|upload\.wikimedia)\.org|player\.twitch\.tv)/i;
const COMMA_CODES = new Set([0x2c, 0x60c, 0xfe50, 0xfe10, 0xfe11, 0x2e41, 0x2e34, 0x2e32, 0xff0c]);

/** JavaScript's \s: what trim() and /\s{2,}/ see. */
function isJsSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function summarizeText(data: string): TextSummary {
  if (data.length === 0) return EMPTY;
  let length = 0;
  let commas = 0;
  let inSpace = false;
  let blank = true;
  for (let i = 0; i < data.length; i++) {
    const code = data.charCodeAt(i);
    if (isJsSpace(code)) {
      if (!inSpace) length++;
      inSpace = true;
    } else {
      length++;
      inSpace = false;
      blank = false;
      if (COMMA_CODES.has(code)) commas++;
    }
  }
  return {
    ...EMPTY,
    length,
    leadingSpace: isJsSpace(data.charCodeAt(0)),
    trailingSpace: inSpace,
    blank,
    commas,
  };
}

export function trimmedLength(summary: TextSummary): number {
  if (summary.blank) return 0;
  return summary.length - (summary.leadingSpace ? 1 : 0) - (summary.trailingSpace ? 1 : 0);
}

export class TextMetrics {
  private readonly cache = new Map<Element, TextSummary>();

  of(node: AnyNode): TextSummary {
    if (node.type === 'text') return summarizeText((node as unknown as { data: string }).data);
    if (!isElement(node)) return EMPTY;
    const cached = this.cache.get(node);
    if (cached !== undefined) return cached;
    const summary = this.compose(node);
    this.cache.set(node, summary);
    return summary;
  }

  /** Trimmed, collapsed text length (Readability's innerText length). */
  textLength(node: AnyNode): number {
    return trimmedLength(this.of(node));
  }

  linkDensity(el: Element): number {
    const summary = this.of(el);
    const length = trimmedLength(summary);
    return length === 0 ? 0 : summary.linkLength / length;
  }

  /** Forget the summaries of `node`'s ancestors; call before detaching or changing `node`. */
  invalidate(node: AnyNode): void {
    let current = node.parent;
    while (current !== null && isElement(current as AnyNode)) {
      this.cache.delete(current as Element);
      current = (current as Element).parent;
    }
    if (isElement(node)) this.cache.delete(node);
  }

  clear(): void {
    this.cache.clear();
  }

  private compose(el: Element): TextSummary {
    let length = 0;
    let leadingSpace = false;
    let trailingSpace = false;
    let blank = true;
    let started = false;
    const total = { ...EMPTY };
    for (const child of el.children) {
      const s = this.of(child);
      if (s.length > 0) {
        if (!started) {
          leadingSpace = s.leadingSpace;
          length = s.length;
          started = true;
        } else {
          length += trailingSpace && s.leadingSpace ? s.length - 1 : s.length;
        }
        trailingSpace = s.trailingSpace;
        blank = blank && s.blank;
      }
      total.commas += s.commas;
      total.linkLength += s.linkLength;
      total.headingLength += s.headingLength;
      total.textishLength += s.textishLength;
      total.listLength += s.listLength;
      total.p += s.p;
      total.img += s.img;
      total.li += s.li;
      total.input += s.input;
      total.embeds += s.embeds;
      total.videos += s.videos;
      if (isElement(child)) this.countElement(child, s, total);
    }
    return { ...total, length, leadingSpace, trailingSpace, blank };
  }

  private countElement(child: Element, s: TextSummary, total: TextSummary): void {
    const name = child.name;
    const ownLength = trimmedLength(s);
    if (name === 'a') {
      const href = attr(child, 'href');
      total.linkLength += ownLength * (href !== undefined && /^#.+/.test(href) ? 0.3 : 1) - s.linkLength;
    }
    if (HEADINGS.has(name)) total.headingLength += ownLength;
    if (TEXTISH.has(name)) total.textishLength += ownLength;
    if (LISTS.has(name)) total.listLength += ownLength;
    if (name === 'p') total.p++;
    else if (name === 'img') total.img++;
    else if (name === 'li') total.li++;
    else if (name === 'input') total.input++;
    else if (EMBEDS.has(name)) {
      if (Object.values(child.attribs).some((value) => VIDEO_URL.test(value))) total.videos++;
      else total.embeds++;
    }
  }
}
