import os from 'node:os';
import type { AppContext } from '../context.js';
import { checkBacklink, extractPage } from '../extract/index.js';
import { claimDueEntries, type Entry, extendLeases, saveEntryOutcome } from '../store/entry-repository.js';
import { findParadeById, type Parade } from '../store/parade-repository.js';
import {
  failureOutcome,
  notHtmlOutcome,
  notModifiedOutcome,
  type Outcome,
  type OutcomeContext,
  pageOutcome,
} from './entry-outcome.js';
import { addMs } from './schedule-policy.js';

export interface CrawlSummary {
  claimed: number;
  fetched: number;
  changed: number;
  unchanged: number;
  failed: number;
  failedByReason: Record<string, number>;
  lostLeases: number;
}

export interface CrawlPassOptions {
  owner?: string;
  paradeId?: number;
  signal?: AbortSignal;
  onEntryDone?: (entry: Entry, outcome: Outcome) => void;
  onClaimed?: (count: number) => void;
}

export function workerId(): string {
  return `${os.hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
}

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;

/**
 * The call's addresses: as registered, where it redirects, its canonical, learned once a pass; and
 * the parade's page on korso, which a post may link instead of the call.
 */
async function callAddresses(ctx: AppContext, parade: Parade): Promise<string[]> {
  const urls = new Set([parade.call_url, `${ctx.config.baseUrl}/p/${parade.slug}`]);
  const result = await ctx.http.fetch(parade.call_url);
  if (result.ok && !result.notModified) {
    for (const u of result.chain) urls.add(u);
    if (result.contentType && HTML_TYPES.test(result.contentType)) {
      const page = extractPage({ bytes: result.body, url: result.url, contentType: result.contentType });
      if (page.canonicalUrl) urls.add(page.canonicalUrl);
    }
  } else if (!result.ok) {
    ctx.log.warn('call.unreachable', { parade: parade.slug, url: parade.call_url, reason: result.reason });
  }
  return [...urls];
}

async function processEntry(
  ctx: AppContext,
  entry: Entry,
  parade: Parade,
  callUrls: string[],
): Promise<Outcome> {
  const now = ctx.clock.now();
  const octx: OutcomeContext = {
    entry,
    deadline: parade.deadline,
    now,
    maxAttempts: ctx.config.crawl.maxAttempts,
  };
  // Validators only help when the stored copy is complete; otherwise fetch the page in full.
  const conditional = entry.content_hash !== null;
  const result = await ctx.http.fetch(entry.url, {
    etag: conditional ? entry.etag : null,
    lastModified: conditional ? entry.last_modified : null,
  });
  if (!result.ok) return failureOutcome(octx, result);
  if (result.notModified) return notModifiedOutcome(octx);
  const looksHtml = result.contentType
    ? HTML_TYPES.test(result.contentType)
    : /^\s*</.test(result.body.subarray(0, 512).toString('latin1'));
  if (!looksHtml) return notHtmlOutcome(octx, result.contentType, result.status);
  const page = extractPage({ bytes: result.body, url: result.url, contentType: result.contentType });
  if (page.charsetFallback)
    ctx.log.warn('entry.charset_fallback', { url: result.url, ...page.charsetFallback });
  const backlink = checkBacklink(page, callUrls);
  return pageOutcome(octx, {
    page,
    backlink,
    finalUrl: result.url,
    status: result.status,
    etag: result.etag,
    lastModified: result.lastModified,
  });
}

/**
 * One full pass: keeps up to `batchSize` entries in flight, claiming more as they finish, until
 * none is due. The HTTP client does the per-host pacing, so entries of idle hosts never wait behind
 * a busy one; claiming in small steps keeps leases short and lets other workers share the work.
 */
export async function runCrawlPass(ctx: AppContext, opts: CrawlPassOptions = {}): Promise<CrawlSummary> {
  const owner = opts.owner ?? workerId();
  const summary: CrawlSummary = {
    claimed: 0,
    fetched: 0,
    changed: 0,
    unchanged: 0,
    failed: 0,
    failedByReason: {},
    lostLeases: 0,
  };
  // One lookup and one fetch of the call per parade and pass, shared by all its entries.
  const parades = new Map<number, Promise<{ parade: Parade; callUrls: string[] } | undefined>>();
  const paradeFor = (id: number) => {
    let known = parades.get(id);
    if (!known) {
      known = findParadeById(ctx.db, id).then(async (parade) =>
        parade ? { parade, callUrls: await callAddresses(ctx, parade) } : undefined,
      );
      parades.set(id, known);
    }
    return known;
  };

  const handle = async (entry: Entry) => {
    const started = Date.now();
    const known = await paradeFor(entry.parade_id);
    if (!known) return;
    const outcome = await crawlEntry(ctx, entry, known.parade, known.callUrls);
    // Readers see a status change or new content; a quiet re-check leaves the rendered pages valid.
    const visible = (outcome.update.status ?? entry.status) !== entry.status || outcome.lists !== undefined;
    const saved = await saveEntryOutcome(ctx.db, entry.id, owner, outcome.update, outcome.lists, visible);
    if (!saved) summary.lostLeases++;
    tally(summary, outcome);
    ctx.metrics.countCrawlOutcome(outcome.kind, outcome.reason);
    ctx.log.info('entry.crawled', {
      parade: known.parade.slug,
      url: entry.url,
      status: outcome.update.status ?? entry.status,
      kind: outcome.kind,
      reason: outcome.reason,
      ms: Date.now() - started,
    });
    opts.onEntryDone?.(entry, outcome);
  };

  const limit = Math.max(1, ctx.config.crawl.batchSize);
  const inFlight = new Map<number, Promise<void>>();
  // Heartbeat: entries waiting for a busy host keep their lease while this worker lives.
  const heartbeat = setInterval(
    () => {
      const now = ctx.clock.now();
      extendLeases(ctx.db, owner, [...inFlight.keys()], addMs(now, ctx.config.crawl.leaseMs)).catch((error) =>
        ctx.log.warn('crawl.heartbeat_failed', { owner, error: String(error) }),
      );
    },
    Math.max(100, Math.floor(ctx.config.crawl.leaseMs / 3)),
  );
  heartbeat.unref();
  let exhausted = false;
  try {
    while (!opts.signal?.aborted) {
      if (!exhausted && inFlight.size <= limit / 2) {
        const now = ctx.clock.now();
        const batch = await claimDueEntries(ctx.db, ctx.dialect, {
          owner,
          now: now.toISOString(),
          leaseUntil: addMs(now, ctx.config.crawl.leaseMs),
          limit: limit - inFlight.size,
          paradeId: opts.paradeId,
        });
        if (batch.length === 0) exhausted = true;
        summary.claimed += batch.length;
        if (batch.length) opts.onClaimed?.(batch.length);
        for (const entry of batch) {
          const task = handle(entry)
            .catch((error) => ctx.log.error('entry.save_failed', { url: entry.url, error: String(error) }))
            .finally(() => inFlight.delete(entry.id));
          inFlight.set(entry.id, task);
        }
      }
      if (inFlight.size === 0) {
        if (exhausted) break;
        continue;
      }
      await Promise.race(inFlight.values());
    }
    await Promise.allSettled(inFlight.values());
  } finally {
    clearInterval(heartbeat);
  }
  return summary;
}

/** Fetches, extracts and judges one entry; never throws, so one bad page cannot stop a pass. */
async function crawlEntry(
  ctx: AppContext,
  entry: Entry,
  parade: Parade,
  callUrls: string[],
): Promise<Outcome> {
  try {
    return await processEntry(ctx, entry, parade, callUrls);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    ctx.log.error('entry.crash', { parade: parade.slug, url: entry.url, error: detail });
    return failureOutcome(
      { entry, deadline: parade.deadline, now: ctx.clock.now(), maxAttempts: ctx.config.crawl.maxAttempts },
      {
        ok: false,
        reason: 'protocol',
        detail: `the page could not be processed (${detail})`,
        requestedUrl: entry.url,
        url: entry.url,
        chain: [entry.url],
        ms: 0,
      },
    );
  }
}

function tally(summary: CrawlSummary, outcome: Outcome): void {
  if (outcome.kind === 'failed') {
    summary.failed++;
    const reason = outcome.reason ?? 'unknown';
    summary.failedByReason[reason] = (summary.failedByReason[reason] ?? 0) + 1;
  } else {
    summary[outcome.kind]++;
  }
}
