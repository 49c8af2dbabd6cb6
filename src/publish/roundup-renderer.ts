import { escapeHtml } from '../sanitize/escape.js';
import { withoutImages } from '../sanitize/images.js';
import { escapeInline, escapeMarkdown, htmlToMarkdown, markdownUrl } from './markdown.js';
import { formatDate } from './parade-state.js';
import type { PublishedEntry, PublishedList, PublishedParade, PublishedTheme } from './types.js';

/** Themes shown under "Was viele genannt haben": the largest ones shared by at least two participants. */
export const TOP_THEMES = 5;
const THEME_NAMES = 8;
/** Items a nested list under a teaser item shows at most. */
const NESTED_ITEMS = 3;

const WORDS = {
  de: {
    heading: (t: string) => `Rückblick: ${t}`,
    intro: (n: number, t: string, host: string | null, late: number) =>
      `${n === 1 ? 'Ein Beitrag ist' : `${n} Beiträge sind`} zur Blogparade „${t}“${host ? ` von ${host}` : ''} eingegangen${
        late ? `, ${late === 1 ? 'einer' : late} davon nach dem Einsendeschluss` : ''
      }. Danke an alle, die mitgemacht haben!`,
    none: 'Noch sind keine Beiträge bestätigt.',
    by: 'von',
    call: 'Zum Aufruf',
    entries: 'Die Beiträge',
    more: (n: number) => `… und ${n} ${n === 1 ? 'weiterer Punkt' : 'weitere Punkte'} im Beitrag`,
    themes: 'Was viele genannt haben',
    participants: (n: number) => `${n} Teilnehmende`,
    others: (n: number) => `${n} weitere`,
    late: 'Nach dem Einsendeschluss eingegangen',
    thanks: 'Danke',
    thanksTo: 'Danke an',
  },
  en: {
    heading: (t: string) => `Round-up: ${t}`,
    intro: (n: number, t: string, host: string | null, late: number) =>
      `${n === 1 ? 'One entry' : `${n} entries`} answered the blog parade “${t}”${host ? ` by ${host}` : ''}${
        late ? `, ${late === 1 ? 'one' : late} of them after the deadline` : ''
      }. Thank you all for taking part!`,
    none: 'No entries are verified yet.',
    by: 'by',
    call: 'The call',
    entries: 'The entries',
    more: (n: number) => `… and ${n} more ${n === 1 ? 'point' : 'points'} in the post`,
    themes: 'What many mentioned',
    participants: (n: number) => `${n} participants`,
    others: (n: number) => `${n} more`,
    late: 'Received after the deadline',
    thanks: 'Thank you',
    thanksTo: 'Thanks to',
  },
};
type Words = typeof WORDS.de;

function words(lang: string): Words {
  return lang === 'en' ? WORDS.en : WORDS.de;
}

const listFormats = new Map<string, Intl.ListFormat>();
function joinNames(names: string[], lang: string): string {
  let f = listFormats.get(lang);
  if (!f) {
    f = new Intl.ListFormat(lang === 'en' ? 'en-GB' : 'de-DE', { type: 'conjunction' });
    listFormats.set(lang, f);
  }
  return f.format(names);
}

