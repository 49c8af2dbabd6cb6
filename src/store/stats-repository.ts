import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export interface ServiceStats {
  parades: number;
  entriesByStatus: Record<string, number>;
  entriesByRoad: Record<string, number>;
  dueEntries: number;
  /** next_check_at of the oldest due entry, for the queue's lag. */
  oldestDueAt: string | null;
  sourcesFailing: number;
  sourcesTotal: number;
  mentionsByKind: Record<string, number>;
}

function tally(rows: { key: string; n: string | number | bigint }[]): Record<string, number> {
  return Object.fromEntries(rows.map((r) => [r.key, Number(r.n)]));
}

/** Counts across every parade, for /metrics. */
export async function serviceStats(db: Kysely<Database>, now: string): Promise<ServiceStats> {
  const [parades, byStatus, byRoad, due, sources, mentions] = await Promise.all([
    db
      .selectFrom('parades')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('entries')
      .select(['status as key', (eb) => eb.fn.countAll<string | number>().as('n')])
      .groupBy('status')
      .execute(),
    db
      .selectFrom('entry_sources')
      .select(['road as key', (eb) => eb.fn.countAll<string | number>().as('n')])
      .groupBy('road')
      .execute(),
    db
      .selectFrom('entries')
      .select([
        (eb) => eb.fn.countAll<string | number>().as('n'),
        (eb) => eb.fn.min('next_check_at').as('oldest'),
      ])
      .where('next_check_at', '<=', now)
      .where('status', '!=', 'rejected')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('discovery_sources')
      .select([
        (eb) => eb.fn.countAll<string | number>().as('total'),
        (eb) => eb.fn.count<string | number>('last_error').as('failing'),
      ])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('mentions')
      .select(['kind as key', (eb) => eb.fn.countAll<string | number>().as('n')])
      .groupBy('kind')
      .execute(),
  ]);
  return {
    parades: Number(parades.n),
    entriesByStatus: tally(byStatus),
    entriesByRoad: tally(byRoad),
    dueEntries: Number(due.n),
    oldestDueAt: due.oldest ?? null,
    sourcesFailing: Number(sources.failing),
    sourcesTotal: Number(sources.total),
    mentionsByKind: tally(mentions),
  };
}
