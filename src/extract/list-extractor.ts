import type { AnyNode, Element } from 'domhandler';
import { sanitizeHtml } from '../sanitize/sanitize-html.js';
import {
  BLOCK_CLASS_ATTR,
  BLOCK_TAGS,
  classHints,
  collapse,
  elementChildren,
  findAll,
  findFirst,
  HEADING_TAGS,
  isElement,
  LIST_TAGS,
  NON_TEXT_TAGS,
  ownClass,
  parentElement,
  previousElementSibling,
  textOf,
} from './dom.js';
import { serializeNodes } from './serialize.js';
import { linkSite } from './site-links.js';
import type { ExtractedList } from './types.js';

/**
 * Every list of the post, in document order. Shapes:
 * - <ul>/<ol>/<menu>: items are the <li> whose nearest list is this one, without the text of nested
 *   lists; each nested list follows its parent as a list of its own (the corpus README rules).
 * - Marker lines in one block split by <br> ("• a<br>• b"), or consecutive <p>s that each start
 *   with a marker of one family: •, -, –, *, ✓/✔, →, an emoji, or 1. / 1) / a).
 * - A listicle: same-level headings in a row, each followed by prose, numbered 1, 2, 3 … (three or
 *   more) or opening with the same word ("Weil …", four or more, and only after a lead-in ending
 *   in ":" or "…" or a heading that counts them, "Meine fünf Gründe"); the run may cross wrappers and images and ends at a same-level heading that
 *   breaks the form. Items are the heading texts.
 * Markers are stripped from item text; numbered markers or <ol> make a list ordered.
 *
 * Intro (the lead-in) rules, first match wins:
 * 1. a nested list: its parent item's own text;
 * 2. a marker-free first line inside the same <br> block ("Das wünschen wir uns:<br>• …");
 * 3. the block right before the list (skipping images and empty spacers, climbing out of wrappers
 *    the list opens) when it is a paragraph that reads as unfinished — ends in ":", "…"/"...", or
 *    without . ! ? — the lead-in the items complete ("Mein Wunschkunde ist …", „… die wir …“);
 * 4. a heading that is the block right before the list;
 * 5. two blocks up: when the block right before is a short finished paragraph (a remark), a
 *    heading or a paragraph ending in ":" right before that remark;
 * otherwise null. For listicles the rules apply to the block before the first heading.
 */

const BULLET =
  /^\s*(?:[•·▪▫▸▹►‣◦○●■□➤➔➜➝→⇒⟶✓✔☑✅✗✘❌★☆⭐❖♦◆◇»]|[-–—*+](?=\s)|\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic})*)\s*/u;
