import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export async function insertSession(
  db: Kysely<Database>,
  row: { keyHash: string; paradeId: number; now: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('admin_sessions')
    .values({
      key_hash: row.keyHash,
      parade_id: row.paradeId,
      created_at: row.now,
      expires_at: row.expiresAt,
    })
    .execute();
}

/** The parade a live session belongs to, or undefined (unknown, expired, or ended by a rotation). */
export async function sessionParade(
  db: Kysely<Database>,
  keyHash: string,
  now: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('admin_sessions')
    .select('parade_id')
    .where('key_hash', '=', keyHash)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row?.parade_id;
}

export async function deleteSession(db: Kysely<Database>, keyHash: string): Promise<void> {
  await db.deleteFrom('admin_sessions').where('key_hash', '=', keyHash).execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: string): Promise<void> {
  await db.deleteFrom('admin_sessions').where('expires_at', '<=', now).execute();
}
