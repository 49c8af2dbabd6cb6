import cron, { type ScheduledTask } from 'node-cron';
import type { AppContext } from '../src/context.js';
import { runCrawlPass, workerId } from '../src/crawl/crawl-pass.js';
import { runDiscoveryPass } from '../src/discover/discovery-pass.js';

export interface Scheduler {
  /** Runs a crawl pass now unless one is running (used after a registration). */
  kick(): void;
  /** Stops the schedule, lets the running pass hand back what it has not started, waits for it. */
  stop(): Promise<void>;
}

/**
 * node-cron drives discovery and the crawl; one pass of each at a time per process (a tick that
 * finds its job still running is skipped), and discovery hands new candidates to the crawl at once.
 */
export function startScheduler(ctx: AppContext): Scheduler {
  const owner = workerId();
  const abort = new AbortController();
  let running: Promise<void> | null = null;

  const pass = () => {
    if (running || abort.signal.aborted) return running ?? Promise.resolve();
    running = runCrawlPass(ctx, { owner, signal: abort.signal })
      .then((summary) => {
        if (summary.claimed > 0) ctx.log.info('crawl.pass', { owner, ...summary });
      })
      .catch((error) => ctx.log.error('crawl.pass_failed', { owner, error: String(error) }))
      .finally(() => {
        running = null;
      });
    return running;
  };

  let discovering: Promise<void> | null = null;
  const discover = () => {
    if (discovering || abort.signal.aborted) return discovering ?? Promise.resolve();
    discovering = runDiscoveryPass(ctx)
      .then((summary) => {
        if (summary.sources > 0) ctx.log.info('discovery.pass', { owner, ...summary });
        if (summary.newEntries > 0) void pass();
      })
      .catch((error) => ctx.log.error('discovery.pass_failed', { owner, error: String(error) }))
      .finally(() => {
        discovering = null;
      });
    return discovering;
  };

  const tasks: ScheduledTask[] = [
    cron.schedule(ctx.config.crawl.cron, () => pass(), { name: 'crawl', noOverlap: true }),
    cron.schedule(ctx.config.crawl.discoverCron, () => discover(), { name: 'discover', noOverlap: true }),
  ];
  ctx.log.info('scheduler.started', { owner, cron: ctx.config.crawl.cron, discoverCron: ctx.config.crawl.discoverCron });
  // New entries are fetched at once rather than at the next tick.
  setImmediate(() => {
    void pass();
    void discover();
  });

  return {
    kick: () => void pass(),
    stop: async () => {
      abort.abort();
      for (const task of tasks) await task.stop();
      await Promise.all([running, discovering]);
      ctx.log.info('scheduler.stopped', { owner });
    },
  };
}
