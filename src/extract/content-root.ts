import type { AnyNode, Element, ParentNode } from 'domhandler';
import { isHidden } from './chrome.js';
import {
  appendChild,
  BLOCK_CLASS_ATTR,
  attr,
  boundedText,
  classHints,
  createElement,
  ownClass,
  elementChildren,
  firstElementChild,
  getElementsByTagName,
  innerText,
  isElement,
  moveNodes,
  nextElementSibling,
  parentElement,
  removeNode,
  replaceNode,
  textContent,
  wrapNodes,
} from './dom.js';
import { isOutboundLinkBlock } from './site-links.js';
import { TextMetrics, VIDEO_URL } from './text-metrics.js';

/**
 * Finds the main content the way Readability does (it is the de-facto reference and the corpus
 * truth): drop hidden and unlikely nodes, score paragraphs by length and commas, credit their
 * ancestors, pick the best-scored ancestor scaled by link density, join its worthy siblings, then
 * clean link-heavy or form-like blocks out of the result. Mutates the parsed document.
 */

export interface GrabFlags {
  stripUnlikely: boolean;
  weightClasses: boolean;
  cleanConditionally: boolean;
}

export interface GrabOptions {
  flags: GrabFlags;
  /** The article title, to drop the first heading that repeats it. */
  title: string | null;
  /** False when metadata already named the author: then no byline node is looked for. */
  findByline: boolean;
  /** The page's base URL: links to other sites tell an author's link list from site chrome. */
  baseUrl?: string;
}

export interface GrabResult {
  /** A new <div> holding the article's nodes (moved out of the document). */
  container: Element;
  textLength: number;
  /** Text of the byline node removed from the content, if one was found. */
  byline: string | null;
}

export const CHAR_THRESHOLD = 500;
const TOP_CANDIDATES = 5;
const MIN_SHARED_CANDIDATES = 3;

