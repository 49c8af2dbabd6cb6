import { Migrator } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.js';
import { migrations } from '../../db/migrations/index.js';
import { renderReason } from '../../src/reasons/catalog.js';
import { entryReason } from '../../src/web/reason-text.js';
import { databaseFactories, type TestDatabase } from '../support/databases.js';

describe.each(databaseFactories())('migration 0005 on existing rows (%s)', (_name, factory) => {
  let database: TestDatabase | undefined;

  afterEach(async () => {
    await database?.drop();
  });

  it('gives each call to its oldest parade, keeps sole holders proved and listed, and reads old reasons by their words', async () => {
    database = await factory();
    const handle = openDatabase(database.url);
    try {
      const migrator = new Migrator({ db: handle.db, provider: { getMigrations: async () => migrations } });
      expect((await migrator.migrateTo('0003_serving')).error).toBeUndefined();
      // biome-ignore lint/suspicious/noExplicitAny: the schema as it was before 0005
      const db = handle.db as any;
      const parade = (slug: string, call: string, at: string) => ({
        slug,
        title: slug,
        call_url: `https://${call}/`,
        call_url_normalized: `https://${call}`,
        lang: 'de',
        status: 'open',
        admin_token_hash: 'x',
        created_at: at,
        updated_at: at,
      });
      await db
        .insertInto('parades')
        .values([
          parade('erste', 'geteilt.example/aufruf', '2026-01-01T00:00:00.000Z'),
          parade('zweite', 'geteilt.example/aufruf', '2026-01-02T00:00:00.000Z'),
          parade('allein', 'allein.example/aufruf', '2026-01-03T00:00:00.000Z'),
        ])
        .execute();
      const { id } = await db
        .selectFrom('parades')
        .select('id')
        .where('slug', '=', 'allein')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('entries')
        .values({
          parade_id: id,
          url: 'https://a.example/p',
          normalized_url: 'https://a.example/p',
          host: 'a.example',
          status: 'pending',
          reason: 'not fetched yet: the server refused the connection; retrying (attempt 1 of 5)',
          attempts: 1,
          next_check_at: '2026-01-03T00:00:00.000Z',
          created_at: '2026-01-03T00:00:00.000Z',
          updated_at: '2026-01-03T00:00:00.000Z',
        })
        .execute();
      expect((await migrator.migrateToLatest()).error).toBeUndefined();

      const rows = await handle.db
        .selectFrom('parades')
        .select(['slug', 'call_key', 'call_verified_at', 'approved_at'])
        .orderBy('id')
        .execute();
      expect(rows).toEqual([
        {
          slug: 'erste',
          call_key: 'https://geteilt.example/aufruf',
          call_verified_at: null,
          approved_at: '2026-01-01T00:00:00.000Z',
        },
        { slug: 'zweite', call_key: null, call_verified_at: null, approved_at: '2026-01-02T00:00:00.000Z' },
        {
          slug: 'allein',
          call_key: 'https://allein.example/aufruf',
          call_verified_at: '2026-01-03T00:00:00.000Z',
          approved_at: '2026-01-03T00:00:00.000Z',
        },
      ]);
      const entry = await handle.db.selectFrom('entries').selectAll().executeTakeFirstOrThrow();
      expect(entry.reason_code).toBe('');
      expect(entryReason(entry).code).toBe('entry.retrying');
      expect(renderReason(entryReason(entry), 'de')).toBe(
        'noch nicht abgerufen: der Server lehnte die Verbindung ab; neuer Versuch folgt (Versuch 1 von 5)',
      );
      // A second parade for a held call is refused by the database itself.
      await expect(
        handle.db
          .insertInto('parades')
          .values({
            ...parade('dritte', 'geteilt.example/aufruf', '2026-01-04T00:00:00.000Z'),
            call_key: 'https://geteilt.example/aufruf',
          })
          .execute(),
      ).rejects.toThrow();
    } finally {
      await handle.close();
    }
  });
});
