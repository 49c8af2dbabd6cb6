import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startScheduler } from '../../jobs/scheduler.js';
import { createParade } from '../../src/parades/parade-service.js';
import type { Runtime } from '../../src/runtime.js';
import { listJobRuns } from '../../src/store/job-run-repository.js';
import { findParadeBySlug } from '../../src/store/parade-repository.js';
import { sqliteDatabase, type TestDatabase } from '../support/databases.js';
import { type FaultServer, startFaultServer } from '../support/fault-server.js';
import { testRuntime } from '../support/runtime.js';

async function waitFor(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 60_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the scheduler on SQLite', () => {
  let database: TestDatabase;
  let server: FaultServer;
  let runtime: Runtime;

  beforeEach(async () => {
    database = await sqliteDatabase();
    server = await startFaultServer({ host: '127.0.0.1' });
  });

  afterEach(async () => {
    await runtime?.close();
    await server.close();
    await database.drop();
  });

  it('marks a parade once its deadline has passed, recording each tick once', async () => {
    runtime = await testRuntime(database, { config: { KORSO_DEADLINE_CRON: '* * * * * *' } });
    const { parade } = await createParade(runtime.ctx, {
      callUrl: server.url('/html'),
      title: 'Vorbei',
      deadline: new Date(Date.now() - 1000).toISOString(),
    });
    const scheduler = startScheduler(runtime.ctx);
    await waitFor('the deadline job to mark the parade', async () => {
      return (await findParadeBySlug(runtime.ctx.db, parade.slug))?.deadline_passed_at !== null;
    });
    await scheduler.stop();
    const closed = await findParadeBySlug(runtime.ctx.db, parade.slug);
    expect(closed?.change_seq).toBe(parade.change_seq + 1);
    const ticks = (await listJobRuns(runtime.ctx.db, 'deadlines')).map((r) => r.tick_at);
    expect(ticks.length).toBeGreaterThan(0);
    expect(new Set(ticks).size).toBe(ticks.length);
  });

  it('stops the discovery pass on stop: the source in hand is finished, the next parade is left alone', async () => {
    runtime = await testRuntime(database);
    await createParade(runtime.ctx, { callUrl: server.url('/slow-headers?ms=1500'), title: 'Langsam' });
    const second = await createParade(runtime.ctx, { callUrl: server.url('/html'), title: 'Danach' });
    const scheduler = startScheduler(runtime.ctx);
    await waitFor('discovery to fetch the first call page', () => server.hits('/slow-headers') > 0);
    await scheduler.stop();
    expect(server.hits('/html')).toBe(0);
    const runs = await runtime.ctx.db.selectFrom('discovery_runs').select('parade_id').execute();
    expect(runs.map((r) => r.parade_id)).not.toContain(second.parade.id);
    expect(runs).toHaveLength(1);
  });
});
