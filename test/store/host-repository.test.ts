import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database.js';
import type { HostTurn } from '../../src/http/host-gate.js';
import { addEntry, claimDueEntries } from '../../src/store/entry-repository.js';
import {
  findHost,
  readHostRobots,
  releaseHost,
  saveHostRobots,
  sweepHosts,
  takeHost,
} from '../../src/store/host-repository.js';
import { databaseFactories, migratedConnections, type TestDatabase } from '../support/databases.js';
import { seedParade } from '../support/seed.js';

const T0 = new Date('2026-11-20T10:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

function refused(turn: HostTurn): { waitMs: number; deferredMs?: number } {
  if (turn.granted) throw new Error('expected the host to be refused');
  return turn;
}

describe.each(databaseFactories())('host turns on %s', (_name, factory) => {
  let database: TestDatabase;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    database = await factory();
    [handle] = (await migratedConnections(database)) as [DatabaseHandle];
  });

  afterAll(async () => {
    await handle?.close();
    await database?.drop();
  });

  it('grants a free host to one holder and makes the next wait the pause after the release', async () => {
    const db = handle.db;
    expect(
      await takeHost(db, { host: 'a.example', token: 'w1#1', now: T0, leaseMs: 30_000, pauseMs: 1000 }),
    ).toEqual({
      granted: true,
      token: 'w1#1',
    });
    // Held: the earliest chance is a pause from now, should the holder finish at once.
    const busy = refused(
      await takeHost(db, { host: 'a.example', token: 'w2#1', now: at(10), leaseMs: 30_000, pauseMs: 1000 }),
    );
    expect(busy.waitMs).toBe(1000);
    expect(busy.deferredMs).toBeUndefined();

    await releaseHost(db, { host: 'a.example', token: 'w1#1', now: at(200), pauseMs: 1000 });
    const row = await findHost(db, 'a.example');
    expect(row).toMatchObject({ holder: null, lease_until: null, next_allowed_at: at(1200).toISOString() });
    expect(
      refused(
        await takeHost(db, {
          host: 'a.example',
          token: 'w2#2',
          now: at(700),
          leaseMs: 30_000,
          pauseMs: 1000,
        }),
      ).waitMs,
    ).toBe(500);
    expect(
      (
        await takeHost(db, {
          host: 'a.example',
          token: 'w2#3',
          now: at(1200),
          leaseMs: 30_000,
          pauseMs: 1000,
        })
      ).granted,
    ).toBe(true);
  });

  it("frees a killed holder's host a pause after its lease, not before", async () => {
    const db = handle.db;
    await takeHost(db, { host: 'b.example', token: 'dead#1', now: T0, leaseMs: 5000, pauseMs: 1000 });
    expect(
      refused(
        await takeHost(db, { host: 'b.example', token: 'w2#1', now: at(5000), leaseMs: 5000, pauseMs: 1000 }),
      ).waitMs,
    ).toBe(1000);
    expect(
      (await takeHost(db, { host: 'b.example', token: 'w2#2', now: at(6000), leaseMs: 5000, pauseMs: 1000 }))
        .granted,
    ).toBe(true);

    // The dead holder's late hand-back changes nothing but can lengthen the pause.
    await releaseHost(db, { host: 'b.example', token: 'dead#1', now: at(6100), pauseMs: 1000 });
    const row = await findHost(db, 'b.example');
    expect(row?.holder).toBe('w2#2');
    expect(row?.next_allowed_at).toBe(at(12_000).toISOString());
  });

  it('keeps every worker away for as long as the host asked (Retry-After)', async () => {
    const db = handle.db;
    await takeHost(db, { host: 'c.example', token: 'w1#1', now: T0, leaseMs: 30_000, pauseMs: 1000 });
    await releaseHost(db, {
      host: 'c.example',
      token: 'w1#1',
      now: at(100),
      pauseMs: 1000,
      deferMs: 120_000,
    });
    const busy = refused(
      await takeHost(db, { host: 'c.example', token: 'w2#1', now: at(5000), leaseMs: 30_000, pauseMs: 1000 }),
    );
    expect(busy).toEqual({ granted: false, waitMs: 115_100, deferredMs: 115_100 });
    expect(
      (
        await takeHost(db, {
          host: 'c.example',
          token: 'w2#2',
          now: at(120_100),
          leaseMs: 30_000,
          pauseMs: 1000,
        })
      ).granted,
    ).toBe(true);
    // An answer without Retry-After lifts it.
    await releaseHost(db, { host: 'c.example', token: 'w2#2', now: at(120_200), pauseMs: 1000 });
    expect((await findHost(db, 'c.example'))?.retry_after).toBeNull();
  });

  it('shares robots.txt per origin until it expires', async () => {
    const db = handle.db;
    const origin = 'https://d.example';
    expect(await readHostRobots(db, 'd.example', origin, T0)).toBeUndefined();
    await saveHostRobots(db, {
      host: 'd.example',
      origin,
      robots: { text: 'User-agent: *\nDisallow: /x\n' },
      now: T0,
      ttlMs: 60_000,
    });
    expect(await readHostRobots(db, 'd.example', origin, at(59_999))).toEqual({
      text: 'User-agent: *\nDisallow: /x\n',
    });
    expect(await readHostRobots(db, 'd.example', 'http://d.example', at(1))).toBeUndefined();
    expect(await readHostRobots(db, 'd.example', origin, at(60_000))).toBeUndefined();
    // No usable robots.txt is shared too (allow all), and a robots row does not hold the host.
    await saveHostRobots(db, {
      host: 'd.example',
      origin,
      robots: { text: null },
      now: at(60_000),
      ttlMs: 60_000,
    });
    expect(await readHostRobots(db, 'd.example', origin, at(60_001))).toEqual({ text: null });
    expect(
      (await takeHost(db, { host: 'd.example', token: 'w1#1', now: at(60_001), leaseMs: 1000, pauseMs: 0 }))
        .granted,
    ).toBe(true);
  });

  it('sweeps lapsed turns and forgets hosts idle for a day', async () => {
    const db = handle.db;
    await takeHost(db, { host: 'e.example', token: 'dead#1', now: T0, leaseMs: 1000, pauseMs: 0 });
    await takeHost(db, { host: 'f.example', token: 'w1#1', now: T0, leaseMs: 1000, pauseMs: 0 });
    await releaseHost(db, { host: 'f.example', token: 'w1#1', now: at(10), pauseMs: 0 });
    const swept = await sweepHosts(db, at(2000));
    expect(swept.lapsed).toBeGreaterThanOrEqual(1);
    expect((await findHost(db, 'e.example'))?.holder).toBeNull();
    expect(await findHost(db, 'f.example')).toBeDefined();
    await sweepHosts(db, at(25 * 60 * 60 * 1000));
    expect(await findHost(db, 'f.example')).toBeUndefined();
  });
});

