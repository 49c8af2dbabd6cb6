import type { AnyNode, ParentNode } from 'domhandler';
import { BLOCK_TAGS, isElement, NON_TEXT_TAGS } from './dom.js';

const SPACE_RUN = /[\s\u200b\u2060]+/g;

class BlockWriter {
  private readonly blocks: string[] = [];
  private lines: string[] = [];
  private current: string[] = [];

  text(data: string): void {
    this.current.push(data);
  }

  lineBreak(): void {
    this.lines.push(this.current.join('').replace(SPACE_RUN, ' ').trim());
    this.current = [];
  }

  endBlock(): void {
    this.lineBreak();
    const block = this.lines.filter((line) => line !== '').join('\n');
    if (block !== '') this.blocks.push(block);
    this.lines = [];
  }

  result(): string {
    this.endBlock();
    return this.blocks.join('\n\n');
  }
}

function write(node: AnyNode, out: BlockWriter): void {
  if (node.type === 'text') {
    out.text((node as unknown as { data: string }).data);
    return;
  }
  if (!isElement(node)) return;
  if (NON_TEXT_TAGS.has(node.name)) return;
  if (node.name === 'br') {
    out.lineBreak();
    return;
  }
  const block = BLOCK_TAGS.has(node.name);
  if (block) out.endBlock();
  for (const child of node.children) write(child, out);
  if (block) out.endBlock();
}

/** Plain text of `root`: one block per paragraph, heading, item or cell, separated by a blank line. */
export function blockText(root: ParentNode): string {
  const out = new BlockWriter();
  for (const child of root.children) write(child, out);
  return out.result();
}
