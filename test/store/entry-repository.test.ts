import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../../db/database.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import {
  addEntry,
  claimDueEntries,
  listEntries,
  moderateEntry,
  saveEntryOutcome,
} from '../../src/store/entry-repository.js';
import { directoryPage } from '../../src/store/listing-repository.js';
import { databaseFactories, type TestDatabase } from '../support/databases.js';
import { seedParade } from '../support/seed.js';

const T0 = '2026-11-20T10:00:00.000Z';
const LATER = '2026-11-20T10:10:00.000Z';

describe.each(databaseFactories())('entry repository on %s', (_name, factory) => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let paradeId: number;

  beforeAll(async () => {
    database = await factory();
    handle = openDatabase(database.url);
    await migrateToLatest(handle.db);
    const parade = await seedParade(handle.db, 'wunschkunde', T0);
    paradeId = parade.id;
  });

  afterAll(async () => {
    await handle?.close();
    await database?.drop();
  });

  it('migrating twice changes nothing', async () => {
    expect(await migrateToLatest(handle.db)).toEqual([]);
  });

  it('adds an entry once and records every road it came by', async () => {
    const input = { paradeId, url: 'https://a.example/post/', normalizedUrl: 'http://a.example/post', now: T0 };
    const first = await addEntry(handle.db, { ...input, road: 'registration' });
    const again = await addEntry(handle.db, { ...input, road: 'registration' });
    const viaApi = await addEntry(handle.db, { ...input, url: 'http://www.a.example/post', road: 'api' });
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(viaApi.created).toBe(false);
    expect(viaApi.entry.id).toBe(first.entry.id);
    const [stored] = await listEntries(handle.db, paradeId);
    expect(stored?.roads.sort()).toEqual(['api', 'registration']);
    expect(stored?.url).toBe('https://a.example/post/');
  });

  it('leases due entries to one worker at a time, and again after the lease expires', async () => {
    await addEntry(handle.db, { paradeId, url: 'https://b.example/p', normalizedUrl: 'http://b.example/p', road: 'cli', now: T0 });
    const opts = { now: T0, leaseUntil: '2026-11-20T10:02:00.000Z', limit: 10 };
    const first = await claimDueEntries(handle.db, handle.dialect, { ...opts, owner: 'w1' });
    const second = await claimDueEntries(handle.db, handle.dialect, { ...opts, owner: 'w2' });
    expect(first.map((e) => e.url).sort()).toEqual(['https://a.example/post/', 'https://b.example/p']);
    expect(second).toEqual([]);
    const afterExpiry = await claimDueEntries(handle.db, handle.dialect, {
      owner: 'w3',
      now: '2026-11-20T10:03:00.000Z',
      leaseUntil: '2026-11-20T10:05:00.000Z',
      limit: 10,
    });
    expect(afterExpiry).toHaveLength(2);
    expect(afterExpiry.every((e) => e.lease_owner === 'w3')).toBe(true);
  });

  it('stores an outcome with its lists, replaces them on change, and refuses a lost lease', async () => {
    const [entry] = await claimDueEntries(handle.db, handle.dialect, {
      owner: 'w4',
      now: '2026-11-20T10:06:00.000Z',
      leaseUntil: '2026-11-20T10:08:00.000Z',
      limit: 1,
    });
    if (!entry) throw new Error('nothing claimed');
    const lists = [
      {
        ordered: false,
        intro: 'Mein Wunschkunde ist …',
        items: [
          { text: 'neugierig', html: 'neugierig' },
          { text: 'pünktlich', html: '<em>pünktlich</em>' },
        ],
        parent: null,
      },
      // Nested under the second item of the first list.
      { ordered: true, intro: null, items: [{ text: 'eins', html: 'eins' }], parent: { list: 0, item: 1 } },
    ];
    const seqBefore = await changeSeq(handle.db, paradeId);
    const saved = await saveEntryOutcome(handle.db, entry.id, 'w4', { status: 'live', reason: 'verified', next_check_at: LATER }, lists);
    expect(saved).toBe(true);
    let stored = (await listEntries(handle.db, paradeId)).find((e) => e.id === entry.id);
    expect(stored?.lists).toEqual(lists);
    expect(stored?.lease_owner).toBeNull();
    expect(await changeSeq(handle.db, paradeId)).toBe(seqBefore + 1);

    const changed = [{ ordered: false, intro: null, items: [{ text: 'geduldig', html: 'geduldig' }], parent: null }];
    await saveEntryOutcome(handle.db, entry.id, 'w4', { next_check_at: LATER }, changed);
    stored = (await listEntries(handle.db, paradeId)).find((e) => e.id === entry.id);
    expect(stored?.lists).toEqual(changed);
    expect(await changeSeq(handle.db, paradeId)).toBe(seqBefore + 2);

    // A quiet re-check (nothing a reader sees) leaves the rendered pages valid.
    await saveEntryOutcome(handle.db, entry.id, 'w4', { next_check_at: LATER }, undefined, false);
    expect(await changeSeq(handle.db, paradeId)).toBe(seqBefore + 2);

    await handle.db.updateTable('entries').set({ lease_owner: 'w5' }).where('id', '=', entry.id).execute();
    expect(await saveEntryOutcome(handle.db, entry.id, 'w4', { status: 'failing' })).toBe(false);
    stored = (await listEntries(handle.db, paradeId)).find((e) => e.id === entry.id);
    expect(stored?.status).toBe('live');
  });

  it('keeps the host decision and counts live entries per parade', async () => {
    const [entry] = await listEntries(handle.db, paradeId, { statuses: ['live'] });
    if (!entry) throw new Error('no live entry');
    await moderateEntry(handle.db, entry.id, 'rejected', LATER);
    const [rejected] = await listEntries(handle.db, paradeId, { statuses: ['rejected'] });
    expect(rejected?.moderation).toBe('rejected');
    const claimable = await claimDueEntries(handle.db, handle.dialect, {
      owner: 'w6',
      now: '2026-12-01T00:00:00.000Z',
      leaseUntil: '2026-12-01T00:02:00.000Z',
      limit: 10,
    });
    expect(claimable.map((e) => e.id)).not.toContain(entry.id);
    const { parades } = await directoryPage(handle.db, { limit: 10, offset: 0, now: LATER });
    expect(parades.find((p) => p.id === paradeId)?.liveCount).toBe(0);
  });
});

async function changeSeq(db: Kysely<Database>, paradeId: number): Promise<number> {
  const row = await db.selectFrom('parades').select('change_seq').where('id', '=', paradeId).executeTakeFirstOrThrow();
  return row.change_seq;
}