// Several workers on their own connections ask for the same hosts at once, for real time: a host
// must never have two holders, and turns must go to more than one worker.
describe.each(databaseFactories())('host turns on %s under contention', (_name, factory) => {
  let database: TestDatabase;
  let handles: DatabaseHandle[] = [];

  beforeAll(async () => {
    database = await factory();
    // Taking and handing back are single statements, so SQLite connections never hold a lock across an await.
    handles = await migratedConnections(database, 5);
  });

  afterAll(async () => {
    for (const h of handles) await h.close();
    await database?.drop();
  });

  it('never lets two workers hold one host', async () => {
    const hosts = ['g.example', 'h.example'];
    const holding = new Map(hosts.map((h) => [h, 0]));
    let most = 0;
    let turns = 0;
    const turnsBy = await Promise.all(
      handles.map(async (handle, w) => {
        let mine = 0;
        for (let n = 0; turns < 200; n++) {
          const host = hosts[n % hosts.length] as string;
          const token = `w${w}#${n}`;
          const turn = await takeHost(handle.db, {
            host,
            token,
            now: new Date(),
            leaseMs: 30_000,
            pauseMs: 0,
          });
          if (!turn.granted) {
            await new Promise((r) => setTimeout(r, 1));
            continue;
          }
          holding.set(host, (holding.get(host) ?? 0) + 1);
          most = Math.max(most, holding.get(host) ?? 0);
          turns++;
          mine++;
          await new Promise((r) => setTimeout(r, 1));
          holding.set(host, (holding.get(host) ?? 0) - 1);
          await releaseHost(handle.db, { host, token, now: new Date(), pauseMs: 0 });
          // Between two requests a worker does other work, which gives the others their chance.
          await new Promise((r) => setTimeout(r, 2));
        }
        return mine;
      }),
    );
    expect(most).toBe(1);
    expect(turnsBy.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(200);
    expect(turnsBy.filter((n) => n > 0).length).toBeGreaterThan(1);
  }, 60_000);
});

describe.each(databaseFactories())('claiming by host state on %s', (_name, factory) => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  const now = T0.toISOString();

  beforeAll(async () => {
    database = await factory();
    [handle] = (await migratedConnections(database)) as [DatabaseHandle];
    const parade = await seedParade(handle.db, 'wirte', now);
    for (const host of ['busy.example', 'free.example', 'asked.example']) {
      for (let n = 0; n < 2; n++) {
        const url = `https://${host}/post-${n}/`;
        await addEntry(handle.db, { paradeId: parade.id, url, normalizedUrl: url, road: 'cli', now });
      }
    }
  });

  afterAll(async () => {
    await handle?.close();
    await database?.drop();
  });

  it('prefers hosts free now and leaves hosts that asked for a pause alone', async () => {
    const db = handle.db;
    await takeHost(db, { host: 'busy.example', token: 'other#1', now: T0, leaseMs: 30_000, pauseMs: 1000 });
    await takeHost(db, { host: 'asked.example', token: 'other#2', now: T0, leaseMs: 30_000, pauseMs: 1000 });
    await releaseHost(db, {
      host: 'asked.example',
      token: 'other#2',
      now: T0,
      pauseMs: 1000,
      deferMs: 600_000,
    });
    const claim = (limit: number) =>
      claimDueEntries(db, handle.dialect, { owner: 'me', now, leaseUntil: at(60_000).toISOString(), limit });
    // At equal rank the free host comes first.
    expect((await claim(1)).map((e) => e.host)).toEqual(['free.example']);
    const rest = await claim(10);
    expect(rest.map((e) => e.host).sort()).toEqual(['busy.example', 'busy.example', 'free.example']);
  });
});
