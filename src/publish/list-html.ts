import { escapeHtml } from '../sanitize/escape.js';
import type { PublishedList } from './types.js';

/** Lists as HTML: intro escaped, item html (sanitized at ingest) as is. */
export function renderListsHtml(lists: PublishedList[]): string {
  return lists
    .map((list) => {
      const tag = list.ordered ? 'ol' : 'ul';
      const intro = list.intro ? `<p>${escapeHtml(list.intro)}</p>` : '';
      const items = list.items.map((i) => `<li>${i.html || escapeHtml(i.text)}</li>`).join('');
      return `${intro}<${tag}>${items}</${tag}>`;
    })
    .join('\n');
}
