import type { Config } from '../config.js';
import { runCrawlPass } from '../crawl/crawl-pass.js';
import { createProgress } from '../crawl/progress.js';
import { runDiscoveryPass } from '../discover/discovery-pass.js';
import { InputError, requireParade } from '../parades/parade-service.js';
import { withRuntime } from './manage.js';

/** `korso crawl --once`: one discovery pass, then one crawl pass with progress, then a summary. */
export async function crawlCommand(config: Config, opts: { parade?: string; once?: boolean }): Promise<void> {
  if (!opts.once)
    throw new InputError('only `korso crawl --once` is supported; `korso worker` crawls continuously');
  await withRuntime(config, async (ctx) => {
    const paradeId = opts.parade ? (await requireParade(ctx, opts.parade)).id : undefined;
    // A signal ends discovery after the source in hand and the crawl after what is in flight.
    const abort = new AbortController();
    const stop = () => abort.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    const found = await runDiscoveryPass(ctx, { paradeId, signal: abort.signal });
    process.stdout.write(
      `discovery: ${found.sources} sources (${found.failedSources} failed), ${found.candidates} candidates, ` +
        `${found.newEntries} new entries\n`,
    );
    const progress = createProgress(process.stderr);
    const summary = await runCrawlPass(ctx, {
      paradeId,
      signal: abort.signal,
      onClaimed: (n) => progress.grow(n),
      onEntryDone: (entry, outcome) => progress.tick(entry.url, outcome.kind, outcome.reason),
    });
    progress.stop();
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    const reasons = Object.entries(summary.failedByReason)
      .map(([r, n]) => `${r} ${n}`)
      .join(', ');
    process.stdout.write(
      `crawled ${summary.claimed}: fetched ${summary.fetched}, changed ${summary.changed}, ` +
        `unchanged ${summary.unchanged}, failed ${summary.failed}${reasons ? ` (${reasons})` : ''}\n`,
    );
  });
}
