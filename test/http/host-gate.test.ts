import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../db/database.js';
import type { HttpConfig } from '../../src/config.js';
import { createHttpClient } from '../../src/http/client.js';
import type { HostGate } from '../../src/http/host-gate.js';
import type { HttpClient } from '../../src/http/types.js';
import { databaseHostGate, takeHost } from '../../src/store/host-repository.js';
import { databaseFactories, migratedConnections, type TestDatabase } from '../support/databases.js';
import { type FaultServer, startFaultServer } from '../support/fault-server.js';
import { expectFailure, expectOk } from './expect-result.js';
import { gapsBetween } from './gaps.js';
import { testConfig } from './test-config.js';

// The server's clock and the gate's see the same moment a few ms apart
const CLOCK_TOLERANCE_MS = 15;

/** The gate with a record of every turn granted and handed back, in order. */
function recordingGate(gate: HostGate): HostGate & { taken: string[]; released: string[] } {
  const taken: string[] = [];
  const released: string[] = [];
  return {
    taken,
    released,
    take: async (host, leaseMs, pauseMs) => {
      const turn = await gate.take(host, leaseMs, pauseMs);
      if (turn.granted) taken.push(host);
      return turn;
    },
    release: async (host, token, pauseMs, deferMs) => {
      released.push(host);
      await gate.release(host, token, pauseMs, deferMs);
    },
    readRobots: (host, origin) => gate.readRobots(host, origin),
    saveRobots: (host, origin, robots, ttlMs) => gate.saveRobots(host, origin, robots, ttlMs),
  };
}

// Two clients stand for two worker processes: each has its own connection and its own in-memory
// politeness, and they know of each other only through the gate on the database.
describe.each(databaseFactories())('the host gate on %s between two clients', (_name, factory) => {
  let database: TestDatabase;
  let first: FaultServer;
  let second: FaultServer;
  const handles: DatabaseHandle[] = [];
  const clients: HttpClient[] = [];

  const worker = (overrides: Partial<HttpConfig> = {}, wrap: (g: HostGate) => HostGate = (g) => g) => {
    const handle = openDatabase(database.url);
    handles.push(handle);
    const gate = wrap(databaseHostGate(handle.db, () => new Date(), `worker-${handles.length}`));
    const client = createHttpClient(testConfig({ allowPrivateNetworks: true, ...overrides }), { gate });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    database = await factory();
    await migratedConnections(database, 0);
  });
  beforeEach(async () => {
    first = await startFaultServer({ host: '127.0.0.1' });
    second = await startFaultServer({ host: '127.0.0.2' });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    for (const handle of handles.splice(0)) await handle.close();
    await first.close();
    await second.close();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('sends one request at a time to a host, with the pause between them, across both', async () => {
    const a = worker({ perHostDelayMs: 150, respectRobots: false });
    const b = worker({ perHostDelayMs: 150, respectRobots: false });
    const results = await Promise.all(
      [1, 2, 3].flatMap((n) => [a, b].map((c) => c.fetch(first.url(`/slow-headers?ms=20&n=${n}`)))),
    );
    results.forEach(expectOk);
    expect(first.requests).toHaveLength(6);
    expect(first.maxInFlight()).toBe(1);
    for (const gap of gapsBetween(first.requests))
      expect(gap).toBeGreaterThanOrEqual(150 - CLOCK_TOLERANCE_MS);
  });

  it('asks the gate for every request: robots.txt, the page and each redirect hop to another host', async () => {
    let gate: ReturnType<typeof recordingGate> | undefined;
    const client = worker({}, (g) => (gate = recordingGate(g)));
    const result = expectOk(
      await client.fetch(first.url(`/redirect-to?location=${encodeURIComponent(second.url('/html'))}`)),
    );
    expect(result.chain).toEqual([
      first.url(`/redirect-to?location=${encodeURIComponent(second.url('/html'))}`),
      second.url('/html'),
    ]);
    const [hostA, hostB] = [new URL(first.origin).host, new URL(second.origin).host];
    // robots.txt and the page on each host, in the order they were requested
    expect(gate?.taken).toEqual([hostA, hostA, hostB, hostB]);
    expect(gate?.released).toEqual(gate?.taken);
    expect(first.hits('/robots.txt') + second.hits('/robots.txt')).toBe(2);
  });

  it('keeps the other client away from a host that answered with a long Retry-After, without a request', async () => {
    const a = worker({ respectRobots: false });
    const b = worker({ respectRobots: false });
    const before = Date.now();
    expectFailure(await a.fetch(first.url('/status/503?retry-after=120')), 'rate-limited');
    const failure = expectFailure(await b.fetch(first.url('/html')), 'rate-limited');
    expect(failure.detail).toMatch(new RegExp(`^${new URL(first.origin).host} asked us to come back after `));
    const wait = (failure.retryAfter?.getTime() ?? 0) - before;
    expect(wait).toBeGreaterThanOrEqual(119_000);
    expect(wait).toBeLessThanOrEqual(125_000);
    expect(first.hits('/html')).toBe(0);
    // Other hosts are not held back.
    expectOk(await b.fetch(second.url('/html')));
  });

  it('lets the other client wait out a short Retry-After', async () => {
    const a = worker({ respectRobots: false });
    const b = worker({ respectRobots: false });
    expectFailure(await a.fetch(first.url('/status/503?retry-after=1')), 'rate-limited');
    expectOk(await b.fetch(first.url('/html')));
    expect(first.requests.map((r) => r.path)).toEqual(['/status/503', '/html']);
    const [gap] = gapsBetween(first.requests);
    expect(gap).toBeGreaterThanOrEqual(1000 - CLOCK_TOLERANCE_MS);
  });

  it('shares robots.txt: what one client loaded the other obeys without asking the host again', async () => {
    first.setRobots('User-agent: *\nDisallow: /private\n');
    const a = worker();
    const b = worker();
    expectOk(await a.fetch(first.url('/html')));
    expectFailure(await b.fetch(first.url('/private/page')), 'robots');
    expectOk(await b.fetch(first.url('/echo')));
    expect(first.hits('/robots.txt')).toBe(1);
    expect(first.hits('/private/page')).toBe(0);
  });

  it('fails a request it cannot take a turn for, saying so, without contacting the host', async () => {
    const handle = openDatabase(database.url);
    const client = createHttpClient(testConfig({ allowPrivateNetworks: true, respectRobots: false }), {
      gate: databaseHostGate(handle.db, () => new Date(), 'cut-off'),
    });
    clients.push(client);
    // Used once, then closed: the database is gone from under the gate
    await handle.db.selectFrom('hosts').select('host').execute();
    await handle.close();
    const failure = expectFailure(await client.fetch(first.url('/html')), 'connect');
    expect(failure.detail).toMatch(
      new RegExp(`^korso could not take its turn for ${new URL(first.origin).host} \\(`),
    );
    expect(first.requests).toHaveLength(0);
  });

  it('waits out the lease of a worker that died holding the host, then the pause', async () => {
    const handle = openDatabase(database.url);
    handles.push(handle);
    const host = new URL(first.origin).host;
    const taken = Date.now();
    const dead = await takeHost(handle.db, {
      host,
      token: 'dead#1',
      now: new Date(taken),
      leaseMs: 300,
      pauseMs: 100,
    });
    expect(dead.granted).toBe(true);
    const client = worker({ perHostDelayMs: 100, respectRobots: false });
    expectOk(await client.fetch(first.url('/html')));
    const [request] = first.requests;
    expect((request?.startedAt ?? 0) - taken).toBeGreaterThanOrEqual(400 - CLOCK_TOLERANCE_MS);
  });
});
