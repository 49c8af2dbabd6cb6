import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createParade, registerEntry } from '../../src/parades/parade-service.js';
import { listEntries } from '../../src/store/entry-repository.js';
import type { Runtime } from '../../src/runtime.js';
import { type BlogFarm, startBlogFarm } from '../support/blog-farm.js';
import { spawnKorso } from '../support/cli.js';
import { sqliteDatabase, type TestDatabase } from '../support/databases.js';
import { testRuntime } from '../support/runtime.js';

const ENTRIES = 40;

interface FarmParade {
  database: TestDatabase;
  farm: BlogFarm;
  runtime: Runtime;
  paradeId: number;
  close(): Promise<void>;
}

/** A SQLite file, a one-host blog farm and a parade with ENTRIES registered entries on it. */
async function farmParade(latencyMs: number, title: string): Promise<FarmParade> {
  const database = await sqliteDatabase();
  const farm = await startBlogFarm({ hosts: ['127.0.0.1'], latencyMs });
  const runtime = await testRuntime(database);
  const { parade } = await createParade(runtime.ctx, { callUrl: farm.callUrl, title });
  for (let n = 0; n < ENTRIES; n++) await registerEntry(runtime.ctx, parade, farm.entryUrl('127.0.0.1', n), 'cli');
  return {
    database,
    farm,
    runtime,
    paradeId: parade.id,
    close: async () => {
      await runtime.close();
      await farm.close();
      await database.drop();
    },
  };
}

describe('a worker killed mid-crawl', () => {
  let world: FarmParade;

  beforeAll(async () => {
    world = await farmParade(40, 'Absturz');
  });

  afterAll(async () => {
    await world?.close();
  });

  it('leaves nothing lost and nothing stored twice after a restart', async () => {
    const env = {
      DATABASE_URL: world.database.url,
      KORSO_ALLOW_PRIVATE_NETWORKS: '1',
      KORSO_PER_HOST_DELAY_MS: '0',
      KORSO_CONCURRENCY: '2',
      KORSO_CRAWL_BATCH: '6',
      KORSO_LEASE_MS: '1000',
    };
    const first = spawnKorso(['crawl', '--once'], env);
    await waitFor(() => world.farm.entryHits() >= 10, 60_000);
    first.kill('SIGKILL');
    const killed = await first.result;
    expect(killed.signal).toBe('SIGKILL');

    const before = await listEntries(world.runtime.ctx.db, world.paradeId);
    const done = before.filter((e) => e.status === 'live').length;
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(ENTRIES);

    // The dead worker's leases run out; the next run takes its entries over.
    await new Promise((r) => setTimeout(r, 1100));
    const second = await spawnKorso(['crawl', '--once'], env).result;
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/^crawled \d+: fetched \d+/m);

    const after = await listEntries(world.runtime.ctx.db, world.paradeId);
    expect(after).toHaveLength(ENTRIES);
    for (const entry of after) {
      expect(entry.status, entry.url).toBe('live');
      expect(entry.lists).toHaveLength(1);
      const n = entry.url.match(/\/e\/(\d+)\//)?.[1];
      expect(entry.lists[0]?.items.map((i) => i.text)).toEqual(
        [1, 2, 3].map((i) => `Punkt ${i} von Beitrag ${n} auf 127.0.0.1`),
      );
      expect(entry.lease_owner).toBeNull();
    }
    const lists = await world.runtime.ctx.db.selectFrom('entry_lists').select('entry_id').execute();
    expect(lists).toHaveLength(ENTRIES);
  }, 120_000);
});

describe('a worker told to stop', () => {
  let world: FarmParade;

  beforeAll(async () => {
    world = await farmParade(150, 'Feierabend');
  });

  afterAll(async () => {
    await world?.close();
  });

  it('finishes what is in flight on SIGTERM, stores it, and leaves no lease behind', async () => {
    const worker = spawnKorso(['worker'], {
      DATABASE_URL: world.database.url,
      KORSO_ALLOW_PRIVATE_NETWORKS: '1',
      KORSO_PER_HOST_DELAY_MS: '0',
      KORSO_CONCURRENCY: '2',
      KORSO_CRAWL_BATCH: '4',
    });
    await waitFor(() => world.farm.entryHits() >= 4, 60_000);
    worker.kill('SIGTERM');
    const exit = await worker.result;
    expect(exit.code, exit.stderr).toBe(0);
    const entries = await listEntries(world.runtime.ctx.db, world.paradeId);
    const fetched = entries.filter((e) => e.status === 'live');
    expect(fetched.length).toBe(world.farm.entryHits());
    expect(fetched.length).toBeLessThan(ENTRIES);
    expect(entries.filter((e) => e.lease_owner !== null)).toEqual([]);
  }, 120_000);
});

async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
