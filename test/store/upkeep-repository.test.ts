import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database.js';
import { startDiscoveryRun } from '../../src/store/discovery-repository.js';
import { bumpParade, findParadeById } from '../../src/store/parade-repository.js';
import {
  markDeadlinesPassed,
  pruneDiscoveryRuns,
  pruneRenderedPages,
} from '../../src/store/upkeep-repository.js';
import { databaseFactories, migratedConnections, type TestDatabase } from '../support/databases.js';
import { seedParade } from '../support/seed.js';

const NOW = '2026-11-20T10:00:00.000Z';

describe.each(databaseFactories())('upkeep on %s', (_name, factory) => {
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

  it('marks each parade past its deadline once, bumping its pages in the same step', async () => {
    const db = handle.db;
    const parade = async (slug: string, deadline: string | null, passedAt: string | null = null) => {
      const row = await seedParade(db, slug, '2026-11-01T00:00:00.000Z');
      await db
        .updateTable('parades')
        .set({ deadline, deadline_passed_at: passedAt })
        .where('id', '=', row.id)
        .execute();
      return row.id;
    };
    const past = await parade('vorbei', '2026-11-20T09:59:59.000Z');
    const future = await parade('offen', '2026-11-20T10:00:01.000Z');
    const none = await parade('ohne-frist', null);
    const closed = await parade('schon-zu', '2026-11-10T00:00:00.000Z', '2026-11-10T00:01:00.000Z');

    expect(await markDeadlinesPassed(db, NOW)).toEqual([{ id: past, slug: 'vorbei' }]);
    expect(await markDeadlinesPassed(db, NOW)).toEqual([]);
    const seq = async (id: number) => (await findParadeById(db, id))?.change_seq;
    const closedAt = async (id: number) => (await findParadeById(db, id))?.deadline_passed_at;
    expect([await seq(past), await closedAt(past)]).toEqual([1, NOW]);
    for (const id of [future, none, closed]) expect(await seq(id)).toBe(0);
    expect(await closedAt(future)).toBeNull();
    expect(await closedAt(closed)).toBe('2026-11-10T00:01:00.000Z');
  });

  it('drops rendered pages no reader can get any more and keeps the current ones', async () => {
    const db = handle.db;
    await db.deleteFrom('parades').execute();
    const a = await seedParade(db, 'seiten-a', NOW);
    const b = await seedParade(db, 'seiten-b', NOW);
    await bumpParade(db, a.id, NOW);
    await bumpParade(db, a.id, NOW);
    await bumpParade(db, b.id, NOW);
    const page = (scope: number, key: string, seq: number, validUntil: string | null = null) => ({
      scope_id: scope,
      key,
      seq,
      valid_until: validUntil,
      etag: `"${scope}-${key}-${seq}"`,
      content_type: 'text/html',
      last_modified: NOW,
      body: Buffer.from('x'),
      gzip: Buffer.from('x'),
      br: Buffer.from('x'),
      created_at: NOW,
    });
    await db
      .insertInto('rendered_pages')
      .values([
        page(a.id, 'overview', 1),
        page(a.id, 'feed', 2),
        page(a.id, 'countdown', 2, '2026-11-20T09:00:00.000Z'),
        page(b.id, 'overview', 1),
        page(9999, 'overview', 5),
        page(0, 'directory', 2),
        page(0, 'calendar', 3),
      ])
      .execute();
    expect(await pruneRenderedPages(db, NOW)).toBe(4);
    const left = await db
      .selectFrom('rendered_pages')
      .select(['scope_id', 'key'])
      .orderBy('scope_id')
      .orderBy('key')
      .execute();
    expect(left).toEqual([
      { scope_id: 0, key: 'calendar' },
      { scope_id: a.id, key: 'feed' },
      { scope_id: b.id, key: 'overview' },
    ]);
  });

  it('keeps the newest discovery runs of each parade', async () => {
    const db = handle.db;
    const a = await seedParade(db, 'laeufe-a', NOW);
    const b = await seedParade(db, 'laeufe-b', NOW);
    for (let n = 0; n < 7; n++) await startDiscoveryRun(db, a.id, `2026-11-20T10:0${n}:00.000Z`);
    for (let n = 0; n < 2; n++) await startDiscoveryRun(db, b.id, `2026-11-20T10:0${n}:00.000Z`);
    expect(await pruneDiscoveryRuns(db, 3)).toBe(4);
    const runs = await db
      .selectFrom('discovery_runs')
      .select(['parade_id', 'started_at'])
      .orderBy('id')
      .execute();
    expect(runs.filter((r) => r.parade_id === a.id).map((r) => r.started_at.slice(11, 16))).toEqual([
      '10:04',
      '10:05',
      '10:06',
    ]);
    expect(runs.filter((r) => r.parade_id === b.id)).toHaveLength(2);
  });
});
