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

/** Listed in the directory: the call page named the parade, and the operator let it in (or needs not). */
export function isListed(parade: Pick<ParadeRow, 'call_verified_at' | 'approved_at'>): boolean {
  return parade.call_verified_at !== null && parade.approved_at !== null;
}

/** The parade that holds a call (one per call). */
export async function findParadeByCallUrl(
  db: Kysely<Database>,
  normalized: string,
): Promise<ParadeRow | undefined> {
  return db.selectFrom('parades').selectAll().where('call_key', '=', normalized).executeTakeFirst();
}

export async function recordCallCheck(
  db: Kysely<Database>,
  paradeId: number,
  check: { verifiedAt: string | null; checkedAt: string; code: string; params: string | null },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('parades')
      .select('call_verified_at')
      .where('id', '=', paradeId)
      .executeTakeFirst();
    await trx
      .updateTable('parades')
      .set({
        call_verified_at: check.verifiedAt,
        call_checked_at: check.checkedAt,
        call_check_code: check.code,
        call_check_params: check.params,
      })
      .where('id', '=', paradeId)
      .execute();
    // Verification lists the parade in the directory: a change readers see.
    if (before && before.call_verified_at !== check.verifiedAt)
      await bumpParade(trx, paradeId, check.checkedAt);
  });
}

/** A new admin token: the old one and every session opened with it end at once. */
export async function replaceAdminToken(
  db: Kysely<Database>,
  paradeId: number,
  tokenHash: string,
  now: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('parades')
      .set({ admin_token_hash: tokenHash, updated_at: now })
      .where('id', '=', paradeId)
      .execute();
    await trx.deleteFrom('admin_sessions').where('parade_id', '=', paradeId).execute();
  });
}

/** The host closes (or reopens) the parade: no more registrations; readers see it closed. */
export async function setParadeClosed(
  db: Kysely<Database>,
  paradeId: number,
  closed: boolean,
  now: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('parades')
      .set({ closed_at: closed ? now : null, updated_at: now })
      .where('id', '=', paradeId)
      .execute();
    await bumpParade(trx, paradeId, now);
  });
}

/** The operator lets a parade into the directory (KORSO_NEW_PARADES=review). */
export async function approveParade(db: Kysely<Database>, paradeId: number, now: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('parades')
      .set({ approved_at: now, updated_at: now })
      .where('id', '=', paradeId)
      .execute();
    await bumpParade(trx, paradeId, now);
  });
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

/** The parade's own words and dates, as the host may change them. */
export type ParadeDetails = Partial<
  Pick<ParadeRow, 'title' | 'prompt' | 'hashtag' | 'host_name' | 'description' | 'deadline' | 'lang' | 'time_zone'>
>;

/**
 * The host changes what the parade says about itself. A deadline moved into the future opens the
 * parade again (the deadline job marks it anew when that deadline passes); one moved into the past
 * is marked passed at once.
 */
export async function updateParadeDetails(
  db: Kysely<Database>,
  paradeId: number,
  details: ParadeDetails,
  now: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const passed =
      details.deadline === undefined
        ? {}
        : { deadline_passed_at: details.deadline !== null && details.deadline <= now ? now : null };
    await trx
      .updateTable('parades')
      .set({ ...details, ...passed, updated_at: now })
      .where('id', '=', paradeId)
      .execute();
    await bumpParade(trx, paradeId, now);
  });
}
