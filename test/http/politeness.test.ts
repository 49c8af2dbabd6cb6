import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HttpConfig } from '../../src/config.js';
import { createHttpClient } from '../../src/http/client.js';
import { Politeness, Semaphore, type Sleep } from '../../src/http/politeness.js';
import type { HttpClient } from '../../src/http/types.js';
import { type FaultServer, type RequestRecord, startFaultServer } from '../support/fault-server.js';
import { expectFailure, expectOk } from './expect-result.js';
import { gapsBetween } from './gaps.js';
import { testConfig } from './test-config.js';

// The server's clock and the client's see the same moment a few ms apart
const CLOCK_TOLERANCE_MS = 15;

function overlaps(a: RequestRecord, b: RequestRecord): boolean {
  return a.startedAt < (b.endedAt ?? 0) && b.startedAt < (a.endedAt ?? 0);
}

describe('Semaphore', () => {
  it('serves waiters in order and skips those that gave up', async () => {
    const semaphore = new Semaphore(1);
    const order: string[] = [];
    const never = new AbortController().signal;
    await semaphore.acquire(never);
    const quitter = new AbortController();
    const first = semaphore.acquire(never).then(() => order.push('first'));
    const gaveUp = semaphore.acquire(quitter.signal).catch(() => order.push('gave up'));
    const second = semaphore.acquire(never).then(() => order.push('second'));
    quitter.abort();
    await gaveUp;
    semaphore.release();
    await first;
    semaphore.release();
    await second;
    expect(order).toEqual(['gave up', 'first', 'second']);
  });
});

describe('Politeness with a fake clock', () => {
  function fakeTime() {
    const slept: number[] = [];
    let clock = 0;
    const sleep: Sleep = async (ms) => {
      slept.push(ms);
      clock += ms;
    };
    return { slept, now: () => clock, sleep, advance: (ms: number) => (clock += ms) };
  }
  const open = new AbortController().signal;

  it('waits the delay between requests to one host, counted from the end of the previous one', async () => {
    const time = fakeTime();
    const politeness = new Politeness(4, time.now, time.sleep);
    const task = async () => time.advance(30);
    await Promise.all([1, 2, 3].map(() => politeness.run('blog.example:443', 100, open, task)));
    expect(time.slept).toEqual([100, 100]);
  });

  it('lets different hosts go without waiting for each other', async () => {
    const time = fakeTime();
    const politeness = new Politeness(4, time.now, time.sleep);
    await Promise.all(
      ['a:80', 'b:80', 'c:80'].map((host) => politeness.run(host, 100, open, async () => {})),
    );
    expect(time.slept).toEqual([]);
  });

  it('waits out a short Retry-After like a pause', async () => {
    const time = fakeTime();
    const politeness = new Politeness(1, time.now, time.sleep);
    await politeness.run('a:80', 100, open, async (turn) => turn.deferUntil(new Date(time.now() + 30_000)));
    await politeness.run('a:80', 100, open, async () => {});
    expect(time.slept).toEqual([30_000]);
  });

  it('fails requests to a host that asked for a long pause at once, and lets other hosts go', async () => {
    const time = fakeTime();
    const politeness = new Politeness(1, time.now, time.sleep);
    const until = new Date(time.now() + 120_000);
    await politeness.run('a:80', 100, open, async (turn) => turn.deferUntil(until));
    let ran = false;
    await expect(politeness.run('a:80', 100, open, async () => (ran = true))).rejects.toMatchObject({
      failure: {
        reason: 'rate-limited',
        detail: `a:80 asked us to come back after ${until.toISOString()}`,
        retryAfter: until,
      },
    });
    expect(ran).toBe(false);
    await politeness.run('b:80', 100, open, async () => (ran = true));
    expect(ran).toBe(true);
    // Within a minute of the end of the pause, the request waits for it instead.
    time.advance(61_000);
    await politeness.run('a:80', 100, open, async () => {});
    expect(time.slept).toEqual([59_000]);
  });

  it('uses the delay of the request that just finished', async () => {
    const time = fakeTime();
    const politeness = new Politeness(1, time.now, time.sleep);
    await politeness.run('a:80', 500, open, async () => {});
    time.advance(200);
    await politeness.run('a:80', 100, open, async () => {});
    expect(time.slept).toEqual([300]);
  });
});

describe('politeness over the wire', () => {
  let first: FaultServer;
  let second: FaultServer;
  const clients: HttpClient[] = [];
  const client = (overrides: Partial<HttpConfig>) => {
    const created = createHttpClient(
      testConfig({ allowPrivateNetworks: true, respectRobots: false, ...overrides }),
    );
    clients.push(created);
    return created;
  };

  beforeAll(async () => {
    first = await startFaultServer({ host: '127.0.0.1' });
    second = await startFaultServer({ host: '127.0.0.2' });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    first.requests.length = 0;
    second.requests.length = 0;
  });
  afterAll(async () => {
    await first.close();
    await second.close();
  });

  it('sends one request at a time to a host, with the delay between them', async () => {
    const http = client({ perHostDelayMs: 100 });
    const results = await Promise.all(
      [1, 2, 3, 4].map((n) => http.fetch(first.url(`/slow-headers?ms=20&n=${n}`))),
    );
    results.forEach(expectOk);
    expect(first.maxInFlight()).toBe(1);
    for (const gap of gapsBetween(first.requests))
      expect(gap).toBeGreaterThanOrEqual(100 - CLOCK_TOLERANCE_MS);
  });

  it('serves two hosts in parallel', async () => {
    const http = client({ perHostDelayMs: 100 });
    await Promise.all([
      http.fetch(first.url('/slow-headers?ms=200')),
      http.fetch(second.url('/slow-headers?ms=200')),
    ]);
    const [a, b] = [first.requests[0], second.requests[0]];
    expect(a && b && overlaps(a, b)).toBe(true);
  });

  it('keeps to the global concurrency across hosts', async () => {
    const http = client({ perHostDelayMs: 0, concurrency: 1 });
    await Promise.all([
      http.fetch(first.url('/slow-headers?ms=100')),
      http.fetch(second.url('/slow-headers?ms=100')),
    ]);
    const [a, b] = [first.requests[0], second.requests[0]];
    expect(a && b && overlaps(a, b)).toBe(false);
  });

  it('ends waiting requests with a result when the client closes', async () => {
    const http = client({ perHostDelayMs: 60_000 });
    expectOk(await http.fetch(first.url('/html')));
    const waiting = http.fetch(first.url('/html'));
    await http.close();
    const failure = expectFailure(await waiting, 'timeout');
    expect(failure.detail).toBe('the request was cancelled before it finished');
    expect(first.hits('/html')).toBe(1);
  });

  it('lets a caller give up while waiting for its turn', async () => {
    const http = client({ perHostDelayMs: 60_000 });
    expectOk(await http.fetch(first.url('/html')));
    const failure = expectFailure(
      await http.fetch(first.url('/html'), { signal: AbortSignal.timeout(30) }),
      'timeout',
    );
    expect(failure.detail).toBe('the request was cancelled before it finished');
  });
});
