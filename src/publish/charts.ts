import { escapeXml } from '../sanitize/escape.js';
import { dayString, formatDate, formatDayMonth, localDayNumber, wallClock } from './parade-state.js';
import type { PublishedEntry, PublishedParade, PublishedTheme } from './types.js';

// Inline SVG drawn in currentColor and CSS variables (--korso-chart-bar, --korso-chart-late), so
// it follows the page's light or dark colours; late bars are hatched, not only coloured.

/** A chart with its text alternative: a sentence and the data as a table. */
export interface Chart {
  /** Inline SVG, every label escaped. */
  svg: string;
  /** Plain text (the caller escapes it); also the SVG's <desc>. */
  summary: string;
  /** The data as an HTML table, escaped. */
  tableHtml: string;
}

export interface DayCount {
  /** First calendar day of the bar, YYYY-MM-DD, in the parade's zone. */
  date: string;
  /** Days the bar covers (1 unless the parade spans more than MAX_BARS days). */
  days: number;
  label: string;
  onTime: number;
  late: number;
}

export interface EntriesPerDayChart extends Chart {
  bars: DayCount[];
}

/** More days than this are drawn as bars of several days each. */
export const MAX_BARS = 200;
const W = 520;

const WORDS = {
  de: {
    perDay: 'Beiträge pro Tag',
    day: 'Tag',
    entries: 'Beiträge',
    late: 'verspätet',
    ofWhichLate: 'davon verspätet',
    onTime: 'rechtzeitig',
    deadline: 'Einsendeschluss',
    none: 'Noch keine Beiträge.',
    count: (n: number) => (n === 1 ? '1 Beitrag' : `${n} Beiträge`),
    bar: (label: string, n: number, late: number) =>
      `${label}: ${n === 1 ? '1 Beitrag' : `${n} Beiträge`}${late ? `, davon ${late} verspätet` : ''}`,
    summary: (n: number, from: string, to: string, most: number, on: string) =>
      `${n === 1 ? 'Ein Beitrag' : `${n} Beiträge`} vom ${from} bis zum ${to}; die meisten (${most}) am ${on}.`,
    oneDay: (n: number, on: string) => `${n === 1 ? 'Ein Beitrag' : `${n} Beiträge`} am ${on}.`,
    lateSummary: (n: number, deadline: string) =>
      ` ${n === 1 ? 'Einer' : n} nach dem Einsendeschluss am ${deadline}.`,
    deadlineSummary: (deadline: string) => ` Einsendeschluss: ${deadline}.`,
    themes: 'Die häufigsten Themen',
    theme: 'Thema',
    participants: 'Teilnehmende',
    themeSummary: (list: string) => `Die häufigsten Themen: ${list}.`,
    noThemes: 'Noch keine gemeinsamen Themen.',
    people: (n: number) => `${n} Teilnehmende`,
  },
  en: {
    perDay: 'Entries per day',
    day: 'Day',
    entries: 'Entries',
    late: 'late',
    ofWhichLate: 'of which late',
    onTime: 'on time',
    deadline: 'Deadline',
    none: 'No entries yet.',
    count: (n: number) => (n === 1 ? '1 entry' : `${n} entries`),
    bar: (label: string, n: number, late: number) =>
      `${label}: ${n === 1 ? '1 entry' : `${n} entries`}${late ? `, ${late} of them late` : ''}`,
    summary: (n: number, from: string, to: string, most: number, on: string) =>
      `${n === 1 ? 'One entry' : `${n} entries`} from ${from} to ${to}; the most (${most}) on ${on}.`,
    oneDay: (n: number, on: string) => `${n === 1 ? 'One entry' : `${n} entries`} on ${on}.`,
    lateSummary: (n: number, deadline: string) =>
      ` ${n === 1 ? 'One' : n} after the deadline on ${deadline}.`,
    deadlineSummary: (deadline: string) => ` Deadline: ${deadline}.`,
    themes: 'The most frequent themes',
    theme: 'Theme',
    participants: 'Participants',
    themeSummary: (list: string) => `The most frequent themes: ${list}.`,
    noThemes: 'No shared themes yet.',
    people: (n: number) => `${n} participants`,
  },
};

function words(lang: string) {
  return lang === 'en' ? WORDS.en : WORDS.de;
}

/** An id safe in an attribute and in url(#…), unique per chart on a page. */
function safeId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '-');
}

function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function svgOpen(id: string, height: number, title: string, desc: string): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${height}" width="100%" role="img" aria-labelledby="${id}-title ${id}-desc" class="korso-chart" style="height:auto;max-width:100%;font:12px system-ui,sans-serif">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(desc)}</desc>`,
  ].join('');
}