const NUMBERED =
  /^\s*(?:(?:nr\.|no\.|#)\s*)?(\d{1,2})\s*[.):]\s+(?=\S)|^\s*#(\d{1,2})\s*[:.)-]?\s+(?=\S)|^\s*([a-z])\)\s+(?=\S)/iu;
const RANK_HEADING =
  /^\s*(?:platz|rang|tipp|schritt|step|tip|punkt|grund|reason|idee|regel|rule|frage|fehler)\s+(?:nr\.\s*)?(\d{1,2})\s*[.:)–-]?\s*/iu;
const SENTENCE_END = /[.!?。！？]$/u;
const LEAD_IN_END = /(:|…|\.\.\.)$/u;
const CLOSING_QUOTES = /["'“”„‚‘’«»›‹)\]\s]+$/u;
const MAX_INTRO_LENGTH = 400;

interface Marker {
  kind: 'bullet' | 'number';
  /** The marker text as written ("•", "-", "1.") — lines of one list share a bullet. */
  symbol: string;
  rest: string;
}

/** The marker at the start of `text` with the whitespace around it, or null. */
function markerPrefix(text: string): { kind: Marker['kind']; prefix: string } | null {
  const numbered = NUMBERED.exec(text);
  if (numbered !== null) return { kind: 'number', prefix: numbered[0] };
  const bullet = BULLET.exec(text);
  if (bullet !== null && bullet[0].trim() !== '') return { kind: 'bullet', prefix: bullet[0] };
  return null;
}

function detectMarker(text: string): Marker | null {
  const found = markerPrefix(text);
  if (found === null) return null;
  const symbol = found.kind === 'number' ? 'n' : markerFamily(found.prefix.trim());
  return { kind: found.kind, symbol, rest: text.slice(found.prefix.length).trim() };
}

function stripMarker(text: string): string {
  return detectMarker(text)?.rest ?? text;
}

/** Lines of one list share a marker family: the same bullet, any check mark, any emoji, any number. */
function markerFamily(symbol: string): string {
  if (/^[✓✔☑✅]/u.test(symbol)) return 'check';
  if (/^[-–—]$/u.test(symbol)) return 'dash';
  if (/\p{Extended_Pictographic}/u.test(symbol)) return 'emoji';
  return symbol;
}

function sameMarkerFamily(a: Marker, b: Marker): boolean {
  return a.kind === b.kind && (a.kind === 'number' || a.symbol === b.symbol);
}

function isListElement(el: Element): boolean {
  return LIST_TAGS.has(el.name);
}

/** Items of a <ul>/<ol>: the <li>s whose nearest list is `list`, nested lists left out. */
function listItems(list: Element): Element[] {
  const items: Element[] = [];
  const visit = (el: Element): void => {
    for (const child of elementChildren(el)) {
      if (child.name === 'li') items.push(child);
      else if (!isListElement(child)) visit(child);
    }
  };
  visit(list);
  return items;
}

/** Item texts of a <ul>/<ol> by the corpus README rule (nested lists left out, empty items dropped). */
export function markupListItems(list: Element): string[] {
  return listItems(list)
    .map((li) => textOf(li, { skipLists: true }))
    .filter((text) => text !== '');
}

function itemsHtmlFor(fragments: string[], baseUrl: string): string[] {
  if (fragments.length === 0) return [];
  const joined = fragments.map((fragment) => `<li>${fragment}</li>`).join('');
  const sanitized = sanitizeHtml(joined, baseUrl);
  const parts = sanitized.split('</li>').map((part) => part.replace(/^<li>/, '').trim());
  parts.pop();
  return parts.length === fragments.length
    ? parts
    : fragments.map((fragment) => sanitizeHtml(fragment, baseUrl));
}

function isProseBlock(el: Element): boolean {
  return el.name === 'p' || el.name === 'div' || el.name === 'blockquote' || el.name === 'section';
}

function isSkippable(el: Element): boolean {
  if (NON_TEXT_TAGS.has(el.name) || el.name === 'br' || el.name === 'hr') return true;
  if (el.name === 'figure' || el.name === 'img' || el.name === 'picture') return true;
  return textOf(el) === '' && !isListElement(el);
}

/** Whether a paragraph reads as the unfinished lead-in to a list (see the rules above). */
export function isLeadIn(text: string): boolean {
  if (text === '' || text.length > MAX_INTRO_LENGTH * 2) return false;
  if (LEAD_IN_END.test(text) || LEAD_IN_END.test(text.replace(CLOSING_QUOTES, ''))) return true;
  const bare = text.replace(CLOSING_QUOTES, '');
  return text.length <= MAX_INTRO_LENGTH && !SENTENCE_END.test(bare) && bare.length > 0;
}

/** The lead-in before `anchor`, climbing out of wrappers the list opens. */
function findIntro(anchor: Element, stop: Element): string | null {
  let current: Element = anchor;
  for (;;) {
    let previous = previousElementSibling(current);
    while (previous !== null && isSkippable(previous)) previous = previousElementSibling(previous);
    if (previous !== null) return introFrom(previous) ?? introTwoUp(previous);
    const parent = parentElement(current);
    if (parent?.name === 'li') return textOf(parent, { skipLists: true }) || null;
    if (parent === null || parent === stop || parent.name === 'body') return null;
    current = parent;
  }
}

function introFrom(previous: Element): string | null {
  if (HEADING_TAGS.has(previous.name)) return textOf(previous) || null;
  if (!isProseBlock(previous)) return null;
  if (elementChildren(previous).some((child) => BLOCK_TAGS.has(child.name) && child.name !== 'br')) {
    const last = [...elementChildren(previous)].reverse().find((child) => !isSkippable(child));
    return last === undefined ? null : introFrom(last);
  }
  const text = textOf(previous);
  return isLeadIn(text) ? text : null;
}

// A remark between lead-in and list ("Die Reihenfolge ist keine Rangliste.") is a sentence or two.
const MAX_REMARK = 300;

/**
 * The lead-in two blocks up: when a short finished paragraph sits between, a heading or a
 * paragraph ending in ":" right before it still introduces the list.
 */
function introTwoUp(remark: Element): string | null {
  if (
    remark.name !== 'p' ||
    elementChildren(remark).some((child) => BLOCK_TAGS.has(child.name) && child.name !== 'br')
  )
    return null;
  if (textOf(remark).length > MAX_REMARK) return null;
  let before = previousElementSibling(remark);
  while (before !== null && isSkippable(before)) before = previousElementSibling(before);
  if (before === null) return null;
  if (HEADING_TAGS.has(before.name)) return textOf(before) || null;
  if (before.name !== 'p') return null;
  const text = textOf(before);
  return LEAD_IN_END.test(text.replace(CLOSING_QUOTES, '')) && text.length <= MAX_INTRO_LENGTH ? text : null;
}

/** Splits a block's children at <br> into lines of nodes. */
function splitAtBreaks(block: Element): AnyNode[][] {
  const lines: AnyNode[][] = [[]];
  for (const child of block.children) {
    if (isElement(child) && child.name === 'br') lines.push([]);
    else lines[lines.length - 1]!.push(child);
  }
  return lines;
}

function nodesText(nodes: AnyNode[]): string {
  return collapse(nodes.map((node) => textOf(node)).join(' '));
}

interface Candidate {
  list: ExtractedList;
  /** Document-order key: the element the list starts at. */
  at: Element;
  /** The nodes of each item, for the reading-suggestion test (not kept for heading runs). */
  itemNodes?: AnyNode[][];
}

interface ExtractContext {
  baseUrl: string;
  root: Element;
  out: Candidate[];
}

function addMarkupList(list: Element, ctx: ExtractContext): void {
  const items: string[] = [];
  const fragments: string[] = [];
  const itemNodes: AnyNode[][] = [];
  for (const li of listItems(list)) {
    const text = textOf(li, { skipLists: true });
    if (text === '') continue;
    items.push(text);
    itemNodes.push([li]);
    fragments.push(serializeNodes(li.children, (el) => isListElement(el)));
  }
  if (items.length === 0) return;
  ctx.out.push({
    at: list,
    itemNodes,
    list: {
      ordered: list.name === 'ol',
      intro: findIntro(list, ctx.root),
      items,
      itemsHtml: itemsHtmlFor(fragments, ctx.baseUrl),
    },
  });
}

const INLINE_WRAPPERS = new Set(['span', 'font', 'b', 'strong', 'i', 'em', 'small', 'big', 'u']);

/** Old editors wrap a whole paragraph in <font>/<span>: the lines live in that sole wrapper. */
function lineHost(block: Element): Element {
  let host = block;
  for (;;) {
    const children = elementChildren(host);
    const onlyChild = children.length === 1 ? children[0]! : null;
    const bareText = host.children.some(
      (node) => node.type === 'text' && /\S/.test((node as unknown as { data: string }).data),
    );
    if (onlyChild === null || bareText || !INLINE_WRAPPERS.has(onlyChild.name)) return host;
    host = onlyChild;
  }
}

/** "• a<br>• b" inside one block: at least two consecutive marker lines of one family. */
function addBreakList(block: Element, ctx: ExtractContext): boolean {
  const host = lineHost(block);
  if (!host.children.some((child) => isElement(child) && child.name === 'br')) return false;
  if (elementChildren(host).some((child) => BLOCK_TAGS.has(child.name) && child.name !== 'br')) return false;
  const lines = splitAtBreaks(host)
    .map((nodes) => ({ nodes, text: nodesText(nodes) }))
    .filter((line) => line.text !== '');
  const markers = lines.map((line) => detectMarker(line.text));
  const first = markers.findIndex((marker) => marker !== null);
  if (first < 0) return false;
  let end = first;
  while (end + 1 < lines.length && markers[end + 1] && sameMarkerFamily(markers[first]!, markers[end + 1]!))
    end++;
  if (end - first < 1) return false;
  if (markers.slice(end + 1).some((marker) => marker !== null)) return false;
  const itemLines = lines.slice(first, end + 1);
  const items = itemLines.map((line) => stripMarker(line.text)).filter((text) => text !== '');
  const leadLine = first > 0 ? lines[first - 1]!.text : null;
  ctx.out.push({
    at: block,
    itemNodes: itemLines.map((line) => line.nodes),
    list: {
      ordered: markers[first]!.kind === 'number',
      intro: leadLine !== null && isLeadIn(leadLine) ? leadLine : findIntro(block, ctx.root),
      items,
      itemsHtml: itemsHtmlFor(
        itemLines.map((line) => stripMarkerHtml(serializeNodes(line.nodes))),
        ctx.baseUrl,
      ).filter((_html, index) => stripMarker(itemLines[index]!.text) !== ''),
    },
  });
  return true;
}

/** Removes the marker from the first text run of an item's HTML, keeping the markup around it. */
function stripMarkerHtml(html: string): string {
  return html.replace(/^((?:\s|<[^>]+>)*)([^<]*)/, (_match, tags: string, text: string) => {
    const found = markerPrefix(text);
    return `${tags}${found === null ? text : text.slice(found.prefix.length)}`;
  });
}

/** Consecutive sibling <p>s that each start with a marker of one family (two or more). */
function addParagraphRuns(parent: Element, ctx: ExtractContext, claimed: Set<Element>): void {
  const children = elementChildren(parent);
  let i = 0;
  while (i < children.length) {
    const start = children[i]!;
    const marker = start.name === 'p' && !claimed.has(start) ? detectMarker(textOf(start)) : null;
    if (marker === null) {
      i++;
      continue;
    }
    const run: Element[] = [start];
    let j = i + 1;
    while (j < children.length) {
      const next = children[j]!;
      if (next.name !== 'p' || claimed.has(next)) break;
      const nextMarker = detectMarker(textOf(next));
      if (nextMarker === null || !sameMarkerFamily(marker, nextMarker)) break;
      run.push(next);
      j++;
    }
    if (run.length >= 2) {
      for (const p of run) claimed.add(p);
      ctx.out.push({
        at: start,
        itemNodes: run.map((p) => [p]),
        list: {
          ordered: marker.kind === 'number',
          intro: findIntro(start, ctx.root),
          items: run.map((p) => stripMarker(textOf(p))),
          itemsHtml: itemsHtmlFor(
            run.map((p) => stripMarkerHtml(serializeNodes(p.children))),
            ctx.baseUrl,
          ),
        },
      });
    }
    i = j;
  }
}

function headingNumber(text: string): number | null {
  const rank = RANK_HEADING.exec(text);
  if (rank !== null) return Number(rank[1]);
  const numbered = NUMBERED.exec(text);
  if (numbered === null) return null;
  return numbered[1] !== undefined
    ? Number(numbered[1])
    : numbered[2] !== undefined
      ? Number(numbered[2])
      : null;
}

function stripHeadingMarker(text: string): string {
  const rank = RANK_HEADING.exec(text);
  if (rank !== null && text.slice(rank[0].length).trim() !== '') return text.slice(rank[0].length).trim();
  return stripMarker(text);
}

/** First words that say nothing about parallel form ("Die …", "The …"). */
const ARTICLE_WORDS = new Set([
  'der',
  'die',
  'das',
  'den',
  'dem',
  'des',
  'ein',
  'eine',
  'einer',
  'eines',
  'the',
  'a',
  'an',
  'le',
  'la',
  'les',
  'el',
  'los',
  'las',
  'il',
  'de',
]);

function firstWord(text: string): string {
  return (/^[\p{L}\p{N}]+/u.exec(text)?.[0] ?? '').toLowerCase();
}

interface HeadingEntry {
  el: Element;
  level: number;
  text: string;
  number: number | null;
  word: string;
  /** Prose (not another heading) follows before the next heading. */
  followedByProse: boolean;
}

const PROSE_TAGS = new Set(['p', 'ul', 'ol', 'blockquote', 'pre', 'table', 'dl']);

/** The content's headings in document order, each knowing whether prose follows it. */
function headingSequence(root: Element): HeadingEntry[] {
  const entries: HeadingEntry[] = [];
  const visit = (el: Element): void => {
    for (const child of elementChildren(el)) {
      if (HEADING_TAGS.has(child.name)) {
        const text = textOf(child);
        if (text !== '') {
          entries.push({
            el: child,
            level: Number(child.name[1]),
            text,
            number: headingNumber(text),
            word: firstWord(text),
            followedByProse: false,
          });
        }
      } else if (PROSE_TAGS.has(child.name) || isListElement(child)) {
        const last = entries[entries.length - 1];
        if (last !== undefined && textOf(child) !== '') last.followedByProse = true;
      } else if (child.name !== 'li') {
        if (
          child.children.some(
            (node) => node.type === 'text' && /\S/.test((node as unknown as { data: string }).data),
          )
        ) {
          const last = entries[entries.length - 1];
          if (last !== undefined) last.followedByProse = true;
        }
        visit(child);
      }
    }
  };
  visit(root);
  return entries;
}

function continuesRun(run: HeadingEntry[], next: HeadingEntry): boolean {
  const first = run[0]!;
  const last = run[run.length - 1]!;
  if (first.number !== null) return next.number !== null && next.number === last.number! + 1;
  return next.word === first.word;
}

// Three section headings sharing a first word are often just a topic ("Mozilla VR", "Mozilla Persona").
const MIN_NUMBERED_HEADINGS = 3;
const MIN_PARALLEL_HEADINGS = 4;

/**
 * Listicles: same-level headings in a row (sub-headings between them allowed), each followed by
 * prose, numbered 1, 2, 3 … (three or more) or opening with the same word ("Weil …", four or more).
 */
function addHeadingRuns(root: Element, ctx: ExtractContext): void {
  const runs: HeadingEntry[][] = [];
  let run: HeadingEntry[] = [];
  const close = (): void => {
    const needed = run[0]?.number === null ? MIN_PARALLEL_HEADINGS : MIN_NUMBERED_HEADINGS;
    if (run.length >= needed) runs.push(run);
    run = [];
  };
  const sequence = headingSequence(root);
  for (const heading of sequence) {
    const level = run[0]?.level;
    if (level !== undefined && heading.level > level) continue;
    if (
      level !== undefined &&
      heading.level === level &&
      heading.followedByProse &&
      continuesRun(run, heading)
    ) {
      run.push(heading);
      continue;
    }
    close();
    const parallelStart = heading.word !== '' && !ARTICLE_WORDS.has(heading.word);
    if (heading.followedByProse && (heading.number !== null || parallelStart)) run = [heading];
  }
  close();
  const taken = new Set<Element>();
  for (const entries of runs) {
    const numbered = entries[0]!.number !== null;
    const intro = findIntro(entries[0]!.el, ctx.root);
    // Unnumbered sections (interview questions, diary days, quoted posts) are a list only when
    // the post announces one ("Meine fünf Gründe:").
    if (!numbered && !announcesList(intro) && !countingHeadingBefore(entries[0]!.el, ctx.root)) continue;
    // List items are short; a run of long headings is a run of section titles.
    if (entries.reduce((sum, entry) => sum + entry.text.length, 0) > MAX_HEADING_ITEM * entries.length)
      continue;
    pushHeadingList(entries, numbered, intro, ctx);
    for (const entry of entries) taken.add(entry.el);
  }
  addCountedHeadings(sequence, taken, ctx);
}

function pushHeadingList(
  entries: HeadingEntry[],
  numbered: boolean,
  intro: string | null,
  ctx: ExtractContext,
): void {
  const items = entries
    .map((entry) => (numbered ? stripHeadingMarker(entry.text) : entry.text))
    .filter((text) => text !== '');
  ctx.out.push({
    at: entries[0]!.el,
    list: {
      ordered: numbered,
      intro,
      items,
      itemsHtml: itemsHtmlFor(items.map(escapeHtml), ctx.baseUrl),
    },
  });
}

const NUMBER_WORDS: Record<string, number> = {
  drei: 3,
  vier: 4,
  fünf: 5,
  fuenf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  neun: 9,
  zehn: 10,
  elf: 11,
  zwölf: 12,
  zwoelf: 12,
};

/** The count a lead-in names ("Meine fünf Lieblingsmenschen:", "Diese 7 Orte:"), 3 to 20, or null. */
function countIn(text: string): number | null {
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0];
    const value = /^\d{1,2}$/.test(word) ? Number(word) : NUMBER_WORDS[word];
    if (value !== undefined && value >= 3 && value <= 20) return value;
  }
  return null;
}

