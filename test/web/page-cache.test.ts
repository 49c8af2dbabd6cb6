import zlib from 'node:zlib';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/context.js';
import { hashToken } from '../../src/parades/parade-service.js';
import type { Runtime } from '../../src/runtime.js';
import { moderateEntry, saveEntryOutcome } from '../../src/store/entry-repository.js';
import { createApp } from '../../src/web/app.js';
import { etagMatches, pickEncoding } from '../../src/web/page-cache.js';
import { databaseFactories, type TestDatabase } from '../support/databases.js';
import { FakeClock, testRuntime } from '../support/runtime.js';
import { webClient } from '../support/web-client.js';
import { seedLiveEntries, seedParade } from '../support/seed.js';

/** Counts every query a context runs, so a test can say what one request costs. */
class QueryCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs) {
    this.count++;
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs) {
    return args.result;
  }
}

function counted(ctx: AppContext): { ctx: AppContext; counter: QueryCounter } {
  const counter = new QueryCounter();
  return { ctx: { ...ctx, db: ctx.db.withPlugin(counter) }, counter };
}

const NOW = '2026-11-20T10:00:00.000Z';
const TOKEN = 'geheim-token-für-tests';

describe.each(databaseFactories())('rendered pages on %s', (_name, factory) => {
  let database: TestDatabase;
  let runtime: Runtime;
  let replica: Runtime;
  let clock: FakeClock;
  let paradeId = 0;
  let entryIds: number[] = [];

  beforeAll(async () => {
    database = await factory();
    clock = new FakeClock(new Date(NOW));
    runtime = await testRuntime(database, { clock });
    replica = await testRuntime(database, { clock });
    const parade = await seedParade(runtime.ctx.db, 'wunsch', NOW);
    paradeId = parade.id;
    await runtime.ctx.db
      .updateTable('parades')
      .set({ admin_token_hash: hashToken(TOKEN), deadline: '2026-11-22T22:59:59.000Z' })
      .where('id', '=', parade.id)
      .execute();
    entryIds = await seedLiveEntries(runtime.ctx.db, parade.id, 25, { now: NOW });
    // A second parade ten times the size: pages must cost the same number of queries.
    const big = await seedParade(runtime.ctx.db, 'gross', NOW);
    await seedLiveEntries(runtime.ctx.db, big.id, 250, { now: NOW, from: 1000 });
  }, 120_000);

  afterAll(async () => {
    await replica?.close();
    await runtime?.close();
    await database?.drop();
  });

  it('renders a page once per change and answers later requests with one query', async () => {
    const { ctx, counter } = counted(runtime.ctx);
    const app = createApp(ctx);
    const first = await app.request('/p/wunsch');
    expect(first.status).toBe(200);
    const rendered = counter.count;
    expect(rendered).toBeGreaterThan(2);
    const before = counter.count;
    const second = await app.request('/p/wunsch');
    expect(counter.count - before).toBe(1); // the parade's change counter, nothing else
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await second.text()).toBe(await first.text());
  });

  it('counts in /metrics where answers came from and how long renders took', async () => {
    const app = createApp(runtime.ctx);
    await app.request('/p/wunsch/opml.xml');
    await app.request('/p/wunsch/opml.xml');
    const text = await (await app.request('/metrics')).text();
    const count = (source: string) =>
      Number(text.match(new RegExp(`^korso_pages_total\\{source="${source}"\\} (\\d+)`, 'm'))?.[1] ?? 0);
    expect(count('memory')).toBeGreaterThanOrEqual(1);
    expect(count('rendered') + count('stored')).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^korso_page_render_seconds_count \d+/m);
    expect(text).toMatch(/^korso_page_cache_bytes [1-9]\d*/m);
  });

  it('answers conditional requests with 304 for every coding of the same rendering', async () => {
    const app = createApp(runtime.ctx);
    const plain = await app.request('/p/wunsch');
    const etag = plain.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    expect(plain.headers.get('cache-control')).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/);
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');
    const lastModified = plain.headers.get('last-modified') ?? '';
    expect(new Date(lastModified).toUTCString()).toBe(lastModified);

    const same = await app.request('/p/wunsch', { headers: { 'If-None-Match': etag } });
    expect(same.status).toBe(304);
    expect(await same.text()).toBe('');
    const gzEtag = `${etag.slice(0, -1)}-gzip"`;
    const gz = await app.request('/p/wunsch', {
      headers: { 'If-None-Match': `"other", ${gzEtag}`, 'Accept-Encoding': 'gzip' },
    });
    expect(gz.status).toBe(304);
    expect(gz.headers.get('etag')).toBe(gzEtag);
    const since = await app.request('/p/wunsch', { headers: { 'If-Modified-Since': lastModified } });
    expect(since.status).toBe(304);
    const stale = await app.request('/p/wunsch', { headers: { 'If-None-Match': '"not-this-one"' } });
    expect(stale.status).toBe(200);
  });

  it('serves gzip and brotli forms made at render time, identical once decoded', async () => {
    const app = createApp(runtime.ctx);
    const plain = Buffer.from(await (await app.request('/p/wunsch/feed.xml')).arrayBuffer());
    const br = await app.request('/p/wunsch/feed.xml', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    const brBody = Buffer.from(await br.arrayBuffer());
    expect(brBody.length).toBeLessThan(plain.length);
    expect(zlib.brotliDecompressSync(brBody).equals(plain)).toBe(true);
    const gz = await app.request('/p/wunsch/feed.xml', { headers: { 'Accept-Encoding': 'gzip;q=1, br;q=0' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(zlib.gunzipSync(Buffer.from(await gz.arrayBuffer())).equals(plain)).toBe(true);
    expect(Number(gz.headers.get('content-length'))).toBeGreaterThan(0);
  });

  it('re-renders after a change readers can see, not after a quiet re-check', async () => {
    const app = createApp(runtime.ctx);
    const etag = (await app.request('/p/wunsch')).headers.get('etag');
    await saveEntryOutcome(runtime.ctx.db, entryIds[0] as number, 'w', { last_fetched_at: NOW }, undefined, false);
    expect((await app.request('/p/wunsch')).headers.get('etag')).toBe(etag);
    await moderateEntry(runtime.ctx.db, entryIds[0] as number, 'rejected', NOW);
    const after = await app.request('/p/wunsch');
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(await after.text()).not.toContain('Beitrag Nummer 0<');
    await moderateEntry(runtime.ctx.db, entryIds[0] as number, 'approved', NOW);
  });

  it('shares renderings with another replica through the database', async () => {
    const app = createApp(runtime.ctx);
    const made = await app.request('/p/wunsch/atom.xml');
    const { ctx, counter } = counted(replica.ctx);
    const other = createApp(ctx);
    const served = await other.request('/p/wunsch/atom.xml');
    expect(served.headers.get('etag')).toBe(made.headers.get('etag'));
    expect(counter.count).toBe(2); // the change counter and the stored rendering: nothing re-rendered
    // A change made through one replica is seen by the other at its next check.
    await moderateEntry(runtime.ctx.db, entryIds[1] as number, 'rejected', NOW);
    const changed = await other.request('/p/wunsch/atom.xml');
    expect(changed.headers.get('etag')).not.toBe(made.headers.get('etag'));
    await moderateEntry(runtime.ctx.db, entryIds[1] as number, 'approved', NOW);
  });

  it('renders again when the countdown or the state changes, with no write at all', async () => {
    const app = createApp(runtime.ctx);
    const before = await (await app.request('/p/wunsch')).text();
    expect(before).toContain('noch 2 Tage');
    clock.advance(24 * 60 * 60 * 1000);
    const later = await (await app.request('/p/wunsch')).text();
    expect(later).toContain('noch 1 Tag<');
    expect(later).toContain('endet bald');
    clock.advance(3 * 24 * 60 * 60 * 1000);
    const closed = await (await app.request('/p/wunsch')).text();
    expect(closed).toContain('beendet');
    clock.advance(-4 * 24 * 60 * 60 * 1000);
  });

  it.each([
    ['overview', '/p/SLUG'],
    ['entries page', '/p/SLUG/entries?page=2'],
    ['RSS', '/p/SLUG/feed.xml'],
    ['JSON Feed page 2', '/p/SLUG/feed.json?page=1'],
    ['round-up', '/p/SLUG/roundup.md'],
    ['OPML', '/p/SLUG/opml.xml'],
    ['embed', '/p/SLUG/embed'],
    ['API', '/api/parades/SLUG'],
    ['lists page', '/p/SLUG/lists'],
    ['themes API', '/api/parades/SLUG/themes'],
    ['round-up page', '/p/SLUG/roundup.html'],
  ])('the %s costs the same number of queries for 25 and 250 entries', async (_label, path) => {
    const cost = async (slug: string) => {
      const { ctx, counter } = counted(runtime.ctx);
      await ctx.db.deleteFrom('rendered_pages').execute();
      const res = await createApp(ctx).request(path.replace('SLUG', slug));
      expect(res.status, `${path} for ${slug}`).toBe(200);
      return counter.count;
    };
    expect(await cost('gross')).toBe(await cost('wunsch'));
  });

  it('the admin page and the host API are never cached and cost the same for any size', async () => {
    const cost = async (slug: string, path: string, headers: Record<string, string> = {}) => {
      await runtime.ctx.db
        .updateTable('parades')
        .set({ admin_token_hash: hashToken(TOKEN) })
        .where('slug', '=', slug)
        .execute();
      const { ctx, counter } = counted(runtime.ctx);
      const app = createApp(ctx);
      // The host's secret link is traded for a cookie first; the dashboard is then asked for as usual.
      const host = webClient((p, init) => app.request(p, init), 'http://korso.test');
      expect((await host.get(`/p/${slug}/admin?token=${encodeURIComponent(TOKEN)}`)).status).toBe(303);
      counter.count = 0;
      const res = await host.get(path.replace('SLUG', slug), headers);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('etag')).toBeNull();
      return counter.count;
    };
    expect(await cost('gross', '/p/SLUG/admin')).toBe(await cost('wunsch', '/p/SLUG/admin'));
    const api = { Authorization: `Bearer ${TOKEN}` };
    expect(await cost('gross', '/api/parades/SLUG', api)).toBe(await cost('wunsch', '/api/parades/SLUG', api));
  });

  it('pages the API with a cursor that stays put while entries arrive', async () => {
    const app = createApp(runtime.ctx);
    const seen: string[] = [];
    let next: string | null = '/api/parades/gross?limit=100';
    let pages = 0;
    while (next) {
      const res: Response = await app.request(next.replace(runtime.ctx.config.baseUrl, ''));
      expect(res.status).toBe(200);
      const body = (await res.json()) as { entries: { url: string }[]; next: string | null; counts: { live: number } };
      expect(body.counts.live).toBe(250);
      seen.push(...body.entries.map((e) => e.url));
      next = body.next;
      pages++;
    }
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(250);
    expect((await app.request('/api/parades/gross?after=bm9wZQ')).status).toBe(400);
    expect((await app.request('/api/parades/gross?limit=5000')).status).toBe(400);
  });

  it('answers 404 for a page beyond the last and never caches it', async () => {
    const app = createApp(runtime.ctx);
    expect((await app.request('/p/wunsch/entries?page=99')).status).toBe(404);
    expect((await app.request('/p/wunsch/entries?page=0')).status).toBe(404);
    expect((await app.request('/p/wunsch/feed.xml?page=abc')).status).toBe(404);
    expect((await app.request('/p/nobody')).status).toBe(404);
    const rows = await runtime.ctx.db
      .selectFrom('rendered_pages')
      .select('key')
      .where('scope_id', '=', paradeId)
      .execute();
    expect(rows.map((r) => r.key)).not.toContain('entries?page=99');
  });
});

describe('content negotiation helpers', () => {
  it.each([
    [undefined, 'identity'],
    ['gzip', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['*', 'br'],
    ['identity', 'identity'],
    ['gzip;q=0, br;q=0', 'identity'],
  ])('Accept-Encoding %s picks %s', (header, expected) => {
    expect(pickEncoding(header)).toBe(expected);
  });

  it.each([
    ['"abc"', true],
    ['W/"abc"', true],
    ['"abc-gzip"', true],
    ['"abc-br"', true],
    ['"x", "abc-br"', true],
    ['*', true],
    ['"abcd"', false],
    ['"ab"', false],
  ])('If-None-Match %s matches "abc": %s', (header, expected) => {
    expect(etagMatches(header, '"abc"')).toBe(expected);
  });
});
