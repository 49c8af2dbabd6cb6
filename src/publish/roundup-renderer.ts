import { escapeHtml } from '../sanitize/escape.js';
import { formatDate } from './format-date.js';
import { renderListsHtml } from './list-html.js';
import type { PublishedEntry, PublishedList, PublishedParade } from './types.js';

const WORDS = {
  de: {
    heading: (t: string) => `Rückblick: ${t}`,
    intro: (n: number, t: string) =>
      `${n === 1 ? 'Ein Beitrag ist' : `${n} Beiträge sind`} zur Blogparade „${t}“ eingegangen. Danke an alle, die mitgemacht haben!`,
    none: 'Noch sind keine Beiträge bestätigt.',
    by: 'von',
    call: 'Zum Aufruf',
  },
  en: {
    heading: (t: string) => `Round-up: ${t}`,
    intro: (n: number, t: string) =>
      `${n === 1 ? 'One entry' : `${n} entries`} answered the blog parade “${t}”. Thank you all for taking part!`,
    none: 'No entries are verified yet.',
    by: 'by',
    call: 'The call',
  },
};

function words(lang: string) {
  return lang === 'en' ? WORDS.en : WORDS.de;
}

/** Oldest first, the order in which a host thanks the participants. */
function chronological(entries: PublishedEntry[]): PublishedEntry[] {
  return [...entries].sort((a, b) => (a.published ?? a.firstSeen).localeCompare(b.published ?? b.firstSeen));
}

/** Escapes what Markdown would read as markup; a line start that looks like a list or heading too. */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/([\\`*_[\]<>|])/g, '\\$1')
      .replace(/^(\s*)([#+-])(\s)/, '$1\\$2$3')
      // A digit cannot be escaped in CommonMark; the period or parenthesis after it can.
      .replace(/^(\s*\d+)([.)])(\s)/, '$1\\$2$3')
  );
}

function byline(entry: PublishedEntry, lang: string): string {
  const date = formatDate(entry.published, lang);
  const author = entry.author ? `${words(lang).by} ${entry.author}` : '';
  return [author, date].filter(Boolean).join(' · ');
}

function markdownList(list: PublishedList): string[] {
  const lines = list.intro ? [`${escapeMarkdown(list.intro)}`, ''] : [];
  list.items.forEach((item, i) => {
    lines.push(`${list.ordered ? `${i + 1}.` : '-'} ${escapeMarkdown(item.text)}`);
  });
  return [...lines, ''];
}

export function renderRoundupMarkdown(parade: PublishedParade, entries: PublishedEntry[]): string {
  const w = words(parade.lang);
  const lines = [
    `# ${escapeMarkdown(w.heading(parade.title))}`,
    '',
    entries.length ? escapeMarkdown(w.intro(entries.length, parade.title)) : w.none,
    '',
    `[${w.call}](<${parade.callUrl}>)`,
    '',
  ];
  for (const entry of chronological(entries)) {
    lines.push(`## [${escapeMarkdown(entry.title ?? entry.url)}](<${entry.url}>)`, '');
    const meta = byline(entry, parade.lang);
    if (meta) lines.push(`*${escapeMarkdown(meta)}*`, '');
    for (const list of entry.lists) lines.push(...markdownList(list));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** An HTML fragment a host can paste into their blog editor. */
export function renderRoundupHtml(parade: PublishedParade, entries: PublishedEntry[]): string {
  const w = words(parade.lang);
  const parts = [
    `<h1>${escapeHtml(w.heading(parade.title))}</h1>`,
    `<p>${escapeHtml(entries.length ? w.intro(entries.length, parade.title) : w.none)}</p>`,
    `<p><a href="${escapeHtml(parade.callUrl)}">${escapeHtml(w.call)}</a></p>`,
  ];
  for (const entry of chronological(entries)) {
    parts.push(`<h2><a href="${escapeHtml(entry.url)}">${escapeHtml(entry.title ?? entry.url)}</a></h2>`);
    const meta = byline(entry, parade.lang);
    if (meta) parts.push(`<p><em>${escapeHtml(meta)}</em></p>`);
    if (entry.lists.length) parts.push(renderListsHtml(entry.lists));
  }
  return `${parts.join('\n')}\n`;
}