/**
 * Headings of any form that a lead-in counts: "Diese fünf Menschen solltest du kennen:" followed by
 * exactly five same-level headings, each with prose under it (names, places, products).
 */
function addCountedHeadings(sequence: HeadingEntry[], taken: Set<Element>, ctx: ExtractContext): void {
  for (let i = 0; i < sequence.length; i++) {
    const first = sequence[i]!;
    if (taken.has(first.el) || !first.followedByProse) continue;
    const intro = findIntro(first.el, ctx.root);
    if (!announcesList(intro)) continue;
    const count = countIn(intro!);
    if (count === null) continue;
    const entries = [first];
    for (let j = i + 1; j < sequence.length && entries.length < count; j++) {
      const heading = sequence[j]!;
      if (heading.level > first.level) continue;
      if (heading.level < first.level || !heading.followedByProse || taken.has(heading.el)) break;
      entries.push(heading);
    }
    if (entries.length !== count) continue;
    if (entries.reduce((sum, entry) => sum + entry.text.length, 0) > MAX_HEADING_ITEM * entries.length)
      continue;
    const numbered = entries.every((entry) => entry.number !== null);
    pushHeadingList(entries, numbered, intro, ctx);
    for (const entry of entries) taken.add(entry.el);
  }
}

const COUNT =
  /(^|[^\p{L}\p{N}])(\d{1,2}|zwei|drei|vier|fünf|fuenf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwoelf|zwanzig|three|four|five|six|seven|eight|nine|ten|twelve)($|[^\p{L}\p{N}])/iu;