const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
const MAYBE_CANDIDATE = /and|article|body|column|content|main|shadow/i;
const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i;
const NEGATIVE =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget/i;
const BYLINE_HINT = /byline|author|dateline|writtenby|p-author/i;
const SHARE_HINT = /(\b|_)(share|sharedaddy)(\b|_)/i;
const AD_WORDS = /^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|Anuncio)$/iu;
const LOADING_WORDS = /^((loading|正在加载|Загрузка|chargement|cargando)(…|\.\.\.)?)$/iu;
const UNLIKELY_ROLES = new Set([
  'menu',
  'menubar',
  'complementary',
  'navigation',
  'alert',
  'alertdialog',
  'dialog',
]);
const TAGS_TO_SCORE = new Set(['section', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'td', 'pre']);
const DIV_TO_P = new Set(['blockquote', 'dl', 'div', 'img', 'ol', 'p', 'pre', 'table', 'ul']);
const KEEP_AS_IS_SIBLINGS = new Set(['div', 'article', 'section', 'p', 'ol', 'ul']);
const EMPTY_CHECKED = new Set(['div', 'section', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const PHRASING = new Set([
  'abbr',
  'audio',
  'b',
  'bdo',
  'br',
  'button',
  'cite',
  'code',
  'data',
  'datalist',
  'dfn',
  'em',
  'embed',
  'i',
  'img',
  'input',
  'kbd',
  'label',
  'mark',
  'math',
  'meter',
  'noscript',
  'object',
  'output',
  'progress',
  'q',
  'ruby',
  'samp',
  'script',
  'select',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'textarea',
  'time',
  'var',
  'wbr',
]);
const EMBEDS = new Set(['object', 'embed', 'iframe']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

function matchString(el: Element): string {
  return classHints(el);
}

/** Next element in document order; with `skipChildren`, the next one outside `node`. */
function nextNode(node: Element, skipChildren = false): Element | null {
  if (!skipChildren) {
    const child = firstElementChild(node);
    if (child !== null) return child;
  }
  let current: Element | null = node;
  while (current !== null) {
    const sibling = nextElementSibling(current);
    if (sibling !== null) return sibling;
    current = parentElement(current);
  }
  return null;
}

function isWhitespaceNode(node: AnyNode): boolean {
  if (node.type === 'text') return textContent(node).trim() === '';
  return isElement(node) && node.name === 'br';
}

function isPhrasing(node: AnyNode): boolean {
  if (node.type === 'text') return true;
  if (!isElement(node)) return false;
  if (PHRASING.has(node.name)) return true;
  return (node.name === 'a' || node.name === 'del' || node.name === 'ins') && node.children.every(isPhrasing);
}

function hasChildBlockElement(el: ParentNode): boolean {
  return el.children.some(
    (child) => isElement(child) && (DIV_TO_P.has(child.name) || hasChildBlockElement(child)),
  );
}

function hasSingleTagInside(el: Element, tag: string): boolean {
  const children = elementChildren(el);
  if (children.length !== 1 || children[0]!.name !== tag) return false;
  return !el.children.some((child) => child.type === 'text' && /\S$/.test(textContent(child)));
}

function hasText(node: AnyNode): boolean {
  if (node.type === 'text') return /\S/.test(textContent(node));
  return 'children' in node && (node as ParentNode).children.some(hasText);
}

function isWithoutContent(el: Element): boolean {
  if (hasText(el)) return false;
  const children = elementChildren(el);
  if (children.length === 0) return true;
  return children.length === getElementsByTagName(el, 'br').length + getElementsByTagName(el, 'hr').length;
}

function hasAncestorTag(
  node: Element,
  tag: string,
  maxDepth = 3,
  filter?: (el: Element) => boolean,
): boolean {
  let depth = 0;
  let current = parentElement(node);
  while (current !== null) {
    if (maxDepth > 0 && depth > maxDepth) return false;
    if (current.name === tag && (filter === undefined || filter(current))) return true;
    current = parentElement(current);
    depth++;
  }
  return false;
}

function ancestors(node: Element, maxDepth: number): Element[] {
  const out: Element[] = [];
  let current = parentElement(node);
  while (current !== null) {
    out.push(current);
    if (maxDepth > 0 && out.length === maxDepth) break;
    current = parentElement(current);
  }
  return out;
}

/** Readability's word-overlap similarity of `b` to `a` (1 = same words). */
export function textSimilarity(a: string, b: string): number {
  const tokensA = a.toLowerCase().split(/\W+/).filter(Boolean);
  const tokensB = b.toLowerCase().split(/\W+/).filter(Boolean);
  if (tokensA.length === 0 || tokensB.length === 0) return 0;
  const setA = new Set(tokensA);
  const unique = tokensB.filter((token) => !setA.has(token));
  return 1 - unique.join(' ').length / tokensB.join(' ').length;
}

class Grabber {
  private readonly scores = new Map<Element, number>();
  private readonly dataTables = new Set<Element>();
  private readonly metrics = new TextMetrics();
  private byline: string | null = null;

  constructor(
    private readonly body: Element,
    private readonly options: GrabOptions,
  ) {}

  run(): GrabResult {
    const toScore = this.prepareNodes();
    const candidates = this.scoreParagraphs(toScore);
    const top = this.pickTopCandidate(candidates);
    const container = this.joinSiblings(top);
    this.prepareArticle(container);
    this.metrics.clear();
    return { container, textLength: this.metrics.textLength(container), byline: this.byline };
  }

  private removeAndGetNext(node: Element): Element | null {
    const next = nextNode(node, true);
    this.remove(node);
    return next;
  }

  private remove(node: Element): void {
    this.metrics.invalidate(node);
    removeNode(node);
  }

  private classWeight(el: Element): number {
    if (!this.options.flags.weightClasses) return 0;
    let weight = 0;
    const cls = ownClass(el).trim();
    if (cls) {
      if (NEGATIVE.test(cls)) weight -= 25;
      if (POSITIVE.test(cls)) weight += 25;
    }
    const id = attr(el, 'id');
    if (id) {
      if (NEGATIVE.test(id)) weight -= 25;
      if (POSITIVE.test(id)) weight += 25;
    }
    return weight;
  }

  private initialize(el: Element): void {
    let score = 0;
    switch (el.name) {
      case 'div':
        score = 5;
        break;
      case 'pre':
      case 'td':
      case 'blockquote':
        score = 3;
        break;
      case 'address':
      case 'ol':
      case 'ul':
      case 'dl':
      case 'dd':
      case 'dt':
      case 'li':
      case 'form':
        score = -3;
        break;
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
      case 'th':
        score = -5;
        break;
    }
    this.scores.set(el, score + this.classWeight(el));
  }

  private isByline(el: Element, hints: string): boolean {
    const rel = attr(el, 'rel');
    const itemprop = attr(el, 'itemprop');
    if (!(rel === 'author' || itemprop?.includes('author') || BYLINE_HINT.test(hints))) return false;
    const text = boundedText(el, 120);
    return text !== null && text.length > 0 && textContent(el).trim().length < 100;
  }

  private bylineText(el: Element): string {
    const end = nextNode(el, true);
    let next = nextNode(el);
    while (next !== null && next !== end) {
      if (attr(next, 'itemprop')?.includes('name')) return textContent(next).trim();
      next = nextNode(next);
    }
    return textContent(el).trim();
  }

  /** Drops hidden and unlikely nodes, turns text-only divs into paragraphs; returns nodes to score. */
  private prepareNodes(): Element[] {
    const toScore: Element[] = [];
    let removeTitleHeading = this.options.title !== null && this.options.title !== '';
    let node: Element | null = this.body;
    while (node !== null) {
      const hints = matchString(node);
      if (node !== this.body && isHidden(node)) {
        node = this.removeAndGetNext(node);
        continue;
      }
      if (attr(node, 'aria-modal') === 'true' && attr(node, 'role') === 'dialog') {
        node = this.removeAndGetNext(node);
        continue;
      }
      if (this.options.findByline && this.byline === null && this.isByline(node, hints)) {
        this.byline = this.bylineText(node);
        node = this.removeAndGetNext(node);
        continue;
      }
      if (removeTitleHeading && (node.name === 'h1' || node.name === 'h2')) {
        if (textSimilarity(this.options.title!, textContent(node).trim()) > 0.75) {
          removeTitleHeading = false;
          node = this.removeAndGetNext(node);
          continue;
        }
      }
      if (this.options.flags.stripUnlikely && node !== this.body) {
        if (
          UNLIKELY.test(hints) &&
          !MAYBE_CANDIDATE.test(hints) &&
          !hasAncestorTag(node, 'table') &&
          !hasAncestorTag(node, 'code') &&
          node.name !== 'a'
        ) {
          node = this.removeAndGetNext(node);
          continue;
        }
        const role = attr(node, 'role');
        if (role !== undefined && UNLIKELY_ROLES.has(role)) {
          node = this.removeAndGetNext(node);
          continue;
        }
      }
      if (EMPTY_CHECKED.has(node.name) && isWithoutContent(node)) {
        node = this.removeAndGetNext(node);
        continue;
      }
      if (TAGS_TO_SCORE.has(node.name)) toScore.push(node);
      if (node.name === 'div') node = this.paragraphizeDiv(node, toScore);
      node = nextNode(node);
    }
    return toScore;
  }

  /** Wraps phrasing runs of a div in <p>s; a div that is really one paragraph becomes that paragraph. */
  private paragraphizeDiv(div: Element, toScore: Element[]): Element {
    let run: AnyNode[] = [];
    const flush = (): void => {
      while (run.length > 0 && isWhitespaceNode(run[run.length - 1]!)) run.pop();
      if (run.length > 0) wrapNodes(run, 'p', div);
      run = [];
    };
    for (const child of [...div.children]) {
      if (isPhrasing(child)) {
        if (run.length > 0 || !isWhitespaceNode(child)) run.push(child);
      } else {
        flush();
      }
    }
    flush();
    this.metrics.invalidate(div);
    if (hasSingleTagInside(div, 'p') && this.metrics.linkDensity(div) < 0.25) {
      const paragraph = firstElementChild(div)!;
      // The block's class says what it is (an icon-list child of a page builder): kept aside for
      // the list extractor, not as a class that chrome rules would read.
      if (div.attribs.class !== undefined && paragraph.attribs.class === undefined)
        paragraph.attribs[BLOCK_CLASS_ATTR] = div.attribs.class;
      replaceNode(div, paragraph);
      toScore.push(paragraph);
      return paragraph;
    }
    // A builder's wrapper around a heading stays a div, so the heading is still seen as one.
    if (!hasChildBlockElement(div) && !isHeadingBlock(div)) {
      div.name = 'p';
      toScore.push(div);
    }
    return div;
  }

  private scoreParagraphs(toScore: Element[]): Element[] {
    this.metrics.clear();
    const candidates: Element[] = [];
    for (const el of toScore) {
      if (parentElement(el) === null) continue;
      const length = this.metrics.textLength(el);
      if (length < 25) continue;
      const lineage = ancestors(el, 5);
      if (lineage.length === 0) continue;
      const score = 2 + this.metrics.of(el).commas + Math.min(Math.floor(length / 100), 3);
      lineage.forEach((ancestor, level) => {
        if (parentElement(ancestor) === null && ancestor !== this.body) return;
        if (!this.scores.has(ancestor)) {
          this.initialize(ancestor);
          candidates.push(ancestor);
        }
        const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
        this.scores.set(ancestor, this.scores.get(ancestor)! + score / divider);
      });
    }
    for (const candidate of candidates) {
      this.scores.set(candidate, this.scores.get(candidate)! * (1 - this.metrics.linkDensity(candidate)));
    }
    return candidates;
  }

  private pickTopCandidate(candidates: Element[]): Element {
    const top = [...candidates]
      .sort((a, b) => this.scores.get(b)! - this.scores.get(a)!)
      .slice(0, TOP_CANDIDATES);
    let best = top[0];
    if (best === undefined || best === this.body || best.name === 'body') {
      const wrapper = createElement(this.body, 'div');
      moveNodes([...this.body.children], wrapper);
      appendChild(this.body, wrapper);
      this.initialize(wrapper);
      return wrapper;
    }
    best = this.preferSharedAncestor(best, top);
    if (!this.scores.has(best)) this.initialize(best);
    best = this.climbWhileScoreRises(best);
    const scoreBeforeWrappers = this.scores.get(best) ?? 0;
    let parent = parentElement(best);
    while (parent !== null && parent !== this.body && elementChildren(parent).length === 1) {
      best = parent;
      parent = parentElement(best);
    }
    if (!this.scores.has(best)) this.initialize(best);
    // Unlike Readability, a wrapper climbed for being an only child keeps its content's score, so
    // sibling blocks (a page builder's text blocks around an image block) are still joined.
    this.scores.set(best, Math.max(this.scores.get(best)!, scoreBeforeWrappers));
    return best;
  }

  /** When several near-equal candidates sit under one ancestor, the ancestor is the article. */
  private preferSharedAncestor(best: Element, top: Element[]): Element {
    const bestScore = this.scores.get(best)!;
    const lineages = top
      .slice(1)
      .filter((candidate) => this.scores.get(candidate)! / bestScore >= 0.75)
      .map((candidate) => new Set(ancestors(candidate, 0)));
    if (lineages.length < MIN_SHARED_CANDIDATES) return best;
    let parent = parentElement(best);
    while (parent !== null && parent !== this.body) {
      let containing = 0;
      for (const lineage of lineages) {
        if (lineage.has(parent)) containing++;
        if (containing >= MIN_SHARED_CANDIDATES) return parent;
      }
      parent = parentElement(parent);
    }
    return best;
  }

  private climbWhileScoreRises(best: Element): Element {
    let lastScore = this.scores.get(best)!;
    const threshold = lastScore / 3;
    let parent = parentElement(best);
    while (parent !== null && parent !== this.body) {
      const parentScore = this.scores.get(parent);
      if (parentScore === undefined) {
        parent = parentElement(parent);
        continue;
      }
      if (parentScore < threshold) break;
      if (parentScore > lastScore) return parent;
      lastScore = parentScore;
      parent = parentElement(parent);
    }
    return best;
  }

  private joinSiblings(top: Element): Element {
    const container = createElement(this.body, 'div');
    const parent = top.parent;
    const topScore = this.scores.get(top) ?? 0;
    if (parent === null) {
      appendChild(container, top);
      return container;
    }
    const threshold = Math.max(10, topScore * 0.2);
    const topClass = attr(top, 'class') ?? '';
    const joined: Element[] = [];
    for (const sibling of elementChildren(parent)) {
      let append = sibling === top;
      if (!append) {
        const bonus = topClass !== '' && (attr(sibling, 'class') ?? '') === topClass ? topScore * 0.2 : 0;
        const score = this.scores.get(sibling);
        if (score !== undefined && score + bonus >= threshold) {
          append = true;
        } else if (
          bonus > 0 &&
          this.options.baseUrl !== undefined &&
          isOutboundLinkBlock(sibling, this.options.baseUrl)
        ) {
          // A block of the post's own kind holding the author's links (show notes) scores low only
          // for its link density.
          append = true;
        } else if (sibling.name === 'p') {
          const density = this.metrics.linkDensity(sibling);
          const text = innerText(sibling);
          if (text.length > 80 && density < 0.25) append = true;
          else if (text.length < 80 && text.length > 0 && density === 0 && /\.( |$)/.test(text))
            append = true;
        }
      }
      if (!append) continue;
      if (!KEEP_AS_IS_SIBLINGS.has(sibling.name)) sibling.name = 'div';
      joined.push(sibling);
    }
    this.metrics.invalidate(top);
    moveNodes(joined, container);
    return container;
  }

  private prepareArticle(article: Element): void {
    this.metrics.clear();
    this.markDataTables(article);
    this.cleanConditionally(article, 'form');
    this.cleanConditionally(article, 'fieldset');
    for (const tag of ['object', 'embed', 'footer', 'link', 'aside']) this.clean(article, tag);
    for (const child of elementChildren(article)) this.cleanShareNodes(child);
    for (const tag of ['iframe', 'input', 'textarea', 'select', 'button']) this.clean(article, tag);
    for (const heading of getElementsByTagName(article, new Set(['h1', 'h2'])).reverse()) {
      if (this.classWeight(heading) < 0) this.remove(heading);
    }
    this.cleanConditionally(article, 'table');
    this.cleanConditionally(article, 'ul');
    this.cleanConditionally(article, 'div');
    for (const heading of getElementsByTagName(article, 'h1')) heading.name = 'h2';
    for (const p of getElementsByTagName(article, 'p').reverse()) {
      if (getElementsByTagName(p, EMBEDS).length + getElementsByTagName(p, 'img').length > 0) continue;
      if (!hasText(p)) this.remove(p);
    }
  }

  private clean(root: Element, tag: string): void {
    const embed = EMBEDS.has(tag);
    for (const el of getElementsByTagName(root, tag).reverse()) {
      if (embed && Object.values(el.attribs).some((value) => VIDEO_URL.test(value))) continue;
      this.remove(el);
    }
  }

  private cleanShareNodes(root: Element): void {
    const end = nextNode(root, true);
    let next = nextNode(root);
    while (next !== null && next !== end) {
      if (
        SHARE_HINT.test(matchString(next)) &&
        boundedText(next, CHAR_THRESHOLD) !== null &&
        textContent(next).length < CHAR_THRESHOLD
      ) {
        next = this.removeAndGetNext(next);
      } else {
        next = nextNode(next);
      }
    }
  }

  private markDataTables(root: Element): void {
    for (const table of getElementsByTagName(root, 'table')) {
      if (isDataTable(table)) this.dataTables.add(table);
    }
  }

  private cleanConditionally(root: Element, tag: string): void {
    if (!this.options.flags.cleanConditionally) return;
    for (const node of getElementsByTagName(root, tag).reverse()) {
      if (this.shouldRemove(node, tag)) this.remove(node);
    }
  }

  /** Readability's "fishy block" test: link-heavy, form-like, image-only or ad-labelled blocks go. */
  private shouldRemove(node: Element, tag: string): boolean {
    const isData = (table: Element) => this.dataTables.has(table);
    const summary = this.metrics.of(node);
    const contentLength = this.metrics.textLength(node);
    const isList = tag === 'ul' || tag === 'ol' || summary.listLength / contentLength > 0.9;
    if (tag === 'table' && isData(node)) return false;
    if (hasAncestorTag(node, 'table', -1, isData)) return false;
    if (hasAncestorTag(node, 'code')) return false;
    if (this.dataTables.size > 0 && getElementsByTagName(node, 'table').some(isData)) return false;
    const weight = this.classWeight(node);
    if (weight < 0) return true;
    if (summary.commas >= 10 && textContent(node).split(',').length - 1 >= 10) return false;
    if (summary.videos > 0) return false;

    const { p, img, input } = summary;
    const li = summary.li - 100;
    const headingDensity = contentLength === 0 ? 0 : summary.headingLength / contentLength;
    if (contentLength < 40) {
      const text = innerText(node);
      if (AD_WORDS.test(text) || LOADING_WORDS.test(text)) return true;
    }
    const density = this.metrics.linkDensity(node);
    const textDensity = contentLength === 0 ? 0 : summary.textishLength / contentLength;
    const isFigureChild = hasAncestorTag(node, 'figure');
    const remove =
      (!isFigureChild && img > 1 && p / img < 0.5) ||
      (!isList && li > p) ||
      input > Math.floor(p / 3) ||
      (!isList &&
        !isFigureChild &&
        headingDensity < 0.9 &&
        contentLength < 25 &&
        (img === 0 || img > 2) &&
        density > 0) ||
      (!isList && weight < 25 && density > 0.2) ||
      (weight >= 25 && density > 0.5) ||
      (summary.embeds === 1 && contentLength < 75) ||
      summary.embeds > 1 ||
      // A builder's heading block (a div around one heading) is a heading, not an empty block.
      (img === 0 && textDensity === 0 && !isHeadingBlock(node));
    if (!remove) return false;
    // A link roll or show notes: the author's links to other sites are content, however dense.
    if (
      this.options.baseUrl !== undefined &&
      density > 0.2 &&
      isOutboundLinkBlock(node, this.options.baseUrl)
    )
      return false;
    if (isList) {
      for (const child of elementChildren(node)) if (elementChildren(child).length > 1) return true;
      if (img === summary.li) return false;
    }
    return true;
  }
}

/** A wrapper holding one heading without links and nothing else (a page builder's heading block). */
function isHeadingBlock(el: Element): boolean {
  const headings = getElementsByTagName(el, HEADINGS);
  if (headings.length !== 1 || getElementsByTagName(el, 'a').length > 0) return false;
  return textContent(headings[0]!).trim().length === textContent(el).trim().length;
}

function isDataTable(table: Element): boolean {
  if (attr(table, 'role') === 'presentation') return false;
  if (attr(table, 'datatable') === '0') return false;
  if (attr(table, 'summary')) return true;
  const caption = getElementsByTagName(table, 'caption')[0];
  if (caption !== undefined && caption.children.length > 0) return true;
  if (getElementsByTagName(table, new Set(['col', 'colgroup', 'tfoot', 'thead', 'th'])).length > 0)
    return true;
  if (getElementsByTagName(table, 'table').length > 0) return false;
  let rows = 0;
  let columns = 0;
  for (const tr of getElementsByTagName(table, 'tr')) {
    rows += Number.parseInt(attr(tr, 'rowspan') ?? '', 10) || 1;
    let inRow = 0;
    for (const td of getElementsByTagName(tr, 'td'))
      inRow += Number.parseInt(attr(td, 'colspan') ?? '', 10) || 1;
    columns = Math.max(columns, inRow);
  }
  if (columns === 1 || rows === 1) return false;
  if (rows >= 10 || columns > 4) return true;
  return rows * columns > 10;
}

/** Runs one extraction pass over `body` (which it mutates). */
export function grabArticle(body: Element, options: GrabOptions): GrabResult {
  return new Grabber(body, options).run();
}

function nextSignificant(node: AnyNode | null): AnyNode | null {
  let next = node;
  while (next !== null && !isElement(next) && textContent(next).trim() === '') next = next.next;
  return next;
}

function isBr(node: AnyNode | null): boolean {
  return node !== null && isElement(node) && node.name === 'br';
}

/** "a<br><br>b" → "a<p>b</p>": a chain of two or more <br>s starts a paragraph (Readability). */
function replaceBrChains(body: Element): void {
  for (const br of getElementsByTagName(body, 'br')) {
    if (br.parent === null) continue;
    let next = nextSignificant(br.next);
    let replaced = false;
    while (isBr(next)) {
      replaced = true;
      const after = next!.next;
      removeNode(next!);
      next = nextSignificant(after);
    }
    if (!replaced) continue;
    const run: AnyNode[] = [];
    let sibling = br.next;
    while (sibling !== null) {
      if (isBr(sibling) && isBr(nextSignificant(sibling.next))) break;
      if (!isPhrasing(sibling)) break;
      run.push(sibling);
      sibling = sibling.next;
    }
    while (run.length > 0 && isWhitespaceNode(run[run.length - 1]!)) run.pop();
    const parent = parentElement(br);
    if (run.length > 0) {
      wrapNodes(run, 'p', br);
      removeNode(br);
      if (parent?.name === 'p') parent.name = 'div';
    } else {
      br.name = 'p';
      if (parent?.name === 'p') parent.name = 'div';
    }
  }
}

/** Removes scripts and styles, turns <br> chains into paragraphs and <font> into <span>. */
export function prepareDocument(root: Element): void {
  for (const el of getElementsByTagName(root, new Set(['script', 'noscript', 'style', 'template'])))
    removeNode(el);
  const body = getElementsByTagName(root, 'body')[0] ?? root;
  replaceBrChains(body);
  for (const font of getElementsByTagName(body, 'font')) font.name = 'span';
}
