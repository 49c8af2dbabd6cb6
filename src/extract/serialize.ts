import type { AnyNode, Element } from 'domhandler';
import { isElement, NON_TEXT_TAGS } from './dom.js';

const VOID_TAGS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

function serializeNode(node: AnyNode, parts: string[], skip?: (el: Element) => boolean): void {
  if (node.type === 'text') {
    parts.push(escapeText((node as unknown as { data: string }).data));
    return;
  }
  if (!isElement(node) || NON_TEXT_TAGS.has(node.name) || skip?.(node)) return;
  parts.push(`<${node.name}`);
  for (const [name, value] of Object.entries(node.attribs))
    parts.push(` ${name}="${escapeAttribute(value)}"`);
  parts.push('>');
  if (VOID_TAGS.has(node.name)) return;
  for (const child of node.children) serializeNode(child, parts, skip);
  parts.push(`</${node.name}>`);
}

/**
 * HTML of `nodes` for the sanitizer, leaving out scripts, styles and whatever `skip` names (nested
 * lists of a list item). Not for output as is: sanitizeHtml() still has to run over it.
 */
export function serializeNodes(nodes: readonly AnyNode[], skip?: (el: Element) => boolean): string {
  const parts: string[] = [];
  for (const node of nodes) serializeNode(node, parts, skip);
  return parts.join('');
}