const MAX_COUNTING_HEADING = 80;
const MAX_HEADING_ITEM = 120;

/** A short heading right before `el` that counts what follows ("Meine fünf Gründe", "7 Tipps"). */
function countingHeadingBefore(el: Element, root: Element): boolean {
  let current: Element = el;
  while (current !== root) {
    let previous = previousElementSibling(current);
    while (previous !== null && isSkippable(previous)) previous = previousElementSibling(previous);
    if (previous !== null) {
      const text = HEADING_TAGS.has(previous.name) ? textOf(previous) : '';
      return text.length > 0 && text.length <= MAX_COUNTING_HEADING && COUNT.test(text);
    }
    const parent = parentElement(current);
    if (parent === null) return false;
    current = parent;
  }
  return false;
}

/** A lead-in that ends like an announcement: ":" or "…" (a closing quote may follow). */
function announcesList(intro: string | null): boolean {
  return intro !== null && LEAD_IN_END.test(intro.replace(CLOSING_QUOTES, ''));
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A table cell that holds only a marker: "1." / "1)" / "1", one bullet, check mark or emoji, or an icon. */
function cellMarker(cell: Element): Marker['kind'] | null {
  const text = textOf(cell);
  // An icon or a small picture as the bullet.
  if (text === '') return findFirst(cell, (el) => el.name === 'img' || isIcon(el)) === null ? null : 'bullet';
  if (/^\d{1,2}\s*[.):]?$/u.test(text)) return 'number';
  const bullet = BULLET.exec(text);
  return bullet !== null && bullet[0].trim() !== '' && bullet[0].length === text.length ? 'bullet' : null;
}

