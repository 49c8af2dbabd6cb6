import { CompiledQuery, Migrator } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.js';
import { migrations } from '../../db/migrations/index.js';
import { dashboardSourcesQuery } from '../../src/store/discovery-repository.js';
import { addEntry, countEntriesByRoad, roadCountsQuery } from '../../src/store/entry-repository.js';
import { databaseFactories, sqliteDatabase, type TestDatabase } from '../support/databases.js';

const AT = '2026-11-01T00:00:00.000Z';

describe.each(databaseFactories())('migration 0008 on existing rows (%s)', (_name, factory) => {
  let database: TestDatabase | undefined;

  afterEach(async () => {
    await database?.drop();
  });

  it("puts each road row under its entry's parade, so the dashboard counts one parade's roads", async () => {
    database = await factory();
    const handle = openDatabase(database.url);
    try {
      const migrator = new Migrator({ db: handle.db, provider: { getMigrations: async () => migrations } });
      expect((await migrator.migrateTo('0007_claims')).error).toBeUndefined();
      // biome-ignore lint/suspicious/noExplicitAny: the schema as it was before 0008
      const db = handle.db as any;
      const paradeIds: number[] = [];
      for (const slug of ['eins', 'zwei']) {
        await db
          .insertInto('parades')
          .values({
            slug,
            title: slug,
            call_url: `https://${slug}.example/`,
            call_url_normalized: `https://${slug}.example`,
            lang: 'de',
            status: 'open',
            admin_token_hash: 'x',
            created_at: AT,
            updated_at: AT,
          })
          .execute();
        paradeIds.push(
          (await db.selectFrom('parades').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id,
        );
      }
      const roads: [number, string, string[]][] = [
        [0, 'https://a.example/1', ['registration', 'webmention']],
        [0, 'https://b.example/1', ['blog-feed']],
        [1, 'https://c.example/1', ['registration']],
      ];
      for (const [parade, url, entryRoads] of roads) {
        await db
          .insertInto('entries')
          .values({
            parade_id: paradeIds[parade],
            url,
            normalized_url: url,
            host: new URL(url).host,
            status: 'pending',
            reason: 'waiting for the first fetch',
            attempts: 0,
            next_check_at: AT,
            created_at: AT,
            updated_at: AT,
          })
          .execute();
        const { id } = await db
          .selectFrom('entries')
          .select('id')
          .where('url', '=', url)
          .executeTakeFirstOrThrow();
        for (const road of entryRoads)
          await db
            .insertInto('entry_sources')
            .values({ entry_id: id, road, detail: null, created_at: AT })
            .execute();
      }
      expect((await migrator.migrateToLatest()).error).toBeUndefined();

      expect(await countEntriesByRoad(handle.db, paradeIds[0] as number)).toEqual({
        'blog-feed': 1,
        registration: 1,
        webmention: 1,
      });
      expect(await countEntriesByRoad(handle.db, paradeIds[1] as number)).toEqual({ registration: 1 });
      // A road added after the migration carries its parade too.
      await addEntry(handle.db, {
        paradeId: paradeIds[1] as number,
        url: 'https://c.example/1',
        normalizedUrl: 'https://c.example/1',
        road: 'pingback',
        now: AT,
      });
      expect(await countEntriesByRoad(handle.db, paradeIds[1] as number)).toEqual({
        registration: 1,
        pingback: 1,
      });
      const unassigned = await handle.db
        .selectFrom('entry_sources')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('parade_id', 'is', null)
        .executeTakeFirstOrThrow();
      expect(Number(unassigned.n)).toBe(0);
    } finally {
      await handle.close();
    }
  });
});

describe("the host dashboard's queries", () => {
  let database: TestDatabase | undefined;

  afterEach(async () => {
    await database?.drop();
  });

  it('read one index range each: roads by parade, sources in the order the dashboard shows them', async () => {
    database = await sqliteDatabase();
    const handle = openDatabase(database.url);
    try {
      const migrator = new Migrator({ db: handle.db, provider: { getMigrations: async () => migrations } });
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      // The queries exactly as the dashboard sends them, asked how SQLite would run them.
      const plan = async (query: CompiledQuery) =>
        (
          await handle.db.executeQuery<{ detail: string }>(
            CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]),
          )
        ).rows
          .map((r) => r.detail)
          .join(' | ');
      const roads = await plan(roadCountsQuery(handle.db, 1).compile());
      expect(roads).toContain('USING COVERING INDEX entry_sources_parade_road_idx');
      expect(roads).not.toContain('TEMP B-TREE');
      const sources = await plan(dashboardSourcesQuery(handle.db, 1, 100).compile());
      expect(sources).toContain('USING INDEX discovery_sources_dashboard_idx');
      expect(sources).not.toContain('TEMP B-TREE');
    } finally {
      await handle.close();
    }
  });
});
