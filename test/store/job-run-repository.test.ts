import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database.js';
import { listJobRuns, pruneJobRuns, runOncePerTick } from '../../src/store/job-run-repository.js';
import {
  databaseFactories,
  migratedConnections,
  postgresDatabase,
  type TestDatabase,
} from '../support/databases.js';

const NOW = '2026-11-20T10:00:00.000Z';
const tickAt = (minute: number) => `2026-11-20T10:${String(minute).padStart(2, '0')}:00.000Z`;

describe.each(databaseFactories())('once-per-tick jobs on %s', (_name, factory) => {
  let database: TestDatabase;
  let handles: DatabaseHandle[] = [];

  beforeAll(async () => {
    database = await factory();
    // Claiming is single statements and the job runs outside any transaction, so SQLite connections never wait on each other.
    handles = await migratedConnections(database, 4);
  });

  afterAll(async () => {
    for (const h of handles) await h.close();
    await database?.drop();
  });

  const run = (
    handle: DatabaseHandle,
    job: string,
    tick: string,
    work: () => Promise<unknown>,
    owner = 'p1',
  ) => runOncePerTick(handle.db, handle.dialect, { job, tick, owner, now: NOW }, work, () => NOW);

  it('runs a job once per tick, and again on the next tick', async () => {
    const [handle] = handles as [DatabaseHandle];
    let runs = 0;
    const work = async () => ++runs;
    expect(await run(handle, 'sweep', tickAt(1), work)).toEqual({ ran: true, result: 1 });
    expect(await run(handle, 'sweep', tickAt(1), work, 'p2')).toEqual({ ran: false, why: 'already ran' });
    expect(await run(handle, 'other', tickAt(1), work)).toEqual({ ran: true, result: 2 });
    expect(await run(handle, 'sweep', tickAt(2), work)).toEqual({ ran: true, result: 3 });
    const records = await listJobRuns(handle.db, 'sweep');
    expect(records.map((r) => [r.tick_at, r.owner, r.outcome, r.finished_at])).toEqual([
      [tickAt(1), 'p1', 'done', NOW],
      [tickAt(2), 'p1', 'done', NOW],
    ]);
  });

  it('records a job that failed and does not run it again for that tick', async () => {
    const [handle] = handles as [DatabaseHandle];
    await expect(
      run(handle, 'flaky', tickAt(1), async () => Promise.reject(new Error('disk full'))),
    ).rejects.toThrow('disk full');
    expect(await run(handle, 'flaky', tickAt(1), async () => 'late')).toEqual({
      ran: false,
      why: 'already ran',
    });
    expect((await listJobRuns(handle.db, 'flaky'))[0]?.outcome).toBe('failed: Error: disk full');
  });

  it('runs a tick once when every process fires for it at the same moment', async () => {
    let runs = 0;
    const outcomes = await Promise.all(
      handles.map((handle, i) =>
        run(
          handle,
          'race',
          tickAt(5),
          async () => {
            runs++;
            await new Promise((r) => setTimeout(r, 50));
          },
          `p${i}`,
        ),
      ),
    );
    expect(runs).toBe(1);
    expect(outcomes.filter((o) => o.ran)).toHaveLength(1);
    expect(await listJobRuns(handles[0]?.db ?? (undefined as never), 'race')).toHaveLength(1);
  });

  it('drops tick records older than a week', async () => {
    const [handle] = handles as [DatabaseHandle];
    await run(handle, 'old', '2026-11-01T00:00:00.000Z', async () => 0);
    expect(await pruneJobRuns(handle.db, new Date(NOW))).toBe(1);
    expect(await listJobRuns(handle.db, 'old')).toEqual([]);
    expect(await listJobRuns(handle.db, 'sweep')).toHaveLength(2);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('once-per-tick jobs on PostgreSQL while one runs', () => {
  let database: TestDatabase;
  let a: DatabaseHandle;
  let b: DatabaseHandle;

  beforeAll(async () => {
    database = await postgresDatabase();
    [a, b] = (await migratedConnections(database, 2)) as [DatabaseHandle, DatabaseHandle];
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  const run = (handle: DatabaseHandle, tick: string, work: () => Promise<string>) =>
    runOncePerTick(handle.db, 'postgres', { job: 'slow', tick, owner: 'p', now: NOW }, work, () => NOW);

  it('skips a later tick in another process while a run holds the advisory lock, and runs it after', async () => {
    let finish = () => {};
    const held = new Promise<void>((resolve) => (finish = resolve));
    let started = () => {};
    const running = new Promise<void>((resolve) => (started = resolve));
    const first = run(a, tickAt(1), async () => {
      started();
      await held;
      return 'a';
    });
    await running;
    expect(await run(b, tickAt(2), async () => 'b')).toEqual({ ran: false, why: 'running elsewhere' });
    finish();
    expect(await first).toEqual({ ran: true, result: 'a' });
    expect(await run(b, tickAt(3), async () => 'b')).toEqual({ ran: true, result: 'b' });
  });
});