/** The rows of a table (not of tables nested in it), each as its cells. */
function tableRows(table: Element): Element[][] {
  const rows: Element[][] = [];
  const visit = (el: Element): void => {
    for (const child of elementChildren(el)) {
      if (child.name === 'tr')
        rows.push(elementChildren(child).filter((cell) => cell.name === 'td' || cell.name === 'th'));
      else if (child.name === 'tbody' || child.name === 'thead' || child.name === 'tfoot') visit(child);
    }
  };
  visit(table);
  return rows;
}

/**
 * A list set as a two-column table: two or more rows, no header cells, every first cell a marker
 * of one kind ("1.", "✔", "•"), every second cell the item. A key/value table is not a list.
 */
function addTableList(table: Element, ctx: ExtractContext): void {
  const rows = tableRows(table);
  if (rows.length < 2 || rows.some((cells) => cells.length !== 2 || cells.some((cell) => cell.name === 'th')))
    return;
  if (findAll(table, (el) => el.name === 'table' || isListElement(el)).length > 0) return;
  if (rows.some((cells) => findFirst(cells[1]!, (el) => el.name === 'img') !== null)) return;
  const kinds = rows.map((cells) => cellMarker(cells[0]!));
  if (kinds.some((kind) => kind === null || kind !== kinds[0])) return;
  const cells = rows.map((row) => row[1]!);
  const items = cells.map((cell) => textOf(cell));
  if (items.some((text) => text === '')) return;
  ctx.out.push({
    at: table,
    itemNodes: cells.map((cell) => [cell]),
    list: {
      ordered: kinds[0] === 'number',
      intro: findIntro(table, ctx.root),
      items,
      itemsHtml: itemsHtmlFor(
        cells.map((cell) => serializeNodes(cell.children)),
        ctx.baseUrl,
      ),
    },
  });
}

