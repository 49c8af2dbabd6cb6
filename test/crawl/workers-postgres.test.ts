import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createParade, registerEntry } from '../../src/parades/parade-service.js';
import type { Runtime } from '../../src/runtime.js';
import { listEntries } from '../../src/store/entry-repository.js';
import { type BlogFarm, loopbackHosts, startBlogFarm } from '../support/blog-farm.js';
import { spawnKorso } from '../support/cli.js';
import { postgresDatabase, type TestDatabase } from '../support/databases.js';
import { testRuntime } from '../support/runtime.js';

const ENTRIES = 300;

// PostgreSQL is always there in CI (.ci/run sets TEST_DATABASE_URL).
describe.runIf(process.env.TEST_DATABASE_URL)('three workers on one PostgreSQL', () => {
  let database: TestDatabase;
  let farm: BlogFarm;
  let runtime: Runtime;
  let paradeId = 0;

  beforeAll(async () => {
    database = await postgresDatabase();
    farm = await startBlogFarm({ hosts: loopbackHosts(10), latencyMs: 5 });
    runtime = await testRuntime(database);
    const { parade } = await createParade(runtime.ctx, { callUrl: farm.callUrl, title: 'Drei Worker' });
    paradeId = parade.id;
    for (let n = 0; n < ENTRIES; n++) {
      const host = farm.hosts[n % farm.hosts.length] as string;
      await registerEntry(runtime.ctx, parade, farm.entryUrl(host, n), 'cli');
    }
  }, 60_000);

  afterAll(async () => {
    await runtime?.close();
    await farm?.close();
    await database?.drop();
  });

  it('fetch each entry exactly once per round', async () => {
    const env = {
      DATABASE_URL: database.url,
      KORSO_ALLOW_PRIVATE_NETWORKS: '1',
      KORSO_PER_HOST_DELAY_MS: '0',
      KORSO_CRAWL_BATCH: '10',
    };
    const results = await Promise.all([1, 2, 3].map(() => spawnKorso(['crawl', '--once'], env).result));
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const claimed = results.map((r) => Number(r.stdout.match(/^crawled (\d+)/m)?.[1]));
    expect(claimed.reduce((a, b) => a + b, 0)).toBe(ENTRIES);
    expect(claimed.filter((n) => n > 0).length).toBeGreaterThan(1);

    const entryHits = [...farm.hits].filter(([key]) => key.includes('/e/'));
    expect(entryHits).toHaveLength(ENTRIES);
    expect(entryHits.every(([, n]) => n === 1)).toBe(true);
    const entries = await listEntries(runtime.ctx.db, paradeId);
    expect(entries.filter((e) => e.status === 'live')).toHaveLength(ENTRIES);
  }, 120_000);
});
