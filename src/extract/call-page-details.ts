// What a call post says about its parade, read from its text: the prompt in quotes, the hashtag,
// and the deadline as written ("bis zum 15. Mai 2013", "Teilnahmeschluss: 15.05.2013", "läuft bis
// Ende Mai", "Deadline: May 15"). Pure: the caller fetches and extracts the page.
import type { ExtractedPage } from './types.js';

export interface LocalDeadline {
  /** YYYY-MM-DD in the parade's time zone. */
  date: string;
  /** HH:MM when the text names a time; null means the end of that day. */
  time: string | null;
}

export interface CallDetails {
  title: string | null;
  hostName: string | null;
  description: string | null;
  lang: 'de' | 'en' | null;
  prompt: string | null;
  hashtag: string | null;
  deadline: LocalDeadline | null;
}

const MONTHS: Record<string, number> = {
  januar: 1,
  jänner: 1,
  january: 1,
  jan: 1,
  februar: 2,
  february: 2,
  feb: 2,
  märz: 3,
  maerz: 3,
  march: 3,
  mär: 3,
  mar: 3,
  april: 4,
  apr: 4,
  mai: 5,
  may: 5,
  juni: 6,
  june: 6,
  jun: 6,
  juli: 7,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  oktober: 10,
  october: 10,
  okt: 10,
  oct: 10,
  november: 11,
  nov: 11,
  dezember: 12,
  december: 12,
  dez: 12,
  dec: 12,
};
const MONTH = `(${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|')})\\.?`;

// Words that introduce a deadline; a date elsewhere in the post (its own date, an event) is not one.
const LEAD =
  /(teilnahmeschluss|einsendeschluss|einreichungsschluss|anmeldeschluss|deadline|stichtag|läuft\s+(?:noch\s+)?bis(?:\s+(?:zum|einschließlich))?|endet\s+(?:am|mit)|mitmachen\s+(?:kannst\s+du\s+|könnt\s+ihr\s+|können\s+sie\s+)?bis(?:\s+zum)?|(?:noch\s+)?bis\s+(?:zum|einschließlich|spätestens(?:\s+zum)?|inklusive)|bis\s+(?=\d{1,2}\.)|until|closes\s+on|ends\s+on|no\s+later\s+than|by)\b[\s:–-]*(?:(?:ist|is)\s+(?:der\s+|am\s+|on\s+)?)?/giu;

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function fullYear(raw: string | undefined): number | null {
  if (!raw) return null;
  const n = Number(raw);
  return raw.length <= 2 ? 2000 + n : n;
}

interface Found {
  y: number | null;
  m: number;
  d: number | 'end';
  rest: string;
}

/** A date at the very start of `text` (after a deadline word), with what follows it. */
function dateAt(text: string): Found | null {
  let m: RegExpExecArray | null;
  // 15. Mai 2013 · 15 May 2013 · 15th of May
  m = new RegExp(`^(\\d{1,2})(?:\\.|st|nd|rd|th)?\\s*(?:of\\s+)?${MONTH}(?:\\s+(\\d{4}))?`, 'iu').exec(text);
  if (m)
    return {
      d: Number(m[1]),
      m: MONTHS[(m[2] ?? '').toLowerCase()] ?? 0,
      y: fullYear(m[3]),
      rest: text.slice(m[0].length),
    };
  // 15.05.2013 · 15.5.13 · 15.05.
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2}(?!\d))?/u.exec(text);
  if (m) return { d: Number(m[1]), m: Number(m[2]), y: fullYear(m[3]), rest: text.slice(m[0].length) };
  // 2013-05-15
  m = /^(\d{4})-(\d{2})-(\d{2})/u.exec(text);
  if (m) return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]), rest: text.slice(m[0].length) };
  // May 15, 2013 · May 15th
  m = new RegExp(`^${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b,?(?:\\s+(\\d{4}))?`, 'iu').exec(text);
  if (m)
    return {
      m: MONTHS[(m[1] ?? '').toLowerCase()] ?? 0,
      d: Number(m[2]),
      y: fullYear(m[3]),
      rest: text.slice(m[0].length),
    };
  // Ende Mai (2013) · end of May
  m = new RegExp(`^(?:zum\\s+)?(?:ende|end\\s+of)\\s+${MONTH}(?:\\s+(\\d{4}))?`, 'iu').exec(text);
  if (m)
    return {
      m: MONTHS[(m[1] ?? '').toLowerCase()] ?? 0,
      d: 'end',
      y: fullYear(m[2]),
      rest: text.slice(m[0].length),
    };
  return null;
}