const ICON_CLASS = /(^|[\s_-])(icons?|fa[srb]?|dashicons|glyphicon)([\s_-]|$)/i;
const MIN_ICON_ITEMS = 3;
const MAX_ICON_ITEM = 250;

/** An icon: <svg>, <i> or an icon-classed element holding at most a font glyph ("N", "✓"). */
function isIcon(el: Element): boolean {
  if (el.name !== 'svg' && el.name !== 'i' && !ICON_CLASS.test(ownClass(el))) return false;
  return textOf(el).length <= 2;
}

/**
 * The class tokens that say what a block is, without numbered or id-like ones (et_pb_blurb_3,
 * uagb-block-9f…, Elementor's elementor-element-fabcdde).
 */
function classKey(el: Element): string {
  return (el.attribs.class === undefined ? (el.attribs[BLOCK_CLASS_ATTR] ?? '') : ownClass(el))
    .split(/\s+/)
    .filter((token) => token !== '' && !/\d/.test(token) && !/-[0-9a-f]{7}$/.test(token))
    .sort()
    .join(' ');
}

/** The item text of an icon block, or null when it is not one (no icon, no text, too long, nested). */
function iconItemText(el: Element): string | null {
  // The icon itself may be gone (an empty icon box is cleaned out with the scoring); its class stays.
  if (findFirst(el, (node) => isIcon(node) || ICON_CLASS.test(ownClass(node))) === null) return null;
  if (findFirst(el, (node) => isListElement(node) || node.name === 'table' || node.name === 'img') !== null)
    return null;
  const text = textOf(el, { skip: isIcon });
  return text === '' || text.length > MAX_ICON_ITEM ? null : text;
}

/**
 * Page-builder icon lists built of divs (Divi blurbs, Spectra icon-list children): three or more
 * sibling blocks of the same kind, each one icon and one short text. Items are the texts.
 */
