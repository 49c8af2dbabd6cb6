import type { AnyNode, Element, ParentNode } from 'domhandler';
import { collapseWhitespace } from '../sanitize/text.js';

/** Elements whose boundaries separate text (the corpus counts them as whitespace). */
export const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'img',
  'iframe',
  'video',
  'picture',
]);

/** Never text: their content is code, styling or fallback markup. */
export const NON_TEXT_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'select',
  'option',
  'textarea',
  'button',
  'input',
  'head',
  'title',
  'meta',
  'link',
]);

/**
 * Elementor names every block a widget (elementor-widget, -container, -wrap, and the type as
 * elementor-widget-text-editor); the word says nothing about chrome. The generic tokens are left
 * out and the type kept as elementor-share-buttons, elementor-posts, … to be judged as usual.
 */
const BUILDER_GENERIC = /(^|\s)(elementor-widget(?:-container|-wrap)?|elementor-element-populated)(?=\s|$)/g;

const BUILDER_TYPE = /\belementor-widget-(?=\S)/g;

/** The class attribute of `el` without page-builder generic tokens ("" when it has none). */
export function ownClass(el: Element): string {
  const cls = el.attribs.class;
  if (cls === undefined) return '';
  return cls.includes('elementor-')
    ? cls.replace(BUILDER_GENERIC, ' ').replace(BUILDER_TYPE, 'elementor-')
    : cls;
}

/** Where the content grabber keeps the class of a div it turned into its only paragraph. */
export const BLOCK_CLASS_ATTR = 'data-korso-block-class';

/** The class and id of `el` as one hint string, page-builder generic tokens left out. */
export function classHints(el: Element): string {
  return `${ownClass(el)} ${el.attribs.id ?? ''}`;
}

export const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
export const LIST_TAGS = new Set(['ul', 'ol', 'menu']);

export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

export function attr(el: Element, name: string): string | undefined {
  return el.attribs[name];
}

export function elementChildren(el: ParentNode): Element[] {
  const out: Element[] = [];
  for (const child of el.children) if (isElement(child)) out.push(child);
  return out;
}

/** Depth-first pre-order walk over elements; `visit` returns false to skip an element's subtree. */
export function walkElements(root: ParentNode, visit: (el: Element) => boolean | undefined): void {
  const stack: AnyNode[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) stack.push(root.children[i]!);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    if (visit(node) === false) continue;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
}

export function findFirst(root: ParentNode, test: (el: Element) => boolean): Element | null {
  let found: Element | null = null;
  walkElements(root, (el) => {
    if (found !== null) return false;
    if (test(el)) {
      found = el;
      return false;
    }
    return true;
  });
  return found;
}

export function findAll(root: ParentNode, test: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  walkElements(root, (el) => {
    if (test(el)) out.push(el);
    return true;
  });
  return out;
}

export interface TextOptions {
  /** Leave out nested ul/ol/menu (a list item's own text). */
  skipLists?: boolean;
  /** Elements to leave out (removed chrome). */
  skip?: (el: Element) => boolean;
}

/**
 * The text of `node` with block boundaries and <br> as spaces, whitespace collapsed — the corpus
 * README's item-text rule. One pass, no intermediate cheerio objects.
 */
export function textOf(node: AnyNode, options: TextOptions = {}): string {
  const parts: string[] = [];
  appendText(node, parts, options, true);
  return collapseWhitespace(parts.join(''));
}

function appendText(node: AnyNode, parts: string[], options: TextOptions, isRoot: boolean): void {
  if (node.type === 'text') {
    parts.push((node as unknown as { data: string }).data);
    return;
  }
  if (!isElement(node) && node.type !== 'root') return;
  if (isElement(node)) {
    if (NON_TEXT_TAGS.has(node.name)) return;
    if (!isRoot && options.skipLists && LIST_TAGS.has(node.name)) return;
    if (!isRoot && options.skip?.(node)) return;
  }
  const block = isElement(node) && BLOCK_TAGS.has(node.name);
  if (block) parts.push(' ');
  for (const child of (node as ParentNode).children) appendText(child, parts, options, false);
  if (block) parts.push(' ');
}

export { collapseWhitespace as collapse } from '../sanitize/text.js';

export function closest(el: Element, test: (candidate: Element) => boolean): Element | null {
  let current: ParentNode | null = el;
  while (current !== null && isElement(current as AnyNode)) {
    if (test(current as Element)) return current as Element;
    current = (current as Element).parent;
  }
  return null;
}

export function isInside(el: AnyNode, ancestor: Element): boolean {
  let current: ParentNode | null = el.parent;
  while (current !== null) {
    if (current === ancestor) return true;
    current = (current as Element).parent ?? null;
  }
  return false;
}

