import type { AppContext } from '../context.js';
import { blockedDomains } from '../store/blocklist-repository.js';

export function domainOf(url: string): string {
  return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
}

/** Blocked when the host or any parent domain is on the parade's or the global list. */
export async function isBlocked(ctx: AppContext, paradeId: number, url: string): Promise<boolean> {
  const domain = domainOf(url);
  const blocked = await blockedDomains(ctx.db, paradeId);
  return blocked.some((b) => domain === b.domain || domain.endsWith(`.${b.domain}`));
}
