import cron, { type ScheduledTask } from 'node-cron';
import type { AppContext } from '../src/context.js';
import { runCrawlPass, workerId } from '../src/crawl/crawl-pass.js';
import { runDiscoveryPass } from '../src/discover/discovery-pass.js';
import { runOncePerTick } from '../src/store/job-run-repository.js';
import { cleanUp, closeDeadlines } from './upkeep.js';

export interface Scheduler {
  /** Runs a crawl pass now unless one is running (used after a registration). */
  kick(): void;
  /** Stops the schedule, lets the running passes hand back what they have not started, waits for them. */
  stop(): Promise<void>;
}

/**
 * The slot the schedule is in now: the next run minus one period. Exact for evenly spaced expressions
 * (every N minutes); for others every process started in the same gap still agrees on it.
 */
function currentSlot(task: ScheduledTask, now: Date): Date {
  const [next, after] = task.getNextRuns(2);
  if (!next || !after) return now;
  return new Date(next.getTime() - (after.getTime() - next.getTime()));
}

/**
 * node-cron drives the crawl, discovery, deadline closing and cleanup. The crawl runs in every process
 * (one pass at a time per process; workers share the work through leases). Discovery, deadline closing
 * and cleanup run once per tick across all processes on the database (see runOncePerTick); a tick that
 * finds its job still running is skipped. Discovery hands new candidates to the crawl at once.
 */
export function startScheduler(ctx: AppContext): Scheduler {
  const owner = workerId();
  const abort = new AbortController();
  let running: Promise<void> | null = null;
  const jobs = new Set<Promise<void>>();

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

  const busy = new Set<string>();
  /** One tick of a once-per-tick job; skipped while this process still runs the job's previous tick. */
  const tick = (job: string, slot: Date, work: () => Promise<object>) => {
    if (busy.has(job) || abort.signal.aborted) return;
    busy.add(job);
    const started = Date.now();
    const at = slot.toISOString();
    const now = () => ctx.clock.now().toISOString();
    const done = runOncePerTick(ctx.db, ctx.dialect, { job, tick: at, owner, now: now() }, work, now)
      .then((outcome) => {
        if (outcome.ran)
          ctx.log.info('job.ran', { job, tick: at, owner, ms: Date.now() - started, ...outcome.result });
        else ctx.log.debug('job.skipped', { job, tick: at, owner, why: outcome.why });
      })
      .catch((error) => ctx.log.error('job.failed', { job, tick: at, owner, error: String(error) }))
      .finally(() => {
        busy.delete(job);
        jobs.delete(done);
      });
    jobs.add(done);
  };

  const discover = async () => {
    const summary = await runDiscoveryPass(ctx, { signal: abort.signal });
    if (summary.newEntries > 0) void pass();
    return summary;
  };

  const { crawl } = ctx.config;
  const schedule = (expression: string, name: string, run: (slot: Date) => void) =>
    cron.schedule(expression, (context) => run(context.date), { name, noOverlap: true });
  const discovery = schedule(crawl.discoverCron, 'discover', (slot) => tick('discovery', slot, discover));
  const tasks: ScheduledTask[] = [
    schedule(crawl.cron, 'crawl', () => void pass()),
    discovery,
    schedule(crawl.deadlineCron, 'deadlines', (slot) => tick('deadlines', slot, () => closeDeadlines(ctx))),
    schedule(crawl.cleanupCron, 'cleanup', (slot) => tick('cleanup', slot, () => cleanUp(ctx))),
  ];
  ctx.log.info('scheduler.started', {
    owner,
    cron: crawl.cron,
    discoverCron: crawl.discoverCron,
    deadlineCron: crawl.deadlineCron,
    cleanupCron: crawl.cleanupCron,
  });
  // New entries are fetched at once rather than at the next tick; discovery catches up on the current
  // slot unless another process already ran it.
  setImmediate(() => {
    void pass();
    tick('discovery', currentSlot(discovery, ctx.clock.now()), discover);
  });

  return {
    kick: () => void pass(),
    stop: async () => {
      abort.abort();
      for (const task of tasks) await task.stop();
      await Promise.all([running, ...jobs]);
      ctx.log.info('scheduler.stopped', { owner });
    },
  };
}