function addIconRuns(parent: Element, ctx: ExtractContext): void {
  const children = elementChildren(parent);
  const keys = children.map(classKey);
  let i = 0;
  while (i < children.length) {
    let end = i + 1;
    while (end < children.length && keys[end] === keys[i] && children[end]!.name === children[i]!.name) end++;
    // Only a run of three or more blocks of one kind is worth reading the texts of.
    if (keys[i] === '' || end - i < MIN_ICON_ITEMS) {
      i = end;
      continue;
    }
    let j = i;
    const texts: string[] = [];
    for (; j < end; j++) {
      const text = iconItemText(children[j]!);
      if (text === null) break;
      texts.push(text);
    }
    if (texts.length >= MIN_ICON_ITEMS) {
      const run = children.slice(i, j);
      ctx.out.push({
        at: run[0]!,
        itemNodes: run.map((el) => [el]),
        list: {
          ordered: false,
          intro: findIntro(run[0]!, ctx.root),
          items: texts,
          itemsHtml: itemsHtmlFor(texts.map(escapeHtml), ctx.baseUrl),
        },
      });
    }
    i = Math.max(j, i + 1);
  }
}

/**
 * Phrases that announce other posts of the site ("Auch interessant:", "Lesen Sie auch die
 * folgenden Beiträge:", "Mehr zum Thema", "Das könnte dich auch interessieren", "Related posts").
 */
const READ_ALSO = new RegExp(
  `(^|[^\\p{L}])(${[
    'auch interessant',
    'ebenfalls interessant',
    'vielleicht auch interessant',
    '(?:auch |ebenfalls )?lesenswert',
    'interessant(?:e|er|es)? (?:artikel|beitr(?:ä|ae)ge?|posts?)',
    '(?:lesen sie|lies|lest) (?:auch|mehr|weiter|hier)',
    '(?:zum )?weiterlesen',
    'mehr (?:zum|zu diesem) thema',
    'zum thema passend',
    'passend dazu',
    'dazu passend',
    'passende (?:artikel|beitr(?:ä|ae)ge)',
    'mehr dazu',
    'mehr (?:aus|im|in) (?:dem|unserem|meinem) (?:blog|journal|magazin|archiv)',
    'das k(?:ö|oe)nnte (?:dich|sie|euch) (?:auch |ebenfalls )?(?:interessieren|gefallen)',
    'das interessiert (?:dich|sie|euch) (?:vielleicht )?auch',
    '(?:weitere|ähnliche|aehnliche|verwandte|beliebte|beliebteste|neueste|aktuelle|meistgelesene) (?:beitr(?:ä|ae)ge|artikel|posts|nachrichten|meldungen|rezepte|texte|themen|stories|news)',
    'meistgelesen',
    'aktuelles',
    'neu im (?:blog|shop|magazin|journal)',
    'zuletzt (?:erschienen|ver(?:ö|oe)ffentlicht)',
    'letzte (?:beitr(?:ä|ae)ge|artikel)',
    'mehr (?:artikel|beitr(?:ä|ae)ge)',
    '(?:mehr )?aus der (?:rubrik|kategorie|redaktion)',
    '(?:recent|latest|popular) (?:posts|articles|stories)',
    'more stories',
    'siehe auch',
    'top-?themen',
    'lese-?tipps?',
    'leseempfehlung(?:en)?',
    'related (?:posts|articles|stories|reading)',
    'read (?:also|more|next)',
    'you (?:may|might) also like',
    'further reading',
    'more from (?:the|our|this) blog',
  ].join('|')})($|[^\\p{L}])`,
  'iu',
);
const READ_ALSO_HINT =
  /(^|[\s_-])(read-?more|read-?also|lesetipps?|weiterlesen|mehr-zum-thema|auch-interessant|latest-posts|recent-posts|popular-posts|wp-block-latest-posts__list|post-teasers?|teaser-list)([\s_-]|$)/i;
const MAX_ANNOUNCEMENT = 80;
const MAX_TEASER = 250;

/** Each item is one link to another page of the same site, a headline with at most a date or teaser line. */
function isSameSiteLinkItem(nodes: AnyNode[], baseUrl: string): boolean {
  const text = stripMarker(nodesText(nodes));
  if (text === '') return false;
  const anchors = nodes.flatMap((node) =>
    isElement(node) ? (node.name === 'a' ? [node] : findAll(node, (el) => el.name === 'a')) : [],
  );
  const link = anchors.find((anchor) => linkSite(anchor, baseUrl) !== null);
  if (link === undefined || linkSite(link, baseUrl) !== 'same') return false;
  const linkText = textOf(link);
  // The headline is the link (most of the item), or opens it before a date or teaser line.
  return (
    linkText.length * 2 >= text.length ||
    (linkText !== '' && text.startsWith(linkText) && text.length <= MAX_TEASER)
  );
}

