import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppContext } from '../context.js';
import { RateLimiter } from './rate-limit.js';

export class RateLimited extends Error {
  constructor(readonly retryAfterS: number) {
    super(`too many submissions; try again in ${retryAfterS} s`);
  }
}

/** Limits registrations, webmentions and pingbacks per client address and per source host. */
export function createSubmissionGuard(ctx: AppContext) {
  const byClient = new RateLimiter(ctx.config.limits.burst, ctx.config.limits.perMinute);
  const bySource = new RateLimiter(ctx.config.limits.burst, ctx.config.limits.perMinute);
  return {
    clientOf(c: Context): string {
      try {
        return getConnInfo(c).remote.address ?? 'unknown';
      } catch {
        return 'local'; // app.request() in tests has no socket
      }
    },
    /** Throws RateLimited when the client or the source's host has sent too much. */
    check(c: Context, sourceUrl?: string): string {
      const client = this.clientOf(c);
      const wait = byClient.take(client);
      if (wait > 0) throw new RateLimited(wait);
      if (sourceUrl) {
        let host: string | null = null;
        try {
          host = new URL(sourceUrl).hostname.toLowerCase();
        } catch {
          // invalid URLs are refused by the use case with a clearer message
        }
        const sourceWait = host ? bySource.take(host) : 0;
        if (sourceWait > 0) throw new RateLimited(sourceWait);
      }
      return client;
    },
  };
}

export type SubmissionGuard = ReturnType<typeof createSubmissionGuard>;
