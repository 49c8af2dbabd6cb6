const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Re-checks get rarer as a post ages and once the parade is over. */
export function recheckDelayMs(createdAt: string, deadline: string | null, now: Date): number {
  const age = now.getTime() - new Date(createdAt).getTime();
  if (deadline && now.getTime() > new Date(deadline).getTime() + 7 * DAY) return 7 * DAY;
  if (deadline && now.getTime() > new Date(deadline).getTime()) return DAY;
  if (age < DAY) return HOUR;
  if (age < 7 * DAY) return 6 * HOUR;
  return DAY;
}

/** Exponential backoff from 5 minutes, capped at a day; a server's Retry-After wins when later. */
export function retryDelayMs(attempts: number, retryAfter: Date | undefined, now: Date): number {
  const backoff = Math.min(5 * MINUTE * 2 ** Math.max(0, attempts - 1), DAY);
  const asked = retryAfter ? retryAfter.getTime() - now.getTime() : 0;
  return Math.max(backoff, Math.min(asked, 7 * DAY));
}

export function addMs(now: Date, ms: number): string {
  return new Date(now.getTime() + ms).toISOString();
}
