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