/** The text that announces `at`: the list's intro, else the block or heading right before it. */
function announcement(candidate: Candidate, root: Element): string | null {
  if (candidate.list.intro !== null) return candidate.list.intro;
  let current: Element = candidate.at;
  while (current !== root) {
    let previous = previousElementSibling(current);
    while (previous !== null && isSkippable(previous)) previous = previousElementSibling(previous);
    if (previous !== null) return textOf(previous);
    const parent = parentElement(current);
    if (parent === null) return null;
    current = parent;
  }
  return null;
}

/**
 * Reading suggestions ("Auch interessant:" and three links to the site's other posts) are not
 * lists of the post: every item is a same-site link and the lead-in or a class says so.
 */
function isReadingSuggestion(candidate: Candidate, ctx: ExtractContext): boolean {
  const nodes = candidate.itemNodes;
  if (nodes === undefined || !nodes.every((item) => isSameSiteLinkItem(item, ctx.baseUrl))) return false;
  const lead = announcement(candidate, ctx.root);
  if (lead !== null && lead.length <= MAX_ANNOUNCEMENT && READ_ALSO.test(lead)) return true;
  for (let el: Element | null = candidate.at; el !== null && el !== ctx.root; el = parentElement(el)) {
    if (READ_ALSO_HINT.test(classHints(el))) return true;
  }
  return false;
}

const NETWORK_NAME =
  /^(?:auf |bei |via )?(instagram|facebook|twitter|x|pinterest|youtube|tiktok|linkedin|xing|mastodon|threads|bluesky|whatsapp|telegram|flickr|tumblr|spotify|soundcloud|apple podcasts|e-?mail|mail|rss|rss-feed|feed|newsletter)$/iu;

/** "Folge mir auf:" Instagram, Facebook, Pinterest: profile and share links, not a list of the post. */
function isProfileList(list: ExtractedList): boolean {
  return (
    list.items.length >= 2 &&
    list.items.every((item) => NETWORK_NAME.test(item.replace(/[.!:]+$/u, '').trim()))
  );
}

/** Extracts the lists of the content `root` (already cleared of chrome). */
export function extractLists(root: Element, baseUrl: string): ExtractedList[] {
  const ctx: ExtractContext = { baseUrl, root, out: [] };
  const order = new Map<Element, number>();
  const claimed = new Set<Element>();
  // Icon lists need an icon somewhere; most pages have none, and skip the sibling comparison.
  const hasIcons = findFirst(root, (el) => isIcon(el) || ICON_CLASS.test(ownClass(el))) !== null;
  let index = 0;
  const visit = (el: Element, inList: boolean): void => {
    order.set(el, index++);
    if (isListElement(el)) addMarkupList(el, ctx);
    if (!inList && el.name === 'table') addTableList(el, ctx);
    if (!inList && (el.name === 'p' || el.name === 'div') && addBreakList(el, ctx)) claimed.add(el);
    const children = elementChildren(el);
    if (!inList && children.length > 1) addParagraphRuns(el, ctx, claimed);
    if (hasIcons && !inList && !isListElement(el) && el.name !== 'table' && children.length > 2)
      addIconRuns(el, ctx);
    for (const child of children) visit(child, inList || isListElement(el));
  };
  visit(root, false);
  addHeadingRuns(root, ctx);
  const kept = ctx.out
    .filter((candidate) => !isReadingSuggestion(candidate, ctx) && !isProfileList(candidate.list))
    .map((candidate, position) => ({ candidate, position }))
    .sort(
      (a, b) =>
        (order.get(a.candidate.at) ?? 0) - (order.get(b.candidate.at) ?? 0) || a.position - b.position,
    )
    .map(({ candidate }) => candidate)
    .filter((candidate) => candidate.list.items.length > 0);
  return linkNestedLists(kept);
}

/**
 * A markup list inside an item of another kept list points at that list and item, so readers can
 * show it where the author put it; lists of other shapes and top-level lists carry no parent.
 */
function linkNestedLists(kept: Candidate[]): ExtractedList[] {
  const itemAt = new Map<Element, { list: number; item: number }>();
  kept.forEach((candidate, list) => {
    if (!isListElement(candidate.at)) return;
    candidate.itemNodes?.forEach((nodes, item) => {
      const li = nodes[0];
      if (li && li.type === 'tag') itemAt.set(li as Element, { list, item });
    });
  });
  return kept.map((candidate) => {
    if (!isListElement(candidate.at)) return candidate.list;
    for (let up = candidate.at.parent; up && up.type === 'tag'; up = up.parent) {
      const parent = itemAt.get(up as Element);
      if (parent) return { ...candidate.list, parent };
    }
    return candidate.list;
  });
}
