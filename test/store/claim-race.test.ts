import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../../db/database.js';
import { addEntry, claimDueEntries, saveEntryOutcome } from '../../src/store/entry-repository.js';
import { databaseFactories, type TestDatabase } from '../support/databases.js';
import { seedParade } from '../support/seed.js';

const NOW = '2026-11-20T10:00:00.000Z';
const ENTRIES = 400;

// Six workers on their own connections race for the same due entries and finish them; in one round
// each entry must be claimed exactly once.
describe.each(databaseFactories())('claiming on %s under contention', (_name, factory) => {
  let database: TestDatabase;
  let handles: DatabaseHandle[] = [];

  beforeAll(async () => {
    database = await factory();
    const setup = openDatabase(database.url);
    await migrateToLatest(setup.db);
    const parade = await seedParade(setup.db, 'rennen', NOW);
    for (let n = 0; n < ENTRIES; n++) {
      const url = `https://blog${n % 20}.example/post-${n}/`;
      await addEntry(setup.db, { paradeId: parade.id, url, normalizedUrl: url, road: 'cli', now: NOW });
    }
    // SQLite: one connection per process (better-sqlite3 blocks its thread while it waits for a lock,
    // so two connections in one process would wait on each other); PostgreSQL: one pool per worker.
    if (setup.dialect === 'sqlite') handles = Array.from({ length: 6 }, () => setup);
    else {
      await setup.close();
      handles = Array.from({ length: 6 }, () => openDatabase(database.url));
    }
  }, 60_000);

  afterAll(async () => {
    for (const h of new Set(handles)) await h.close();
    await database?.drop();
  });

  it('never hands one entry to two workers', async () => {
    let total = 0;
    const claimedBy = await Promise.all(
      handles.map(async (handle, i) => {
        const ids: number[] = [];
        for (let idle = 0; total < ENTRIES && idle < 200; ) {
          const batch = await claimDueEntries(handle.db, handle.dialect, {
            owner: `w${i}`,
            now: NOW,
            leaseUntil: '2026-11-20T10:05:00.000Z',
            limit: 7,
          });
          total += batch.length;
          ids.push(...batch.map((e) => e.id));
          // Done with them, as a crawl would be: the lease goes, the next check moves a day ahead.
          for (const entry of batch) {
            await saveEntryOutcome(handle.db, entry.id, `w${i}`, { next_check_at: '2026-11-21T10:00:00.000Z' });
          }
          if (batch.length === 0) {
            idle++;
            await new Promise((r) => setTimeout(r, 5));
          }
        }
        return ids;
      }),
    );
    const all = claimedBy.flat();
    expect(all).toHaveLength(ENTRIES);
    expect(new Set(all).size).toBe(ENTRIES);
    expect(claimedBy.filter((ids) => ids.length > 0).length).toBeGreaterThan(1);
  }, 60_000);
});
