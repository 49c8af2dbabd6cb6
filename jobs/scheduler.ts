import cron, { type ScheduledTask } from 'node-cron';
import type { AppContext } from '../src/context.js';
import { runCrawlPass, workerId } from '../src/crawl/crawl-pass.js';

export interface Scheduler {
  /** Runs a crawl pass now unless one is running (used after a registration). */
  kick(): void;
  /** Stops the schedule, lets the running pass hand back what it has not started, waits for it. */
  stop(): Promise<void>;
}

/** node-cron drives the crawl; one pass at a time per process (overlapping ticks are skipped). */
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

  const tasks: ScheduledTask[] = [
    cron.schedule(ctx.config.crawl.cron, () => pass(), { name: 'crawl', noOverlap: true }),
  ];
  ctx.log.info('scheduler.started', { owner, cron: ctx.config.crawl.cron });
  // New entries are fetched at once rather than at the next tick.
  setImmediate(() => void pass());

  return {
    kick: () => void pass(),
    stop: async () => {
      abort.abort();
      for (const task of tasks) await task.stop();
      await running;
      ctx.log.info('scheduler.stopped', { owner });
    },
  };
}