function table(caption: string, head: string[], rows: string[][]): string {
  const th = head.map((h) => `<th scope="col">${escapeXml(h)}</th>`).join('');
  const body = rows
    .map(
      ([first, ...rest]) =>
        `<tr><th scope="row">${escapeXml(first ?? '')}</th>${rest.map((c) => `<td>${escapeXml(c)}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<table class="korso-chart-data"><caption>${escapeXml(caption)}</caption><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

function bucketLabel(first: number, days: number, lang: string, zone: string): string {
  const from = formatDayMonth(dayString(first), lang, zone);
  return days === 1 ? from : `${from} – ${formatDayMonth(dayString(first + days - 1), lang, zone)}`;
}

/**
 * Entries per calendar day (in the parade's zone) from the parade's start — its creation or its
 * first entry, whichever is earlier — to the deadline or the last entry, whichever is later; the
 * deadline is a dashed line with its label, late entries are hatched.
 */
export function entriesPerDayChart(
  parade: Pick<PublishedParade, 'createdAt' | 'deadline' | 'timeZone' | 'lang'>,
  entries: Pick<PublishedEntry, 'published' | 'firstSeen' | 'late'>[],
  options: { id?: string } = {},
): EntriesPerDayChart {
  const w = words(parade.lang);
  const zone = parade.timeZone;
  const id = safeId(options.id ?? 'korso-entries-per-day');
  const dayOf = (iso: string) => localDayNumber(Date.parse(iso), zone);
  const entryDays = entries.map((e) => {
    const at = e.published && !Number.isNaN(Date.parse(e.published)) ? e.published : e.firstSeen;
    return { day: dayOf(at), late: e.late };
  });
  const deadlineMs = parade.deadline ? Date.parse(parade.deadline) : Number.NaN;
  const deadlineDay = Number.isNaN(deadlineMs) ? null : localDayNumber(deadlineMs, zone);
  let first = dayOf(parade.createdAt);
  let last = deadlineDay ?? first;
  for (const e of entryDays) {
    if (e.day < first) first = e.day;
    if (e.day > last) last = e.day;
  }
  if (last < first) last = first;
  const span = last - first + 1;
  const size = Math.ceil(span / MAX_BARS);
  const count = Math.ceil(span / size);
  const bars: DayCount[] = Array.from({ length: count }, (_x, i) => {
    const start = first + i * size;
    const days = Math.min(size, last - start + 1);
    return {
      date: dayString(start),
      days,
      label: bucketLabel(start, days, parade.lang, zone),
      onTime: 0,
      late: 0,
    };
  });
  for (const e of entryDays) {
    const bar = bars[Math.floor((e.day - first) / size)] as DayCount;
    if (e.late) bar.late++;
    else bar.onTime++;
  }

  const total = entries.length;
  const lateTotal = bars.reduce((s, b) => s + b.late, 0);
  const deadlineText = parade.deadline ? formatDate(parade.deadline, parade.lang, zone) : '';
  let summary = w.none;
  if (total) {
    const withEntries = bars.filter((b) => b.onTime + b.late);
    const top = withEntries.reduce((best, b) => (b.onTime + b.late > best.onTime + best.late ? b : best));
    let from = Number.POSITIVE_INFINITY;
    let to = Number.NEGATIVE_INFINITY;
    for (const e of entryDays) {
      from = Math.min(from, e.day);
      to = Math.max(to, e.day);
    }
    summary =
      from === to
        ? w.oneDay(total, formatDate(dayString(from), parade.lang, zone))
        : w.summary(
            total,
            formatDate(dayString(from), parade.lang, zone),
            formatDate(dayString(to), parade.lang, zone),
            top.onTime + top.late,
            top.label,
          );
  }
  if (deadlineText)
    summary += lateTotal ? w.lateSummary(lateTotal, deadlineText) : w.deadlineSummary(deadlineText);

  const H = 240;
  const left = 36;
  const right = 12;
  const top = 30;
  const bottom = 58;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const slot = plotW / count;
  const barW = Math.max(1, Math.min(48, slot * 0.8));
  const max = Math.max(1, ...bars.map((b) => b.onTime + b.late));
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const parts = [
    svgOpen(id, H, w.perDay, summary),
    `<defs><pattern id="${id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" style="stroke:var(--korso-chart-late,currentColor)" stroke-width="3"/></pattern></defs>`,
    `<g fill="currentColor">`,
    `<line x1="${left}" y1="${n(y(max))}" x2="${W - right}" y2="${n(y(max))}" stroke="currentColor" stroke-opacity="0.25" stroke-dasharray="2 3"/>`,
    `<text x="${left - 6}" y="${n(y(max) + 4)}" text-anchor="end">${max}</text>`,
    `<text x="${left - 6}" y="${n(y(0) + 4)}" text-anchor="end">0</text>`,
    `<line x1="${left}" y1="${n(y(0))}" x2="${W - right}" y2="${n(y(0))}" stroke="currentColor" stroke-opacity="0.6"/>`,
  ];
  bars.forEach((b, i) => {
    const all = b.onTime + b.late;
    if (!all) return;
    const x = left + i * slot + (slot - barW) / 2;
    const tip = `<title>${escapeXml(w.bar(b.label, all, b.late))}</title>`;
    parts.push(`<g>${tip}`);
    if (b.onTime) {
      parts.push(
        `<rect x="${n(x)}" y="${n(y(b.onTime))}" width="${n(barW)}" height="${n(y(0) - y(b.onTime))}" style="fill:var(--korso-chart-bar,currentColor)"/>`,
      );
    }
    if (b.late) {
      parts.push(
        `<rect x="${n(x)}" y="${n(y(all))}" width="${n(barW)}" height="${n(y(b.onTime) - y(all))}" style="fill:url(#${id}-hatch);stroke:var(--korso-chart-late,currentColor)" stroke-width="1"/>`,
      );
    }
    parts.push('</g>');
  });
  // Short day labels, at most six, so neighbours never run into each other on a phone.
  const labelEvery = Math.max(1, Math.ceil(count / 6));
  for (let i = 0; i < count; i += labelEvery) {
    const b = bars[i] as DayCount;
    const x = left + i * slot + slot / 2;
    const label = formatDayMonth(b.date, parade.lang, zone, true);
    parts.push(
      `<text x="${n(x)}" y="${n(y(0) + 16)}" text-anchor="${i === 0 ? 'start' : 'middle'}">${escapeXml(label)}</text>`,
    );
  }
  if (deadlineDay !== null) {
    const clock = wallClock(deadlineMs, zone);
    const fraction = (clock.hour * 60 + clock.minute + 1) / 1440;
    const x = left + ((deadlineDay - first + fraction) / size) * slot;
    const anchor = x > W - 160 ? 'end' : 'start';
    parts.push(
      `<line x1="${n(x)}" y1="${top - 12}" x2="${n(x)}" y2="${n(y(0))}" stroke="currentColor" stroke-width="2" stroke-dasharray="5 3"/>`,
      `<text x="${n(anchor === 'end' ? x - 4 : x + 4)}" y="${top - 16}" text-anchor="${anchor}" font-weight="bold">${escapeXml(
        `${w.deadline} ${formatDayMonth(parade.deadline as string, parade.lang, zone)}`,
      )}</text>`,
    );
  }
  const legendY = H - 14;
  parts.push(
    `<rect x="${left}" y="${legendY - 9}" width="12" height="12" style="fill:var(--korso-chart-bar,currentColor)"/>`,
    `<text x="${left + 18}" y="${legendY + 1}">${escapeXml(w.onTime)}</text>`,
    `<rect x="${left + 120}" y="${legendY - 9}" width="12" height="12" style="fill:url(#${id}-hatch);stroke:var(--korso-chart-late,currentColor)"/>`,
    `<text x="${left + 138}" y="${legendY + 1}">${escapeXml(w.late)}</text>`,
    '</g></svg>',
  );
  const rows = bars
    .filter((b) => b.onTime + b.late)
    .map((b) => [b.label, String(b.onTime + b.late), String(b.late)]);
  return {
    svg: parts.join(''),
    summary,
    tableHtml: table(w.perDay, [w.day, w.entries, w.ofWhichLate], rows),
    bars,
  };
}

/** Labels longer than this are shortened in the picture; the table and the tooltip keep them whole. */
const LABEL_CHARS = 70;

/** The largest themes by participants as horizontal bars, each labelled and counted. */
export function themeBarsChart(
  themes: PublishedTheme[],
  options: { lang: string; limit?: number; id?: string },
): Chart {
  const w = words(options.lang);
  const id = safeId(options.id ?? 'korso-theme-bars');
  const shown = [...themes]
    .sort((a, b) => b.participants.length - a.participants.length)
    .slice(0, options.limit ?? 10);
  const summary = shown.length
    ? w.themeSummary(shown.map((t) => `${t.label} (${t.participants.length})`).join(', '))
    : w.noThemes;
  const row = 34;
  const H = Math.max(row, shown.length * row) + 8;
  const countW = 44;
  const max = Math.max(1, ...shown.map((t) => t.participants.length));
  const parts = [svgOpen(id, H, w.themes, summary), '<g fill="currentColor">'];
  shown.forEach((t, i) => {
    const y = 4 + i * row;
    const count = t.participants.length;
    const len = Math.max(2, (count / max) * (W - countW));
    const label = t.label.length > LABEL_CHARS ? `${t.label.slice(0, LABEL_CHARS - 1)}…` : t.label;
    parts.push(
      `<g><title>${escapeXml(`${t.label}: ${w.people(count)}`)}</title>`,
      `<text x="0" y="${y + 11}">${escapeXml(label)}</text>`,
      `<rect x="0" y="${y + 15}" width="${n(len)}" height="14" rx="2" style="fill:var(--korso-chart-bar,currentColor)"/>`,
      `<text x="${n(len + 6)}" y="${y + 26}" font-weight="bold">${count}</text></g>`,
    );
  });
  parts.push('</g></svg>');
  return {
    svg: parts.join(''),
    summary,
    tableHtml: table(
      w.themes,
      [w.theme, w.participants],
      shown.map((t) => [t.label, String(t.participants.length)]),
    ),
  };
}
