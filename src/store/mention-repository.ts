import type { Kysely } from 'kysely';
import type { Database, MentionRow } from '../../db/schema.js';

export type MentionKind = 'webmention' | 'pingback';

/** One row per parade, kind and source; a repeated mention counts up instead of adding a row. */
export async function recordMention(
  db: Kysely<Database>,
  input: {
    token: string;
    paradeId: number;
    kind: MentionKind;
    source: string;
    target: string;
    client: string | null;
    now: string;
  },
): Promise<{ mention: MentionRow; repeated: boolean }> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('mentions')
      .selectAll()
      .where('parade_id', '=', input.paradeId)
      .where('kind', '=', input.kind)
      .where('source', '=', input.source)
      .executeTakeFirst();
    if (existing) {
      const mention = await trx
        .updateTable('mentions')
        .set({ received_count: existing.received_count + 1, target: input.target, updated_at: input.now })
        .where('id', '=', existing.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return { mention, repeated: true };
    }
    const mention = await trx
      .insertInto('mentions')
      .values({
        token: input.token,
        parade_id: input.paradeId,
        kind: input.kind,
        source: input.source,
        target: input.target,
        client: input.client,
        received_count: 1,
        created_at: input.now,
        updated_at: input.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { mention, repeated: false };
  });
}

export async function linkMentionToEntry(
  db: Kysely<Database>,
  mentionId: number,
  entryId: number,
): Promise<void> {
  await db.updateTable('mentions').set({ entry_id: entryId }).where('id', '=', mentionId).execute();
}

export async function findMentionByToken(
  db: Kysely<Database>,
  token: string,
): Promise<MentionRow | undefined> {
  return db.selectFrom('mentions').selectAll().where('token', '=', token).executeTakeFirst();
}

export async function findMention(
  db: Kysely<Database>,
  paradeId: number,
  kind: MentionKind,
  source: string,
): Promise<MentionRow | undefined> {
  return db
    .selectFrom('mentions')
    .selectAll()
    .where('parade_id', '=', paradeId)
    .where('kind', '=', kind)
    .where('source', '=', source)
    .executeTakeFirst();
}