/** Oldest first, the order in which a host thanks the participants. */
function chronological(entries: PublishedEntry[]): PublishedEntry[] {
  const at = (e: PublishedEntry) => e.published ?? e.firstSeen;
  return [...entries].sort((a, b) => (at(a) < at(b) ? -1 : at(a) > at(b) ? 1 : 0));
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** How many participants share the theme an item (entry url + item text) falls in; the largest if several. */
function themeWeights(themes: PublishedTheme[]): Map<string, number> {
  const weights = new Map<string, number>();
  for (const theme of themes) {
    const size = theme.participants.length;
    for (const item of theme.items) {
      const key = `${item.url}\n${normalize(item.text)}`;
      if ((weights.get(key) ?? 0) < size) weights.set(key, size);
    }
  }
  return weights;
}

/**
 * How many items a teaser shows: half the list, at least 3 and at most 5; a list of 3 or fewer is
 * short enough to be its own teaser.
 */
export function teaserSize(items: number): number {
  return items <= 3 ? items : Math.min(5, Math.max(3, Math.ceil(items / 2)));
}

interface Teaser {
  entry: PublishedEntry;
  leadIn: string | null;
  listIndex: number;
  list: PublishedList | null;
  /** Indexes into list.items, in document order. */
  chosen: number[];
  omitted: number;
}

/**
 * An entry's teaser: the lead-in of its longest top-level list and that list's strongest items —
 * first those in themes at least two participants share (largest theme first), then the list's
 * opening items — shown in the order the author wrote them.
 */
export function teaserOf(entry: PublishedEntry, weights: Map<string, number>): Teaser {
  let listIndex = -1;
  entry.lists.forEach((l, i) => {
    if (l.parent) return;
    if (listIndex < 0 || l.items.length > (entry.lists[listIndex]?.items.length ?? 0)) listIndex = i;
  });
  const list = entry.lists[listIndex] ?? null;
  if (!list) return { entry, leadIn: entry.excerpt, listIndex, list, chosen: [], omitted: 0 };
  const k = teaserSize(list.items.length);
  const weighted = list.items
    .map((item, i) => ({ i, w: weights.get(`${entry.url}\n${normalize(item.text)}`) ?? 0 }))
    .filter((x) => x.w >= 2)
    .sort((a, b) => b.w - a.w || a.i - b.i)
    .slice(0, k)
    .map((x) => x.i);
  const chosen = new Set(weighted);
  for (let i = 0; chosen.size < k && i < list.items.length; i++) chosen.add(i);
  return {
    entry,
    leadIn: list.intro ?? entry.excerpt,
    listIndex,
    list,
    chosen: [...chosen].sort((a, b) => a - b),
    omitted: list.items.length - chosen.size,
  };
}

/** Nested lists by the list and item they sit under. */
function childrenOf(entry: PublishedEntry): Map<string, PublishedList[]> {
  const children = new Map<string, PublishedList[]>();
  for (const l of entry.lists) {
    if (!l.parent) continue;
    const key = `${l.parent.list}/${l.parent.item}`;
    const siblings = children.get(key);
    if (siblings) siblings.push(l);
    else children.set(key, [l]);
  }
  return children;
}

function participantName(entry: PublishedEntry): string {
  return entry.author ?? entry.blogName;
}

interface Roundup {
  w: Words;
  lang: string;
  heading: string;
  paragraphs: string[];
  onTime: Teaser[];
  late: Teaser[];
  themes: PublishedTheme[];
  thanks: { name: string; url: string }[];
  children: (t: Teaser) => Map<string, PublishedList[]>;
}

function roundup(parade: PublishedParade, entries: PublishedEntry[], themes: PublishedTheme[]): Roundup {
  const w = words(parade.lang);
  const weights = themeWeights(themes);
  const ordered = chronological(entries);
  const teasers = ordered.map((e) => teaserOf(e, weights));
  const late = teasers.filter((t) => t.entry.late);
  const paragraphs = parade.roundupIntro?.trim()
    ? parade.roundupIntro.trim().split(/\n\s*\n/)
    : [entries.length ? w.intro(entries.length, parade.title, parade.hostName, late.length) : w.none];
  const seen = new Set<string>();
  const thanks: { name: string; url: string }[] = [];
  for (const e of ordered) {
    const name = participantName(e);
    if (seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    thanks.push({ name, url: e.blogUrl });
  }
  const cache = new Map<PublishedEntry, Map<string, PublishedList[]>>();
  return {
    w,
    lang: parade.lang,
    heading: w.heading(parade.title),
    paragraphs,
    onTime: teasers.filter((t) => !t.entry.late),
    late,
    themes: [...themes]
      .filter((t) => t.participants.length >= 2)
      .sort((a, b) => b.participants.length - a.participants.length)
      .slice(0, TOP_THEMES),
    thanks,
    children: (t) => {
      let c = cache.get(t.entry);
      if (!c) {
        c = childrenOf(t.entry);
        cache.set(t.entry, c);
      }
      return c;
    },
  };
}

function bylineParts(entry: PublishedEntry, r: Roundup, timeZone: string) {
  const author = entry.author ? `${r.w.by} ${entry.author}` : '';
  const blog = entry.author?.toLowerCase() === entry.blogName.toLowerCase() ? '' : entry.blogName;
  const date = formatDate(entry.published, r.lang, timeZone);
  return { author, blog, date };
}

function markdownItems(
  r: Roundup,
  t: Teaser,
  list: PublishedList,
  listIndex: number,
  indexes: number[],
  indent: string,
  depth: number,
): string[] {
  const lines: string[] = [];
  const children = r.children(t);
  for (const i of indexes) {
    const item = list.items[i];
    if (!item) continue;
    const marker = list.ordered ? `${i + 1}.` : '-';
    lines.push(`${indent}${marker} ${item.html ? htmlToMarkdown(item.html) : escapeMarkdown(item.text)}`);
    if (depth >= 2) continue;
    for (const child of children.get(`${listIndex}/${i}`) ?? []) {
      const childIndex = t.entry.lists.indexOf(child);
      const shown = child.items.slice(0, NESTED_ITEMS).map((_x, j) => j);
      const inner = `${indent}${' '.repeat(marker.length + 1)}`;
      lines.push(...markdownItems(r, t, child, childIndex, shown, inner, depth + 1));
    }
  }
  return lines;
}

function markdownTeaser(r: Roundup, t: Teaser, level: string, timeZone: string): string[] {
  const e = t.entry;
  const lines = [`${level} [${escapeMarkdown(e.title ?? e.url)}](${markdownUrl(e.url)})`, ''];
  const b = bylineParts(e, r, timeZone);
  const meta = [
    b.author ? escapeInline(b.author) : '',
    b.blog ? `[${escapeInline(b.blog)}](${markdownUrl(e.blogUrl)})` : '',
    escapeInline(b.date),
  ].filter(Boolean);
  if (meta.length) lines.push(`*${meta.join(' · ')}*`, '');
  if (t.leadIn) lines.push(escapeMarkdown(t.leadIn), '');
  if (t.list && t.chosen.length) {
    lines.push(...markdownItems(r, t, t.list, t.listIndex, t.chosen, '', 0), '');
  }
  if (t.omitted) lines.push(`[${escapeInline(r.w.more(t.omitted))}](${markdownUrl(e.url)})`, '');
  return lines;
}

function linkedNamesMarkdown(people: { name: string; url: string }[], lang: string): string {
  return joinNames(
    people.map((p) => `[${escapeInline(p.name)}](${markdownUrl(p.url)})`),
    lang,
  );
}

function themePeople(theme: PublishedTheme, r: Roundup) {
  const shown = theme.participants.slice(0, THEME_NAMES);
  const rest = theme.participants.length - shown.length;
  return { shown, rest: rest > 0 ? r.w.others(rest) : null };
}

/** The round-up as Markdown: nested lists stay nested under their item, emphasis and links stay. */
export function renderRoundupMarkdown(
  parade: PublishedParade,
  entries: PublishedEntry[],
  themes: PublishedTheme[] = [],
): string {
  const r = roundup(parade, entries, themes);
  const lines = [`# ${escapeMarkdown(r.heading)}`, ''];
  for (const p of r.paragraphs) lines.push(p.split('\n').map(escapeMarkdown).join('\\\n'), '');
  lines.push(`[${escapeInline(r.w.call)}](${markdownUrl(parade.callUrl)})`, '');
  if (r.onTime.length) {
    lines.push(`## ${escapeMarkdown(r.w.entries)}`, '');
    for (const t of r.onTime) lines.push(...markdownTeaser(r, t, '###', parade.timeZone));
  }
  if (r.themes.length) {
    lines.push(`## ${escapeMarkdown(r.w.themes)}`, '');
    for (const theme of r.themes) {
      const { shown, rest } = themePeople(theme, r);
      const names = linkedNamesMarkdown(shown, r.lang);
      lines.push(
        `- **${escapeInline(theme.label)}** (${r.w.participants(theme.participants.length)}): ${
          rest ? `${names}, ${escapeInline(rest)}` : names
        }`,
      );
    }
    lines.push('');
  }
  if (r.late.length) {
    lines.push(`## ${escapeMarkdown(r.w.late)}`, '');
    for (const t of r.late) lines.push(...markdownTeaser(r, t, '###', parade.timeZone));
  }
  if (r.thanks.length) {
    lines.push(`## ${escapeMarkdown(r.w.thanks)}`, '');
    lines.push(`${r.w.thanksTo} ${linkedNamesMarkdown(r.thanks, r.lang)}!`, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function htmlItems(
  r: Roundup,
  t: Teaser,
  list: PublishedList,
  listIndex: number,
  indexes: number[],
  depth: number,
): string {
  const children = r.children(t);
  const tag = list.ordered ? 'ol' : 'ul';
  const items = indexes.map((i) => {
    const item = list.items[i];
    if (!item) return '';
    const value = list.ordered ? ` value="${i + 1}"` : '';
    const nested =
      depth >= 2
        ? ''
        : (children.get(`${listIndex}/${i}`) ?? [])
            .map((child) => {
              const shown = child.items.slice(0, NESTED_ITEMS).map((_x, j) => j);
              return htmlItems(r, t, child, t.entry.lists.indexOf(child), shown, depth + 1);
            })
            .join('');
    // The page is served by korso, which loads nothing from other sites: an image shows as its alt text.
    return `<li${value}>${item.html ? withoutImages(item.html) : escapeHtml(item.text)}${nested}</li>`;
  });
  return `<${tag}>${items.join('')}</${tag}>`;
}

function htmlTeaser(r: Roundup, t: Teaser, timeZone: string): string {
  const e = t.entry;
  const parts = [`<h3><a href="${escapeHtml(e.url)}">${escapeHtml(e.title ?? e.url)}</a></h3>`];
  const b = bylineParts(e, r, timeZone);
  const meta = [
    b.author ? escapeHtml(b.author) : '',
    b.blog ? `<a href="${escapeHtml(e.blogUrl)}">${escapeHtml(b.blog)}</a>` : '',
    escapeHtml(b.date),
  ].filter(Boolean);
  if (meta.length) parts.push(`<p class="byline"><em>${meta.join(' · ')}</em></p>`);
  if (t.leadIn) parts.push(`<p>${escapeHtml(t.leadIn)}</p>`);
  if (t.list && t.chosen.length) parts.push(htmlItems(r, t, t.list, t.listIndex, t.chosen, 0));
  if (t.omitted)
    parts.push(`<p class="more"><a href="${escapeHtml(e.url)}">${escapeHtml(r.w.more(t.omitted))}</a></p>`);
  return parts.join('\n');
}

function linkedNamesHtml(people: { name: string; url: string }[], lang: string): string {
  return joinNames(
    people.map((p) => `<a href="${escapeHtml(p.url)}">${escapeHtml(p.name)}</a>`),
    lang,
  );
}

/** The round-up as an HTML fragment a host can paste into their blog editor. */
export function renderRoundupHtml(
  parade: PublishedParade,
  entries: PublishedEntry[],
  themes: PublishedTheme[] = [],
): string {
  const r = roundup(parade, entries, themes);
  const parts = [`<h1>${escapeHtml(r.heading)}</h1>`];
  for (const p of r.paragraphs) parts.push(`<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`);
  parts.push(`<p><a href="${escapeHtml(parade.callUrl)}">${escapeHtml(r.w.call)}</a></p>`);
  if (r.onTime.length) {
    parts.push(`<h2>${escapeHtml(r.w.entries)}</h2>`);
    for (const t of r.onTime) parts.push(htmlTeaser(r, t, parade.timeZone));
  }
  if (r.themes.length) {
    parts.push(`<h2>${escapeHtml(r.w.themes)}</h2>`, '<ul class="themes">');
    for (const theme of r.themes) {
      const { shown, rest } = themePeople(theme, r);
      const names = linkedNamesHtml(shown, r.lang);
      parts.push(
        `<li><strong>${escapeHtml(theme.label)}</strong> (${escapeHtml(r.w.participants(theme.participants.length))}): ${
          rest ? `${names}, ${escapeHtml(rest)}` : names
        }</li>`,
      );
    }
    parts.push('</ul>');
  }
  if (r.late.length) {
    parts.push(`<h2>${escapeHtml(r.w.late)}</h2>`);
    for (const t of r.late) parts.push(htmlTeaser(r, t, parade.timeZone));
  }
  if (r.thanks.length) {
    parts.push(`<h2>${escapeHtml(r.w.thanks)}</h2>`);
    parts.push(`<p>${escapeHtml(r.w.thanksTo)} ${linkedNamesHtml(r.thanks, r.lang)}!</p>`);
  }
  return `${parts.join('\n')}\n`;
}

// Readable on a phone, in light and dark mode, and on paper; the host's blog restyles the fragment anyway.
const STYLESHEET = `
:root{color-scheme:light dark;--fg:#1c1b1a;--bg:#fdfcfa;--muted:#57534e;--link:#0b57d0;--rule:#d6d3d1}
@media (prefers-color-scheme:dark){:root{--fg:#e7e5e4;--bg:#1c1917;--muted:#b5aea8;--link:#93b8f9;--rule:#44403c}}
body{margin:0;background:var(--bg);color:var(--fg);font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:42rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{line-height:1.2;font-size:1.9rem}
h2{margin-top:2.5rem;padding-top:.5rem;border-top:1px solid var(--rule)}
h3{margin:2rem 0 .25rem;line-height:1.3}
a{color:var(--link);overflow-wrap:anywhere}
.byline{margin-top:0;color:var(--muted)}
.more{font-size:.95em}
li{margin:.2rem 0}
footer{max-width:42rem;margin:0 auto;padding:0 1rem 2rem;color:var(--muted);font-size:.9em}
@media print{
:root{--fg:#000;--bg:#fff;--muted:#333;--link:#000}
body{font-size:11pt}
main{max-width:none;padding:0}
h2,h3{break-after:avoid}
li,.byline{break-inside:avoid}
h3 a::after{content:" (" attr(href) ")";font-size:.8em;font-weight:normal;overflow-wrap:anywhere}
footer{display:none}
}`.trim();

/** The round-up as a page of its own: the fragment with a stylesheet, viewport and language. */
export function renderRoundupDocument(
  parade: PublishedParade,
  entries: PublishedEntry[],
  themes: PublishedTheme[] = [],
): string {
  const w = words(parade.lang);
  const lang = parade.lang === 'en' ? 'en' : 'de';
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>${escapeHtml(w.heading(parade.title))}</title>`,
    `<style>${STYLESHEET}</style>`,
    '</head>',
    '<body>',
    '<main>',
    renderRoundupHtml(parade, entries, themes).trimEnd(),
    '</main>',
    `<footer><a href="${escapeHtml(parade.url)}">${escapeHtml(parade.title)}</a> · <a href="${escapeHtml(
      `${parade.url}/roundup.md`,
    )}">Markdown</a></footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