/** "23:59 Uhr", "um 18 Uhr", "at 6 pm" right after the date. */
function timeAt(rest: string): string | null {
  const m = /^[\s,]*(?:um|at|,)?\s*(\d{1,2})(?:[:.](\d{2}))?\s*(uhr|h\b|am|pm)?/iu.exec(rest);
  if (!m || (!m[2] && !m[3])) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  const suffix = (m[3] ?? '').toLowerCase();
  if (suffix === 'pm' && hour < 12) hour += 12;
  if (suffix === 'am' && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return null;
  return `${pad(hour)}:${pad(minute)}`;
}

/**
 * The deadline the text states after a deadline word. A date without a year is the next one on or
 * after `reference` (the post's date), so a December call "bis 15. Januar" means January next year.
 */
export function findDeadline(text: string, reference: Date): LocalDeadline | null {
  for (const lead of text.matchAll(LEAD)) {
    const after = text.slice((lead.index ?? 0) + lead[0].length, (lead.index ?? 0) + lead[0].length + 80);
    const found = dateAt(after);
    if (!found || found.m < 1 || found.m > 12) continue;
    const refDay = iso(reference.getUTCFullYear(), reference.getUTCMonth() + 1, reference.getUTCDate());
    let year = found.y ?? reference.getUTCFullYear();
    const day = (y: number) => (found.d === 'end' ? daysIn(y, found.m) : found.d);
    if (found.y === null && iso(year, found.m, day(year)) < refDay) year += 1;
    const d = day(year);
    if (d < 1 || d > daysIn(year, found.m)) continue;
    return { date: iso(year, found.m, d), time: found.d === 'end' ? null : timeAt(found.rest) };
  }
  return null;
}

const QUOTED = /[„"“»«‚']([^„"“”»«‚‘']{3,120}?)[“"”«»‘']/gu;

/** The phrase entries complete, as the call quotes it: „Mein Wunschkunde ist …“ gives "Mein Wunschkunde ist". */
export function findPrompt(title: string | null, text: string): string | null {
  const candidates: string[] = [];
  for (const source of [title ?? '', text]) {
    for (const m of source.matchAll(QUOTED)) {
      const phrase = (m[1] ?? '').trim();
      const words = phrase.split(/\s+/).length;
      if (words < 2 || words > 12) continue;
      if (/(…|\.\.\.|:)$/.test(phrase)) return phrase.replace(/\s*(…|\.\.\.|:)$/, '');
      candidates.push(phrase);
    }
  }
  return candidates[0] ?? null;
}

/** The first hashtag of the text (not an anchor in a URL). */
export function findHashtag(text: string): string | null {
  const m = /(?:^|[\s(„"])#([\p{L}\p{N}_]{2,99})/u.exec(text);
  return m ? `#${m[1]}` : null;
}

const GERMAN = /\b(und|der|die|das|ist|nicht|ich|du|mit|für|auf|bis|einen|eine)\b/giu;
const ENGLISH = /\b(and|the|is|not|you|with|for|on|until|your|this|that)\b/giu;

function languageOf(page: ExtractedPage): 'de' | 'en' | null {
  const declared = page.lang?.slice(0, 2).toLowerCase();
  if (declared === 'de' || declared === 'en') return declared;
  const de = page.text.match(GERMAN)?.length ?? 0;
  const en = page.text.match(ENGLISH)?.length ?? 0;
  if (de === 0 && en === 0) return null;
  return de >= en ? 'de' : 'en';
}

function clip(text: string | null, max: number): string | null {
  const clean = text?.replace(/\s+/g, ' ').trim();
  if (!clean) return null;
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

/** Everything korso can prefill from the call post; `now` dates a post that states no date. */
export function callDetails(page: ExtractedPage, now: Date): CallDetails {
  const reference = page.published ? new Date(page.published) : now;
  const text = `${page.title ?? ''}\n\n${page.excerpt ?? ''}\n\n${page.text}`;
  return {
    title: clip(page.title, 300),
    hostName: clip(page.author, 200),
    description: clip(page.excerpt, 2000),
    lang: languageOf(page),
    prompt: clip(findPrompt(page.title, page.text), 500),
    hashtag: findHashtag(page.text),
    deadline: findDeadline(text, Number.isNaN(reference.getTime()) ? now : reference),
  };
}
