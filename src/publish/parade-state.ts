import type { ParadeState } from './types.js';

/** A parade is "closing" in the last days before its deadline. */
export const CLOSING_DAYS = 3;
/** The zone a parade's deadline is read and shown in unless the host chose another. */
export const DEFAULT_TIME_ZONE = 'Europe/Berlin';
const DAY_MS = 24 * 60 * 60 * 1000;

/** The state at `now`: closed once the host closed it or the deadline passed, closing shortly before. */
export function paradeState(deadline: string | null, closedAt: string | null, now: Date): ParadeState {
  if (closedAt && Date.parse(closedAt) <= now.getTime()) return 'closed';
  if (!deadline) return 'open';
  const left = Date.parse(deadline) - now.getTime();
  if (left <= 0) return 'closed';
  return left <= CLOSING_DAYS * DAY_MS ? 'closing' : 'open';
}

/** Published (or, without a date, first seen) after the deadline. */
export function isLate(deadline: string | null, published: string | null, firstSeen: string): boolean {
  if (!deadline) return false;
  const at = Date.parse(published ?? firstSeen);
  return Number.isFinite(at) && at > Date.parse(deadline);
}

// Building an Intl.DateTimeFormat is the expensive part of formatting (toLocaleDateString builds one
// per call); one instance per language, zone and style serves every date after the first.
const formatters = new Map<string, Intl.DateTimeFormat>();

type Style = 'date' | 'deadline' | 'parts' | 'dayMonth' | 'axis';

const STYLES: Record<Style, Intl.DateTimeFormatOptions> = {
  date: { day: 'numeric', month: 'long', year: 'numeric' },
  dayMonth: { day: 'numeric', month: 'long' },
  axis: { day: 'numeric', month: 'short' },
  deadline: {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  },
  parts: {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  },
};

