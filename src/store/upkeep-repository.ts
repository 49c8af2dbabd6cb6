import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import { bumpParade } from './parade-repository.js';

/**
 * Marks every parade whose deadline has passed and was not marked yet, and bumps each one's change
 * counter in the same transaction (its pages and feeds show it closed; late entries are still taken,
 * and marked late). Safe to run twice: a marked parade is not marked again.
 */
export async function markDeadlinesPassed(
  db: Kysely<Database>,
  now: string,
): Promise<{ id: number; slug: string }[]> {
  return db.transaction().execute(async (trx) => {
    const closed = await trx
      .updateTable('parades')
      .set({ deadline_passed_at: now, updated_at: now })
      .where('deadline', 'is not', null)
      .where('deadline', '<=', now)
      .where('deadline_passed_at', 'is', null)
      .returning(['id', 'slug'])
      .execute();
    for (const parade of closed) await bumpParade(trx, parade.id, now);
    return closed;
  });
}

/**
 * Drops rendered pages no reader can be served any more: a parade's pages rendered for an older
 * change counter (or for a parade that is gone), site-wide pages (scope 0) rendered for an older sum
 * of every parade's counter, and pages whose text went stale by time.
 */
export async function pruneRenderedPages(db: Kysely<Database>, now: string): Promise<number> {
  const result = await db
    .deleteFrom('rendered_pages')
    .where((eb) =>
      eb.or([
        eb('valid_until', '<', now),
        eb.and([
          eb('scope_id', '<>', 0),
          eb.not(
            eb.exists(
              eb
                .selectFrom('parades')
                .select('parades.id')
                .whereRef('parades.id', '=', 'rendered_pages.scope_id')
                .whereRef('parades.change_seq', '<=', 'rendered_pages.seq'),
            ),
          ),
        ]),
        eb.and([
          eb('scope_id', '=', 0),
          eb(
            'seq',
            '<',
            eb
              .selectFrom('parades')
              .select((s) => s.fn.coalesce(s.fn.sum<number>('change_seq'), sql<number>`0`).as('total')),
          ),
        ]),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Keeps the newest `keep` discovery runs of each parade. */
export async function pruneDiscoveryRuns(db: Kysely<Database>, keep: number): Promise<number> {
  const ranked = db
    .selectFrom('discovery_runs')
    .select([
      'id',
      sql<number>`row_number() over (partition by parade_id order by started_at desc, id desc)`.as('place'),
    ]);
  const old = db.selectFrom(ranked.as('r')).select('r.id').where('r.place', '>', keep);
  const result = await db.deleteFrom('discovery_runs').where('id', 'in', old).executeTakeFirst();
  return Number(result.numDeletedRows);
}
