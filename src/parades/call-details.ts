import type { AppContext } from '../context.js';
import { type CallDetails, callDetails, type LocalDeadline } from '../extract/call-page-details.js';
import { decodeHtml, extractPage } from '../extract/index.js';
import { detailReason } from '../reasons/catalog.js';
import { deadlineInstant } from '../publish/parade-state.js';
import { type Reason, reason } from '../reasons/reason.js';

export { DEFAULT_TIME_ZONE, isTimeZone } from '../publish/parade-state.js';

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

/** A deadline read from the call post: a day (the end of that day) or a day and a time, in `zone`. */
export function callDeadlineInstant(deadline: LocalDeadline, zone: string): string {
  return deadlineInstant(deadline.time ? `${deadline.date}T${deadline.time}` : deadline.date, zone);
}

/**
 * A deadline as the host or a script gives it: a date ("2026-05-15", end of that day), a local
 * date and time ("2026-05-15T18:00", in the parade's zone) or an instant with its offset. Null if
 * it is none of these.
 */
export function parseDeadlineInput(raw: string, zone: string): string | null {
  try {
    return deadlineInstant(raw, zone);
  } catch {
    return null;
  }
}
