import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrawlPass } from '../../src/crawl/crawl-pass.js';
import { createParade, registerEntry } from '../../src/parades/parade-service.js';
import type { Runtime } from '../../src/runtime.js';
import { createApp } from '../../src/web/app.js';
import { type BlogFarm, startBlogFarm } from '../support/blog-farm.js';
import { sqliteDatabase, type TestDatabase } from '../support/databases.js';
import { FakeClock, testRuntime } from '../support/runtime.js';

/** The value of one series in Prometheus text, or undefined when the scrape lacks it. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  let database: TestDatabase;
  let runtime: Runtime;
  let farm: BlogFarm;
  let app: ReturnType<typeof createApp>;
  const clock = new FakeClock();

  beforeAll(async () => {
    database = await sqliteDatabase();
    farm = await startBlogFarm({ hosts: ['127.0.0.1'] });
    runtime = await testRuntime(database, { clock });
    app = createApp(runtime.ctx);
  });

  afterAll(async () => {
    await runtime?.close();
    await farm?.close();
    await database?.drop();
  });

  it('counts requests by route pattern and status class, not by URL', async () => {
    for (const slug of ['eins', 'zwei', 'drei']) expect((await app.request(`/p/${slug}`)).status).toBe(404);
    await app.request('/healthz');
    await app.request('/no/such/page');
    const text = await (await app.request('/metrics')).text();
    expect(sample(text, 'korso_http_requests_total{method="GET",route="/p/:slug",status="4xx"}')).toBe(3);
    expect(sample(text, 'korso_http_requests_total{method="GET",route="/healthz",status="2xx"}')).toBe(1);
    expect(text).not.toContain('/p/eins');
    expect(text).not.toContain('/no/such/page');
    expect(
      sample(text, 'korso_http_request_duration_seconds_count{method="GET",route="/p/:slug",status="4xx"}'),
    ).toBe(3);
    expect(text).toMatch(
      /^korso_http_request_duration_seconds_bucket\{le="\+Inf",method="GET",route="\/healthz",status="2xx"\} 1$/m,
    );
  });

  it('counts new entries by road, once per entry', async () => {
    const { parade } = await createParade(runtime.ctx, { callUrl: farm.callUrl, slug: 'farm' });
    for (const n of [1, 2, 3]) await registerEntry(runtime.ctx, parade, farm.entryUrl('127.0.0.1', n), 'cli');
    await registerEntry(runtime.ctx, parade, farm.entryUrl('127.0.0.1', 1), 'webmention');
    const res = await app.request('/api/parades/farm/entries', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: `http://127.0.0.1:${farm.port}/missing/` }),
    });
    expect(res.status).toBe(202);
    const text = await (await app.request('/metrics')).text();
    expect(sample(text, 'korso_entries_found_total{road="cli"}')).toBe(3);
    expect(sample(text, 'korso_entries_found_total{road="api"}')).toBe(1);
    expect(sample(text, 'korso_entries_found_total{road="webmention"}')).toBeUndefined();
    expect(sample(text, 'korso_entry_roads{road="webmention"}')).toBe(1);
  });

  it('reads queue depth and lag from the database at scrape time', async () => {
    clock.advance(90_000);
    const text = await (await app.request('/metrics')).text();
    expect(sample(text, 'korso_entries_due')).toBe(4);
    expect(sample(text, 'korso_queue_lag_seconds')).toBe(90);
    expect(sample(text, 'korso_entries{status="pending"}')).toBe(4);
    expect(sample(text, 'korso_parades')).toBe(1);
  });

  it('counts crawl outcomes by kind and reason and times the fetches', async () => {
    const summary = await runCrawlPass(runtime.ctx);
    expect(summary).toMatchObject({ claimed: 4, fetched: 3, failed: 1 });
    const text = await (await app.request('/metrics')).text();
    expect(sample(text, 'korso_crawl_outcomes_total{kind="fetched",reason="none"}')).toBe(3);
    expect(sample(text, 'korso_crawl_outcomes_total{kind="failed",reason="not-found"}')).toBe(1);
    expect(sample(text, 'korso_fetch_failures_total{reason="not-found"}')).toBe(1);
    // Three entries, the call page and robots.txt, each fetched once.
    expect(sample(text, 'korso_fetch_duration_seconds_count{result="ok"}')).toBe(5);
    expect(sample(text, 'korso_fetch_duration_seconds_count{result="failed"}')).toBe(1);
    expect(sample(text, 'korso_entries_due')).toBe(0);
    expect(sample(text, 'korso_queue_lag_seconds')).toBe(0);
    expect(sample(text, 'korso_entries{status="live"}')).toBe(3);
  });

  it('keeps one registry per process context, so two apps count apart', async () => {
    const other = await sqliteDatabase();
    const second = await testRuntime(other);
    try {
      const text = await (await createApp(second.ctx).request('/metrics')).text();
      expect(text).not.toContain('route="/p/:slug"');
      expect(text).not.toContain('korso_crawl_outcomes_total{');
      expect(sample(text, 'korso_parades')).toBe(0);
      expect(text).toContain('# TYPE korso_crawl_outcomes_total counter');
    } finally {
      await second.close();
      await other.drop();
    }
  });
});
