import os from 'node:os';
import type { EntryRow, ParadeRow } from '../../db/schema.js';
import type { AppContext } from '../context.js';
import { checkBacklink, extractPage } from '../extract/index.js';
import { claimDueEntries, releaseLeases, saveEntryOutcome } from '../store/entry-repository.js';
import { findParadeById } from '../store/parade-repository.js';
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
  onEntryDone?: (entry: EntryRow, outcome: Outcome) => void;
  onClaimed?: (count: number) => void;
}

export function workerId(): string {
  return `${os.hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
}

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;

/** The call's addresses: as registered, plus where it redirects and its canonical, learned once a pass. */
async function callAddresses(ctx: AppContext, parade: ParadeRow): Promise<string[]> {
  const urls = new Set([parade.call_url]);
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
  entry: EntryRow,
  parade: ParadeRow,
  callUrls: string[],
): Promise<Outcome> {
  const now = ctx.clock.now();
  const octx: OutcomeContext = { entry, deadline: parade.deadline, now, maxAttempts: ctx.config.crawl.maxAttempts };
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

async function runPool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(lanes);
}

/** One full pass: claims due entries batch by batch until none is due, then returns a summary. */
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
  const parades = new Map<number, { parade: ParadeRow; callUrls: Promise<string[]> }>();
  const paradeFor = async (id: number) => {
    let known = parades.get(id);
    if (!known) {
      const parade = await findParadeById(ctx.db, id);
      if (!parade) return undefined;
      known = { parade, callUrls: callAddresses(ctx, parade) };
      parades.set(id, known);
    }
    return { parade: known.parade, callUrls: await known.callUrls };
  };

  while (!opts.signal?.aborted) {
    const now = ctx.clock.now();
    const batch = await claimDueEntries(ctx.db, ctx.dialect, {
      owner,
      now: now.toISOString(),
      leaseUntil: addMs(now, ctx.config.crawl.leaseMs),
      limit: ctx.config.crawl.batchSize,
      paradeId: opts.paradeId,
    });
    if (batch.length === 0) break;
    summary.claimed += batch.length;
    opts.onClaimed?.(batch.length);
    const untouched = new Set(batch.map((e) => e.id));
    await runPool(batch, ctx.config.http.concurrency, async (entry) => {
      if (opts.signal?.aborted) return;
      untouched.delete(entry.id);
      const started = Date.now();
      const known = await paradeFor(entry.parade_id);
      if (!known) return;
      let outcome: Outcome;
      try {
        outcome = await processEntry(ctx, entry, known.parade, known.callUrls);
      } catch (error) {
        // A bug or a page that breaks the extractor must not stop the pass; record it on the entry.
        const detail = error instanceof Error ? error.message : String(error);
        ctx.log.error('entry.crash', { parade: known.parade.slug, url: entry.url, error: detail });
        outcome = failureOutcome(
          { entry, deadline: known.parade.deadline, now: ctx.clock.now(), maxAttempts: ctx.config.crawl.maxAttempts },
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
      const saved = await saveEntryOutcome(ctx.db, entry.id, owner, outcome.update, outcome.lists);
      if (!saved) summary.lostLeases++;
      tally(summary, outcome);
      ctx.log.info('entry.crawled', {
        parade: known.parade.slug,
        url: entry.url,
        status: outcome.update.status ?? entry.status,
        kind: outcome.kind,
        reason: outcome.reason,
        ms: Date.now() - started,
      });
      opts.onEntryDone?.(entry, outcome);
    });
    // Stopped mid-batch: hand back what was never started so another worker takes it at once.
    await releaseLeases(ctx.db, owner, [...untouched]);
  }
  return summary;
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
