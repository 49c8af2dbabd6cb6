import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/parades/parade-service.js';
import type { Runtime } from '../../src/runtime.js';
import { moderateEntry } from '../../src/store/entry-repository.js';
import { type RunningServer, startServer } from '../../src/web/server.js';
import { sqliteDatabase, type TestDatabase } from '../support/databases.js';
import { testRuntime } from '../support/runtime.js';
import { seedLiveEntries, seedParade } from '../support/seed.js';

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

const NOW = '2026-11-20T10:00:00.000Z';
const TOKEN = 'front-door-host-token';

/** Headers as a plain object without the ones every answer gets anew. */
function headersOf(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    if (name !== 'date' && name !== 'connection' && name !== 'keep-alive') out[name] = value;
  });
  return out;
}

// The server answers a page it rendered straight from memory while its parade's counter is fresh
// (here for a minute), with exactly what the app would have sent.
describe('the front door answers current pages from memory, as the app would', () => {
  let database: TestDatabase;
  let runtime: Runtime;
  let korso: RunningServer;
  const counter = new QueryCounter();
  let entryIds: number[] = [];

  beforeAll(async () => {
    database = await sqliteDatabase();
    runtime = await testRuntime(database, { config: { KORSO_CACHE_CHECK_MS: '60000' } });
    const parade = await seedParade(runtime.ctx.db, 'wunsch', NOW);
    await runtime.ctx.db
      .updateTable('parades')
      .set({ admin_token_hash: hashToken(TOKEN) })
      .where('id', '=', parade.id)
      .execute();
    entryIds = await seedLiveEntries(runtime.ctx.db, parade.id, 12, { now: NOW });
    korso = await startServer(
      { ...runtime.ctx, db: runtime.ctx.db.withPlugin(counter) },
      { port: 0, host: '127.0.0.1' },
    );
  });

  afterAll(async () => {
    await korso?.close();
    await runtime?.close();
    await database?.drop();
  });

  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    fetch(`${korso.url}${path}`, { method, headers });

  it.each([
    ['the overview', '/p/wunsch', {}],
    ['the overview in brotli', '/p/wunsch', { 'Accept-Encoding': 'br' }],
    ['a feed in gzip', '/p/wunsch/atom.xml', { 'Accept-Encoding': 'gzip' }],
    ['the API document', '/api/parades/wunsch', {}],
    ['the embed page with its own policy', '/p/wunsch/embed', {}],
    ['the directory', '/', {}],
  ])('%s: the same status, headers and bytes, without a query', async (_label, path, headers) => {
    const first = await get(path, headers);
    expect(first.status).toBe(200);
    const firstBody = Buffer.from(await first.arrayBuffer());
    counter.count = 0;
    const second = await get(path, headers);
    const secondBody = Buffer.from(await second.arrayBuffer());
    expect(counter.count).toBe(0);
    expect(second.status).toBe(200);
    expect(headersOf(second)).toEqual(headersOf(first));
    expect(secondBody.equals(firstBody)).toBe(true);
  });

  it('keeps the embed page frameable and every other page not', async () => {
    const embed = await get('/p/wunsch/embed');
    expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors *');
    const overview = await get('/p/wunsch');
    expect(overview.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(overview.headers.get('link')).toContain('rel="webmention"');
  });

  it('answers conditional requests and HEAD from memory too', async () => {
    const first = await get('/p/wunsch/feed.xml');
    const etag = first.headers.get('etag') ?? '';
    counter.count = 0;
    const same = await get('/p/wunsch/feed.xml', { 'If-None-Match': etag });
    expect(same.status).toBe(304);
    expect(await same.text()).toBe('');
    const head = await get('/p/wunsch/feed.xml', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(first.headers.get('content-length'));
    expect(await head.text()).toBe('');
    expect(counter.count).toBe(0);
  });

  it("never serves the public document to a host's request", async () => {
    await get('/api/parades/wunsch');
    const host = await get('/api/parades/wunsch', { Authorization: `Bearer ${TOKEN}` });
    expect(host.status).toBe(200);
    expect(host.headers.get('cache-control')).toBe('no-store');
    expect(((await host.json()) as { discovery?: unknown }).discovery).toBeDefined();
  });

  it('renders anew once this process changed the parade', async () => {
    const before = await (await get('/p/wunsch')).text();
    expect(before).toContain('Beitrag Nummer 11');
    // A host's decision made through this server: the app forgets what it knew of the parade.
    await moderateEntry(runtime.ctx.db, entryIds[11] as number, 'rejected', NOW);
    const submit = await fetch(`${korso.url}/p/wunsch/submit`);
    expect(submit.status).toBe(200);
    // Not yet: the change came from outside this process and the counter is trusted for a minute.
    expect(await (await get('/p/wunsch')).text()).toContain('Beitrag Nummer 11');
    // Registering an entry through this process makes it ask again.
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await submit.text())?.[1] ?? '';
    const cookie = submit.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const posted = await fetch(`${korso.url}/p/wunsch/submit`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: korso.url, Cookie: cookie },
      body: new URLSearchParams({ _csrf: csrf, url: 'https://neu.example/beitrag/' }).toString(),
    });
    expect(posted.status).toBe(303);
    const after = await (await get('/p/wunsch')).text();
    expect(after).not.toContain('Beitrag Nummer 11<');
  });
});