function formatter(lang: string, zone: string, style: Style): Intl.DateTimeFormat {
  const locale = lang === 'en' ? 'en-GB' : 'de-DE';
  const key = `${locale}|${zone}|${style}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone: zone });
    formatters.set(key, f);
  }
  return f;
}

/** Whether `zone` is an IANA zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    formatter('de', zone, 'parts');
    return true;
  } catch {
    return false;
  }
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parse(iso: string | null): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * A date as readers of the parade's language write it, e.g. "22. April 2013" / "22 April 2013", on
 * the calendar day it is in `zone`; a bare "2013-04-22" is a calendar day already and stays one.
 */
export function formatDate(iso: string | null, lang: string, zone: string = DEFAULT_TIME_ZONE): string {
  const date = parse(iso);
  if (!date) return '';
  return formatter(lang, iso && DATE_ONLY.test(iso) ? 'UTC' : zone, 'date').format(date);
}

/** "22. April" / "22 April" where the year is clear; `short` ("22. Apr." / "22 Apr") for a chart's axis. */
export function formatDayMonth(
  iso: string,
  lang: string,
  zone: string = DEFAULT_TIME_ZONE,
  short = false,
): string {
  const date = parse(iso);
  return date
    ? formatter(lang, DATE_ONLY.test(iso) ? 'UTC' : zone, short ? 'axis' : 'dayMonth').format(date)
    : '';
}

/** "15. Mai 2026, 23:59 Uhr (MESZ)" / "15 May 2026, 23:59 (CEST)": date, time and zone in the parade's zone. */
export function formatDeadline(iso: string | null, lang: string, zone: string = DEFAULT_TIME_ZONE): string {
  const date = parse(iso);
  if (!date) return '';
  const p: Record<string, string> = {};
  for (const part of formatter(lang, zone, 'deadline').formatToParts(date)) p[part.type] = part.value;
  const day = lang === 'en' ? `${p.day} ${p.month} ${p.year}` : `${p.day}. ${p.month} ${p.year}`;
  const time = lang === 'en' ? `${p.hour}:${p.minute}` : `${p.hour}:${p.minute} Uhr`;
  return `${day}, ${time} (${p.timeZoneName})`;
}

/** The wall-clock fields of an instant in `zone`. */
export function wallClock(ms: number, zone: string) {
  const p: Record<string, number> = {};
  for (const part of formatter('de', zone, 'parts').formatToParts(new Date(ms))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  return {
    year: p.year as number,
    month: p.month as number,
    day: p.day as number,
    hour: p.hour as number,
    minute: p.minute as number,
    second: p.second as number,
  };
}

/** Milliseconds `zone` is ahead of UTC at the instant `ms`. */
function zoneOffset(ms: number, zone: string): number {
  const w = wallClock(ms, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * The instant a wall-clock time has in `zone`. A time that occurs twice (autumn) is its first
 * occurrence; one skipped by a clock change (spring) moves forward by the gap, like Temporal's
 * "compatible" disambiguation.
 */
export function zonedInstant(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
  zone: string,
): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const before = zoneOffset(wall - DAY_MS, zone);
  const after = zoneOffset(wall + DAY_MS, zone);
  const fits = [wall - before, wall - after].filter((t) => zoneOffset(t, zone) === wall - t);
  if (fits.length) return new Date(Math.min(...fits));
  return new Date(wall - before);
}

/** Days since 1970-01-01 of the calendar day `ms` falls on in `zone`. */
export function localDayNumber(ms: number, zone: string): number {
  const w = wallClock(ms, zone);
  return Date.UTC(w.year, w.month - 1, w.day) / DAY_MS;
}

/** "2026-05-15" of a day number. */
export function dayString(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** The first instant of a day number's day in `zone`. */
function startOfLocalDay(dayNumber: number, zone: string): Date {
  const d = new Date(dayNumber * DAY_MS);
  return zonedInstant(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), 0, 0, 0, 0, zone);
}

function dateParts(dateString: string): [number, number, number] {
  const m = DATE_ONLY.exec(dateString);
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [Number.NaN, 0, 0];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (!m || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    throw new RangeError(`"${dateString}" is not a calendar date (YYYY-MM-DD)`);
  }
  return [y, mo, d];
}

/** A deadline without a time means the end of that day (23:59:59) in the parade's zone. */
export function endOfDay(dateString: string, zone: string): string {
  const [y, m, d] = dateParts(dateString);
  return zonedInstant(y, m, d, 23, 59, 59, 0, zone).toISOString();
}

const LOCAL_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A deadline as a host types it: a day ("2026-05-15", end of that day), a wall-clock time
 * ("2026-05-15T18:00", in the parade's zone) or an instant with offset ("…T18:00+02:00", "…Z").
 */
export function deadlineInstant(input: string, zone: string): string {
  const value = input.trim();
  if (DATE_ONLY.test(value)) return endOfDay(value, zone);
  const local = LOCAL_TIME.exec(value);
  if (local) {
    const [y, m, d] = dateParts(local[1] as string);
    const [h, mi, s] = [Number(local[2]), Number(local[3]), Number(local[4] ?? 0)];
    if (h > 23 || mi > 59 || s > 59) throw new RangeError(`"${input}" is not a time of day`);
    return zonedInstant(y, m, d, h, mi, s, 0, zone).toISOString();
  }
  const date = /^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw new RangeError(
      `"${input}" is not a deadline (YYYY-MM-DD, YYYY-MM-DDTHH:MM or ISO 8601 with offset)`,
    );
  }
  return date.toISOString();
}

const STATE_LABELS = {
  de: { open: 'offen', closing: 'endet bald', closed: 'beendet' },
  en: { open: 'open', closing: 'closing soon', closed: 'closed' },
} satisfies Record<string, Record<ParadeState, string>>;

export function stateLabel(state: ParadeState, lang: string): string {
  return (lang === 'en' ? STATE_LABELS.en : STATE_LABELS.de)[state];
}

/**
 * How far the deadline is, counted in calendar days of the parade's zone: "noch 5 Tage",
 * "endet heute um 23:59 Uhr", "seit 3 Tagen beendet" (and English equivalents).
 */
export function countdown(
  deadline: string | null,
  now: Date,
  lang: string,
  zone: string = DEFAULT_TIME_ZONE,
): string {
  const date = parse(deadline);
  if (!date) return '';
  const en = lang === 'en';
  const days = localDayNumber(date.getTime(), zone) - localDayNumber(now.getTime(), zone);
  if (date.getTime() > now.getTime()) {
    if (days <= 0) {
      const w = wallClock(date.getTime(), zone);
      const time = `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
      return en ? `ends today at ${time}` : `endet heute um ${time} Uhr`;
    }
    if (days === 1) return en ? '1 day left' : 'noch 1 Tag';
    return en ? `${days} days left` : `noch ${days} Tage`;
  }
  const since = -days;
  if (since <= 0) return en ? 'ended today' : 'heute beendet';
  if (since === 1) return en ? 'ended yesterday' : 'seit gestern beendet';
  return en ? `ended ${since} days ago` : `seit ${since} Tagen beendet`;
}

/**
 * The next instant after `now` at which the state, the state label or the countdown of a parade
 * changes (next local midnight, the closing threshold, the deadline, a scheduled close), or null
 * when nothing shown depends on time any more. A rendered page stays valid until then.
 */
export function displayValidUntil(
  parade: { deadline: string | null; timeZone: string; closedAt?: string | null },
  now: Date,
): Date | null {
  const t = now.getTime();
  const candidates: number[] = [];
  const closedAt = parse(parade.closedAt ?? null);
  if (closedAt) candidates.push(closedAt.getTime());
  const deadline = parse(parade.deadline);
  if (deadline) {
    const at = deadline.getTime();
    candidates.push(at, at - CLOSING_DAYS * DAY_MS);
    candidates.push(startOfLocalDay(localDayNumber(t, parade.timeZone) + 1, parade.timeZone).getTime());
  }
  const next = candidates.filter((c) => c > t);
  return next.length ? new Date(Math.min(...next)) : null;
}
