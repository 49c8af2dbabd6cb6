import type { Context } from 'hono';
import type { RateConfig } from '../config.js';
import type { AppContext } from '../context.js';
import { type Rate, peekRate, takeRate } from '../store/rate-limit-repository.js';
import { clientAddress, parseTrustedProxies } from './client-address.js';

export class RateLimited extends Error {
  constructor(readonly retryAfterS: number) {
    super(`too many requests; try again in ${retryAfterS} s`);
  }
}

export type Action = 'create' | 'entry' | 'webmention' | 'pingback' | 'admin';

function rateOf(config: RateConfig): Rate {
  const perMinute = Math.max(config.perMinute, 1 / (24 * 60));
  return { burst: config.burst, intervalMs: Math.ceil(60_000 / perMinute) };
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

/**
 * Rate limits kept in the database, so replicas and restarts share them: per client address (as
 * the trusted proxies tell it), per parade, and per source host within one parade — a busy shared
 * blog host is limited on the parade it floods, never on every parade.
 */
export function createRateLimits(ctx: AppContext) {
  const proxies = parseTrustedProxies(ctx.config.trustedProxies);
  const { limits } = ctx.config;
  const perClient = rateOf(limits);
  const perParade = rateOf(limits.parade);
  const perSource = rateOf(limits);
  const perCreate = rateOf(limits.create);
  const perAdmin = rateOf(limits.admin);

  const take = async (buckets: [string, Rate][]) => {
    const now = ctx.clock.now().getTime();
    for (const [bucket, rate] of buckets) {
      const wait = await takeRate(ctx.db, ctx.dialect, bucket, rate, now);
      if (wait > 0) {
        ctx.log.info('rate.limited', { bucket, wait_ms: wait });
        throw new RateLimited(Math.max(1, Math.ceil(wait / 1000)));
      }
    }
  };

  return {
    clientOf(c: Context): string {
      return clientAddress(c, proxies);
    },
    /** A registration, webmention or pingback from this client, for this parade, of this source URL. */
    async submission(c: Context, action: Action, paradeId: number, sourceUrl?: string): Promise<string> {
      const client = this.clientOf(c);
      const buckets: [string, Rate][] = [
        [`${action}:ip:${client}`, perClient],
        [`${action}:parade:${paradeId}`, perParade],
      ];
      const host = sourceUrl ? hostOf(sourceUrl) : null;
      if (host) buckets.push([`${action}:source:${paradeId}:${host}`, perSource]);
      await take(buckets);
      return client;
    },
    /** Mentions are limited per client before their target is known, and per parade once it is. */
    async client(c: Context, action: Action): Promise<string> {
      const client = this.clientOf(c);
      await take([[`${action}:ip:${client}`, perClient]]);
      return client;
    },
    async paradeAndSource(action: Action, paradeId: number, sourceUrl: string): Promise<void> {
      const host = hostOf(sourceUrl);
      const buckets: [string, Rate][] = [[`${action}:parade:${paradeId}`, perParade]];
      if (host) buckets.push([`${action}:source:${paradeId}:${host}`, perSource]);
      await take(buckets);
    },
    async create(c: Context): Promise<void> {
      await take([[`create:ip:${this.clientOf(c)}`, perCreate]]);
    },
    /** A claim code costs what a new parade costs: the creation limits, in a bucket of its own. */
    async claim(c: Context): Promise<void> {
      await take([[`claim:ip:${this.clientOf(c)}`, perCreate]]);
    },
    /** Each check of a claim code may fetch the call page: limited per client like a registration. */
    async claimCheck(c: Context): Promise<void> {
      await take([[`claim-check:ip:${this.clientOf(c)}`, perClient]]);
    },
    /** Before checking a token: refuses a client that has failed too often. */
    async adminAllowed(c: Context): Promise<void> {
      const wait = await peekRate(
        ctx.db,
        `admin:ip:${this.clientOf(c)}`,
        perAdmin,
        ctx.clock.now().getTime(),
      );
      if (wait > 0) throw new RateLimited(Math.max(1, Math.ceil(wait / 1000)));
    },
    /** A wrong token or cookie counts against the client. */
    async adminFailed(c: Context): Promise<void> {
      await take([[`admin:ip:${this.clientOf(c)}`, perAdmin]]).catch((error) => {
        if (!(error instanceof RateLimited)) throw error;
      });
    },
  };
}

export type RateLimits = ReturnType<typeof createRateLimits>;