/** Raw concatenated text of a subtree (DOM textContent). */
export function textContent(node: AnyNode): string {
  if (node.type === 'text') return (node as unknown as { data: string }).data;
  if (!('children' in node)) return '';
  const parts: string[] = [];
  const stack: AnyNode[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'text') {
      parts.push((current as unknown as { data: string }).data);
    } else if ('children' in current) {
      const children = (current as ParentNode).children;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  return parts.join('');
}

/** Text as Readability measures it: textContent trimmed, whitespace runs collapsed. */
export function innerText(node: AnyNode): string {
  return textContent(node)
    .trim()
    .replace(/\s{2,}/g, ' ');
}

export function firstElementChild(el: ParentNode): Element | null {
  for (const child of el.children) if (isElement(child)) return child;
  return null;
}

export function nextElementSibling(node: AnyNode): Element | null {
  let next = node.next;
  while (next !== null && !isElement(next)) next = next.next;
  return next;
}

export function previousElementSibling(node: AnyNode): Element | null {
  let prev = node.prev;
  while (prev !== null && !isElement(prev)) prev = prev.prev;
  return prev;
}

export function parentElement(node: AnyNode): Element | null {
  const parent = node.parent;
  return parent !== null && isElement(parent as AnyNode) ? (parent as Element) : null;
}

export function removeNode(node: AnyNode): void {
  const parent = node.parent;
  if (parent === null) return;
  const index = parent.children.indexOf(node as never);
  if (index >= 0) parent.children.splice(index, 1);
  if (node.prev !== null) node.prev.next = node.next;
  if (node.next !== null) node.next.prev = node.prev;
  node.parent = null;
  node.prev = null;
  node.next = null;
}

function relinkChildren(parent: ParentNode): void {
  const children = parent.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    child.parent = parent;
    child.prev = children[i - 1] ?? null;
    child.next = children[i + 1] ?? null;
  }
}

/** Puts `replacement` where `node` is; `replacement` is first detached from where it was. */
export function replaceNode(node: AnyNode, replacement: AnyNode): void {
  const parent = node.parent;
  if (parent === null) return;
  removeNode(replacement);
  const index = parent.children.indexOf(node as never);
  if (index < 0) return;
  parent.children[index] = replacement as never;
  node.parent = null;
  node.prev = null;
  node.next = null;
  relinkChildren(parent);
}

export function appendChild(parent: ParentNode, child: AnyNode): void {
  removeNode(child);
  const last = parent.children[parent.children.length - 1] ?? null;
  parent.children.push(child as never);
  child.parent = parent;
  child.prev = last;
  child.next = null;
  if (last !== null) last.next = child;
}

/** Moves `nodes` (in order) to the end of `target`, detaching each parent's children in one pass. */
export function moveNodes(nodes: readonly AnyNode[], target: ParentNode): void {
  const moving = new Set(nodes);
  const parents = new Set<ParentNode>();
  for (const node of nodes) if (node.parent !== null) parents.add(node.parent);
  for (const parent of parents) {
    parent.children = parent.children.filter((child) => !moving.has(child));
    relinkChildren(parent);
  }
  target.children.push(...(nodes as never[]));
  relinkChildren(target);
}

type ElementConstructor = new (name: string, attribs: Record<string, string>, children: AnyNode[]) => Element;

/** A new element of the same domhandler build as `sibling` (no direct domhandler dependency). */
export function createElement(sibling: Element, name: string): Element {
  const Ctor = sibling.constructor as ElementConstructor;
  return new Ctor(name, {}, []);
}

/** Wraps the consecutive children `nodes` of one parent in a new element `name`. */
export function wrapNodes(nodes: AnyNode[], name: string, sibling: Element): Element {
  const first = nodes[0]!;
  const parent = first.parent!;
  const wrapper = createElement(sibling, name);
  const index = parent.children.indexOf(first as never);
  for (const node of nodes) removeNode(node);
  parent.children.splice(index, 0, wrapper as never);
  wrapper.children.push(...(nodes as never[]));
  relinkChildren(wrapper);
  relinkChildren(parent);
  return wrapper;
}

export function getElementsByTagName(root: ParentNode, names: ReadonlySet<string> | string): Element[] {
  const out: Element[] = [];
  const match = typeof names === 'string' ? (n: string) => n === names : (n: string) => names.has(n);
  walkElements(root, (el) => {
    if (match(el.name)) out.push(el);
    return true;
  });
  return out;
}

/** textContent of `node`, or null as soon as it grows past `max` characters (cheap on big subtrees). */
export function boundedText(node: AnyNode, max: number): string | null {
  let text = '';
  const stack: AnyNode[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'text') {
      text += (current as unknown as { data: string }).data;
      if (text.length > max * 3 && collapseWhitespace(text).length > max) return null;
    } else if ('children' in current) {
      const children = (current as ParentNode).children;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  const collapsed = collapseWhitespace(text);
  return collapsed.length > max ? null : collapsed;
}

/**
 * Flattens markup nested deeper than `maxDepth` into its text and leaf elements, so recursive walks
 * stay far from the stack limit on hostile or broken pages (htmlparser2 nests without bounds).
 */
export function limitDepth(root: ParentNode, maxDepth: number): void {
  const stack: [ParentNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth >= maxDepth) {
      flattenInto(node);
      continue;
    }
    for (const child of node.children) if (isElement(child)) stack.push([child, depth + 1]);
  }
}

function flattenInto(node: ParentNode): void {
  const leaves: AnyNode[] = [];
  const stack: AnyNode[] = [...node.children].reverse();
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (isElement(current) && current.children.length > 0) {
      for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i]!);
    } else {
      leaves.push(current);
    }
  }
  node.children = leaves as never[];
  relinkChildren(node);
}
