import type { Kysely, Transaction } from 'kysely';
import type { Database, NewParadeRow, ParadeRow } from '../../db/schema.js';

/** A parade as the store returns it. */
export type Parade = ParadeRow;

export async function insertParade(db: Kysely<Database>, row: NewParadeRow): Promise<ParadeRow> {
  return db.insertInto('parades').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findParadeBySlug(db: Kysely<Database>, slug: string): Promise<ParadeRow | undefined> {
  return db.selectFrom('parades').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function findParadeById(db: Kysely<Database>, id: number): Promise<ParadeRow | undefined> {
  return db.selectFrom('parades').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function slugExists(db: Kysely<Database>, slug: string): Promise<boolean> {
  const row = await db.selectFrom('parades').select('id').where('slug', '=', slug).executeTakeFirst();
  return row !== undefined;
}

export interface ParadeSummary extends ParadeRow {
  liveCount: number;
}

export async function listParades(db: Kysely<Database>): Promise<ParadeSummary[]> {
  const rows = await db
    .selectFrom('parades')
    .leftJoin('entries', (join) =>
      join.onRef('entries.parade_id', '=', 'parades.id').on('entries.status', '=', 'live'),
    )
    .selectAll('parades')
    .select((eb) => eb.fn.count<string | number>('entries.id').as('live_count'))
    .groupBy('parades.id')
    .orderBy('parades.created_at', 'desc')
    .execute();
  return rows.map(({ live_count, ...parade }) => ({ ...parade, liveCount: Number(live_count) }));
}

export async function findParadeByCallUrl(
  db: Kysely<Database>,
  normalized: string,
): Promise<ParadeRow | undefined> {
  return db
    .selectFrom('parades')
    .selectAll()
    .where('call_url_normalized', '=', normalized)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export async function listAllParades(db: Kysely<Database>): Promise<ParadeRow[]> {
  return db.selectFrom('parades').selectAll().orderBy('id').execute();
}

/**
 * Records a change readers can see: rendered pages of the parade (and the site-wide ones, which sum
 * every parade's counter) are stale from now on. Call it inside the transaction that made the change.
 */
export async function bumpParade(
  db: Kysely<Database> | Transaction<Database>,
  paradeId: number,
  now: string,
): Promise<void> {
  await db
    .updateTable('parades')
    .set((eb) => ({ change_seq: eb('change_seq', '+', 1), changed_at: now }))
    .where('id', '=', paradeId)
    .execute();
}

/** The host's own opening for the round-up (null: korso writes one). */
export async function updateRoundupIntro(
  db: Kysely<Database>,
  paradeId: number,
  intro: string | null,
  now: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('parades')
      .set({ roundup_intro: intro, updated_at: now })
      .where('id', '=', paradeId)
      .execute();
    await bumpParade(trx, paradeId, now);
  });
}
