import type { AppContext } from '../context.js';
import { type CallDetails, callDetails, type LocalDeadline } from '../extract/call-page-details.js';
import { decodeHtml, extractPage } from '../extract/index.js';
import { detailReason } from '../reasons/catalog.js';
import { type Reason, reason } from '../reasons/reason.js';

export const DEFAULT_TIME_ZONE = 'Europe/Berlin';

export type CallPage =
  | { ok: true; url: string; html: string; details: CallDetails }
  | { ok: false; why: Reason };

/** Fetches the call post through the guarded client and reads what it says about the parade. */
export async function readCallPage(ctx: AppContext, callUrl: string): Promise<CallPage> {
  const fetched = await ctx.http.fetch(callUrl);
  if (!fetched.ok)
    return { ok: false, why: reason('call.unreachable', { detail: detailReason(fetched.detail) }) };
  if (fetched.notModified) return { ok: false, why: reason('call.notHtml') };
  if (fetched.contentType && !/html|xml/i.test(fetched.contentType))
    return { ok: false, why: reason('call.notHtml') };
  const { html } = decodeHtml(fetched.body, fetched.contentType);
  const page = extractPage({ html, url: fetched.url });
  return { ok: true, url: fetched.url, html, details: callDetails(page, ctx.clock.now()) };
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Offset of `zone` from UTC at `at`, in ms (positive east of Greenwich). */
function offsetMs(zone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** A wall-clock time in a zone as a UTC instant (the offset is taken at that instant, so DST holds). */
export function zonedToUtc(date: string, time: string, zone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm, ss = 0] = time.split(':').map(Number) as [number, number, number?];
  const guess = Date.UTC(y, m - 1, d, hh, mm, ss);
  const first = guess - offsetMs(zone, new Date(guess));
  return new Date(guess - offsetMs(zone, new Date(first)));
}

/** A deadline without a time is the end of that day in the parade's zone. */
export function deadlineInstant(deadline: LocalDeadline, zone: string): string {
  return zonedToUtc(deadline.date, deadline.time ?? '23:59:59', zone).toISOString();
}

/**
 * A deadline as the host or a script gives it: a date ("2026-05-15", end of that day), a local
 * date and time ("2026-05-15T18:00", in the parade's zone) or an instant with its offset. Null if
 * it is none of these.
 */
export function parseDeadlineInput(raw: string, zone: string): string | null {
  const text = raw.trim();
  const local = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?))?$/.exec(text);
  if (local) {
    const date = local[1] as string;
    const check = new Date(`${date}T00:00:00Z`);
    if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== date) return null;
    return deadlineInstant({ date, time: local[2] ?? null }, zone);
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text)) return null;
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

/** The stored deadline as date and time in the parade's zone, for the form. */
export function localDeadline(iso: string, zone: string): LocalDeadline {
  const at = new Date(iso);
  const local = new Date(at.getTime() + offsetMs(zone, at));
  const text = local.toISOString();
  const time = text.slice(11, 16);
  return { date: text.slice(0, 10), time: time === '23:59' ? null : time };
}
