/**
 * Comparisons used by the eval. Lists: items are matched per page as multisets of normalized text
 * (NFC, whitespace incl. NBSP/zero-width collapsed). Titles: same text after case, whitespace,
 * quote and dash folding, or the truth minus leading/trailing site-name segments (see titlesMatch). Authors: same name after that folding and dropping a leading "By"/"Par"/
 * "Von"/"Written by"; a truth that continues past the name with a date or digits ("Lucas Nolan22
 * Dec 2016") still counts. Dates: the same calendar date as written (YYYY-MM-DD of both strings).
 */

export interface ItemCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface ListComparison extends ItemCounts {
  missing: string[];
  extra: string[];
}

export function normalizeItem(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\s\u200b\u2060]+/g, ' ')
    .trim();
}

export function compareLists(truth: string[][], ours: string[][]): ListComparison {
  const pool = new Map<string, number>();
  for (const item of truth.flat()) {
    const key = normalizeItem(item);
    pool.set(key, (pool.get(key) ?? 0) + 1);
  }
  let tp = 0;
  const extra: string[] = [];
  for (const item of ours.flat()) {
    const key = normalizeItem(item);
    const left = pool.get(key) ?? 0;
    if (left > 0) {
      tp++;
      pool.set(key, left - 1);
    } else {
      extra.push(key);
    }
  }
  const missing: string[] = [];
  for (const [key, left] of pool) for (let i = 0; i < left; i++) missing.push(key);
  return { tp, fp: extra.length, fn: missing.length, missing, extra };
}

export function normalizeTitle(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[‘’‚‛′`´]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/[\s\u00a0\u200b]+/g, ' ')
    .trim();
}

const SEPARATOR_AT_START = /^ (?:[|\-·»/:]|::) /;
const SEPARATOR_AT_END = / (?:[|\-·»/:]|::) $/;

/**
 * Same title, or ours is the truth without site/section parts: the truth split at " | ", " - ",
 * " · ", " » ", " / ", " : " and ours equal to its leading or trailing segments ("Post | Site" →
 * "Post", "Site - Post" → "Post"). Readability keeps the site name that korso cuts off.
 */
export function titlesMatch(truth: string, ours: string | null): boolean {
  if (ours === null) return false;
  const want = normalizeTitle(truth);
  const got = normalizeTitle(ours);
  if (want === got) return true;
  if (got === '') return false;
  if (want.startsWith(got) && SEPARATOR_AT_START.test(want.slice(got.length))) return true;
  return want.endsWith(got) && SEPARATOR_AT_END.test(want.slice(0, want.length - got.length));
}

const BYLINE_PREFIX = /^(?:(?:written|posted|published)\s+by|by|par|por|von)\s+/;

function normalizeName(text: string): string {
  return normalizeTitle(text).replace(BYLINE_PREFIX, '').trim();
}

export function namesMatch(truth: string, ours: string | null): boolean {
  if (ours === null) return false;
  const want = normalizeName(truth);
  const got = normalizeName(ours);
  if (got === '') return false;
  if (want === got) return true;
  return want.startsWith(got) && /^[\s\d,|·•-]/.test(want.slice(got.length));
}

function calendarDate(text: string): string | null {
  return /^\s*(\d{4}-\d{2}-\d{2})/.exec(text)?.[1] ?? null;
}

/**
 * Fixture rule (test/fixtures/extract/README.md): a truth with a time and offset is an instant
 * (Date.parse equality); a date-only truth compares with the date part of ours.
 */
export function fixtureDatesMatch(truth: string | null, ours: string | null): boolean {
  if (truth === null || ours === null) return truth === ours;
  if (/T\d{2}:\d{2}.*(Z|[+-]\d{2}:?\d{2})$/.test(truth)) return Date.parse(truth) === Date.parse(ours);
  return calendarDate(truth) === calendarDate(ours);
}

export function datesMatch(truth: string, ours: string | null): boolean {
  if (ours === null) return false;
  const want = calendarDate(truth);
  return want !== null && want === calendarDate(ours);
}
