import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrawlPass } from '../../src/crawl/crawl-pass.js';
import { createParade, registerEntry } from '../../src/parades/parade-service.js';
import type { Runtime } from '../../src/runtime.js';
import { type EntryWithLists, listEntries } from '../../src/store/entry-repository.js';
import { type BlogFarm, startBlogFarm } from '../support/blog-farm.js';
import { sqliteDatabase, type TestDatabase } from '../support/databases.js';
import { type FaultServer, startFaultServer } from '../support/fault-server.js';
import { testRuntime } from '../support/runtime.js';

// Every fault the internet offers, in one parade; each must end in a stored state with a reason a
// host can read, and the pass must go on to the good entry. Private networks are refused except
// for the fixtures' own address, as in production.
describe('a crawl over faulty servers', () => {
  let database: TestDatabase;
  let faults: FaultServer;
  // A Retry-After holds back its whole host, so the 503 that asks for one gets a host of its own.
  let deferring: FaultServer;
  let farm: BlogFarm;
  let trap: net.Server;
  let trapConnections = 0;
  let runtime: Runtime;
  let paradeId = 0;
  let good = '';

  const cases: [path: string, status: string, reason: RegExp][] = [
    ['/slow-headers?ms=5000', 'pending', /^not fetched yet: the server did not answer within 800 ms; retrying/],
    ['/drip?ms=200&chunks=100', 'pending', /^not fetched yet: the server took longer than 1500 ms to send the page/],
    ['/endless', 'failing', /^could not be fetched: the page is larger than/],
    ['/reset', 'pending', /^not fetched yet: the server closed the connection unexpectedly/],
    ['/garbage', 'pending', /^not fetched yet: the server sent a malformed HTTP response/],
    ['/short', 'pending', /^not fetched yet: /],
    ['/big?bytes=3000000', 'failing', /^could not be fetched: the page is larger than/],
    ['/big?bytes=3000000&length=honest', 'failing', /^could not be fetched: the page is larger than/],
    ['/gzip-bomb', 'failing', /^could not be fetched: the page is larger than/],
    ['/status/500', 'pending', /not fetched yet: .*500/],
    ['/status/429', 'pending', /not fetched yet: .*429/],
    ['/status/404', 'gone', /the page is gone/],
    ['/status/410', 'gone', /the page is gone/],
    ['/loop-a', 'pending', /^not fetched yet: the page redirects in a loop/],
    ['/image.png', 'failing', /^the address does not serve a web page \(image\/png\)$/],
    ['/bad-charset', 'unverified', /^waiting for the host: /],
    ['/latin1', 'unverified', /^waiting for the host: /],
  ];

  beforeAll(async () => {
    database = await sqliteDatabase();
    faults = await startFaultServer({ host: '127.0.0.1' });
    deferring = await startFaultServer({ host: '127.0.0.1' });
    farm = await startBlogFarm({ hosts: ['127.0.0.1'] });
    trap = net.createServer((socket) => {
      trapConnections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => trap.listen(0, '127.0.0.2', resolve));
    const trapPort = (trap.address() as net.AddressInfo).port;
    runtime = await testRuntime(database, {
      config: {
        KORSO_ALLOW_PRIVATE_NETWORKS: '0',
        KORSO_ALLOWED_ADDRESSES: '127.0.0.1',
        KORSO_HEADERS_TIMEOUT_MS: '800',
        KORSO_TOTAL_TIMEOUT_MS: '1500',
        KORSO_MAX_BYTES: '1000000',
        KORSO_MAX_ATTEMPTS: '3',
      },
    });
    const { parade } = await createParade(runtime.ctx, { callUrl: farm.callUrl, title: 'Störfälle' });
    paradeId = parade.id;
    for (const [path] of cases) await registerEntry(runtime.ctx, parade, faults.url(path), 'cli');
    await registerEntry(runtime.ctx, parade, deferring.url('/status/503?retry-after=120'), 'cli');
    await registerEntry(runtime.ctx, parade, faults.url(`/redirect-to?location=http://127.0.0.2:${trapPort}/`), 'cli');
    await registerEntry(runtime.ctx, parade, `http://0x7f.0.0.2:${trapPort}/beitrag/`, 'cli');
    good = farm.entryUrl('127.0.0.1', 1);
    await registerEntry(runtime.ctx, parade, good, 'cli');
  });

  afterAll(async () => {
    await runtime?.close();
    await faults?.close();
    await deferring?.close();
    await farm?.close();
    await new Promise((resolve) => trap?.close(resolve));
    await database?.drop();
  });

  it('stores every fault with a readable reason and still verifies the good entry', async () => {
    const summary = await runCrawlPass(runtime.ctx, { paradeId });
    expect(summary.claimed).toBe(cases.length + 4);
    const stored = new Map<string, EntryWithLists>((await listEntries(runtime.ctx.db, paradeId)).map((e) => [e.url, e]));
    for (const [path, status, reason] of cases) {
      const entry = stored.get(faults.url(path));
      expect(entry?.status, path).toBe(status);
      expect(entry?.reason, path).toMatch(reason);
      expect(entry?.lease_owner, path).toBeNull();
    }
    const deferred = stored.get(deferring.url('/status/503?retry-after=120'));
    expect(deferred?.status).toBe('pending');
    expect(deferred?.reason).toMatch(/not fetched yet: .*503/);
    expect(stored.get(good)?.status).toBe('live');
    expect(stored.get(good)?.lists[0]?.items).toHaveLength(3);
  }, 60_000);

  it('refuses private addresses, spelled oddly or reached by redirect, before connecting', async () => {
    const entries = await listEntries(runtime.ctx.db, paradeId);
    const blocked = entries.filter((e) => e.url.includes('127.0.0.2') || e.url.includes('0x7f'));
    expect(blocked).toHaveLength(2);
    for (const entry of blocked) {
      expect(entry.status).toBe('failing');
      expect(entry.reason).toBe('could not be fetched: the address 127.0.0.2 is a loopback address (the machine itself)');
    }
    expect(trapConnections).toBe(0);
  });

  it('pushes a 503 with Retry-After back at least that long', async () => {
    const [entry] = (await listEntries(runtime.ctx.db, paradeId)).filter((e) => e.url.includes('/status/503'));
    const wait = new Date(entry?.next_check_at ?? 0).getTime() - runtime.ctx.clock.now().getTime();
    expect(wait).toBeGreaterThanOrEqual(119_000);
  });
});
