import type { ParadeState } from './types.js';

/** A parade is "closing" in the last days before its deadline. */
export const CLOSING_DAYS = 3;
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

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: string, zone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${lang}|${zone}|${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'de-DE', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: zone,
      ...(withTime ? { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' } : {}),
    });
    formatters.set(key, f);
  }
  return f;
}

/** The deadline with time and zone as the parade's readers write it. */
export function formatDeadline(iso: string, lang: string, zone: string): string {
  return formatter(lang, zone, true).format(new Date(iso));
}

/** "noch 5 Tage" / "5 days left", counted in whole days. */
export function countdown(deadline: string, now: Date, lang: string, _zone: string): string {
  const days = Math.ceil((Date.parse(deadline) - now.getTime()) / DAY_MS);
  if (lang === 'en') return days > 0 ? `${days} ${days === 1 ? 'day' : 'days'} left` : 'ended';
  return days > 0 ? `noch ${days} ${days === 1 ? 'Tag' : 'Tage'}` : 'beendet';
}

/** When the state or the countdown next changes (a rendered page is valid until then), or null. */
export function displayValidUntil(parade: { deadline: string | null; closedAt: string | null }, now: Date): string | null {
  if (!parade.deadline || parade.closedAt) return null;
  const deadline = Date.parse(parade.deadline);
  const at = now.getTime();
  if (deadline <= at) return null;
  const left = deadline - at;
  const nextDay = at + (left % DAY_MS || DAY_MS);
  const closing = deadline - CLOSING_DAYS * DAY_MS;
  const candidates = [nextDay, deadline, ...(closing > at ? [closing] : [])];
  return new Date(Math.min(...candidates)).toISOString();
}
