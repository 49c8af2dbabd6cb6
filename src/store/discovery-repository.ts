import { type Kysely, sql } from 'kysely';
import type { Database, DiscoveryPageRow, DiscoveryRunRow, DiscoverySourceRow } from '../../db/schema.js';

export type DiscoverySource = DiscoverySourceRow;
export type DiscoveryRun = DiscoveryRunRow;
export type DiscoveryPage = DiscoveryPageRow;

export type SourceKind = 'call' | 'blog';

/** Idempotent: a known source keeps its state. */
export async function addDiscoverySource(
  db: Kysely<Database>,
  input: { paradeId: number; kind: SourceKind; url: string; foundVia: string; now: string },
): Promise<{ source: DiscoverySourceRow; created: boolean }> {
  const inserted = await db
    .insertInto('discovery_sources')
    .values({
      parade_id: input.paradeId,
      kind: input.kind,
      url: input.url,
      found_via: input.foundVia,
      failures: 0,
      candidates: 0,
      next_run_at: input.now,
      created_at: input.now,
    })
    .onConflict((oc) => oc.columns(['parade_id', 'kind', 'url']).doNothing())
    .returning('id')
    .executeTakeFirst();
  const source = await db
    .selectFrom('discovery_sources')
    .selectAll()
    .where('parade_id', '=', input.paradeId)
    .where('kind', '=', input.kind)
    .where('url', '=', input.url)
    .executeTakeFirstOrThrow();
  return { source, created: inserted !== undefined };
}

export async function dueDiscoverySources(
  db: Kysely<Database>,
  paradeId: number,
  now: string,
): Promise<DiscoverySourceRow[]> {
  return db
    .selectFrom('discovery_sources')
    .selectAll()
    .where('parade_id', '=', paradeId)
    .where('next_run_at', '<=', now)
    .orderBy('kind')
    .orderBy('id')
    .execute();
}

/**
 * The sources a host looks at first, at most `limit`: the call, then those whose last run failed,
 * then the most recently read; and how many there are in all (a large parade has one per blog).
 */
/** The call, then failing sources, then the most recently read: the first rows of one index (0008). */
export function dashboardSourcesQuery(db: Kysely<Database>, paradeId: number, limit: number) {
  return db
    .selectFrom('discovery_sources')
    .selectAll()
    .where('parade_id', '=', paradeId)
    .orderBy(sql`case when kind = 'call' then 0 when last_error is not null then 1 else 2 end`)
    .orderBy('last_run_at', 'desc')
    .orderBy('id')
    .limit(limit);
}

export async function dashboardSources(
  db: Kysely<Database>,
  paradeId: number,
  limit: number,
): Promise<{ sources: DiscoverySourceRow[]; total: number }> {
  const [sources, total] = await Promise.all([
    dashboardSourcesQuery(db, paradeId, limit).execute(),
    db
      .selectFrom('discovery_sources')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('parade_id', '=', paradeId)
      .executeTakeFirstOrThrow(),
  ]);
  return { sources, total: Number(total.n) };
}

export async function listDiscoverySources(
  db: Kysely<Database>,
  paradeId: number,
): Promise<DiscoverySourceRow[]> {
  return db
    .selectFrom('discovery_sources')
    .selectAll()
    .where('parade_id', '=', paradeId)
    .orderBy('id')
    .execute();
}

export async function updateDiscoverySource(
  db: Kysely<Database>,
  id: number,
  update: Partial<Omit<DiscoverySourceRow, 'id' | 'parade_id' | 'kind' | 'url'>>,
): Promise<void> {
  await db.updateTable('discovery_sources').set(update).where('id', '=', id).execute();
}

/** The call source of a parade, once discovery has run for it. */
export async function findCallSource(
  db: Kysely<Database>,
  paradeId: number,
): Promise<DiscoverySourceRow | undefined> {
  return db
    .selectFrom('discovery_sources')
    .selectAll()
    .where('parade_id', '=', paradeId)
    .where('kind', '=', 'call')
    .orderBy('id')
    .executeTakeFirst();
}

/** The keys among `keys` that the source has not seen yet (nothing is marked). */
export async function unseenItemKeys(
  db: Kysely<Database>,
  sourceId: number,
  keys: string[],
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const known = await db
    .selectFrom('seen_items')
    .select('item_key')
    .where('source_id', '=', sourceId)
    .where('item_key', 'in', keys)
    .execute();
  const seen = new Set(known.map((k) => k.item_key));
  return new Set(keys.filter((k) => !seen.has(k)));
}

/** Marks feed items as seen; returns the keys that were new. */
export async function markItemsSeen(
  db: Kysely<Database>,
  sourceId: number,
  keys: string[],
  now: string,
): Promise<Set<string>> {
  const fresh = [...(await unseenItemKeys(db, sourceId, keys))];
  if (fresh.length) {
    await db
      .insertInto('seen_items')
      .values(fresh.map((item_key) => ({ source_id: sourceId, item_key, first_seen_at: now })))
      .onConflict((oc) => oc.columns(['source_id', 'item_key']).doNothing())
      .execute();
  }
  return new Set(fresh);
}

export async function startDiscoveryRun(
  db: Kysely<Database>,
  paradeId: number,
  now: string,
): Promise<number> {
  const { id } = await db
    .insertInto('discovery_runs')
    .values({
      parade_id: paradeId,
      started_at: now,
      sources: 0,
      failed_sources: 0,
      candidates: 0,
      new_entries: 0,
      summary: '',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function finishDiscoveryRun(
  db: Kysely<Database>,
  id: number,
  result: Pick<
    DiscoveryRunRow,
    | 'sources'
    | 'failed_sources'
    | 'candidates'
    | 'new_entries'
    | 'summary'
    | 'items'
    | 'window_candidates'
    | 'deferred'
    | 'pages'
  > & {
    finished_at: string;
  },
): Promise<void> {
  await db.updateTable('discovery_runs').set(result).where('id', '=', id).execute();
}

export async function lastDiscoveryRun(
  db: Kysely<Database>,
  paradeId: number,
): Promise<DiscoveryRunRow | undefined> {
  return db
    .selectFrom('discovery_runs')
    .selectAll()
    .where('parade_id', '=', paradeId)
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** Optimistic claim: only the worker whose update sees the old next_run_at processes the source. */
export async function claimDiscoverySource(
  db: Kysely<Database>,
  source: DiscoverySourceRow,
  leaseUntil: string,
): Promise<boolean> {
  const result = await db
    .updateTable('discovery_sources')
    .set({ next_run_at: leaseUntil })
    .where('id', '=', source.id)
    .where('next_run_at', '=', source.next_run_at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The known pages of a source's comment area, oldest first (unnumbered ones last). */
export async function listDiscoveryPages(
  db: Kysely<Database>,
  sourceId: number,
): Promise<DiscoveryPageRow[]> {
  const rows = await db.selectFrom('discovery_pages').selectAll().where('source_id', '=', sourceId).execute();
  return rows.sort(
    (a, b) =>
      (a.position ?? Number.MAX_SAFE_INTEGER) - (b.position ?? Number.MAX_SAFE_INTEGER) ||
      a.url.localeCompare(b.url),
  );
}

/** Idempotent: pages learned from a link are remembered, unread, until a pass reads them. */
export async function addDiscoveryPage(db: Kysely<Database>, page: DiscoveryPageRow): Promise<void> {
  await db
    .insertInto('discovery_pages')
    .values(page)
    .onConflict((oc) => oc.columns(['source_id', 'url']).doNothing())
    .execute();
}

/** Records one read of a page: its validators, number, comment count and whether it is complete. */
export async function saveDiscoveryPage(db: Kysely<Database>, page: DiscoveryPageRow): Promise<void> {
  const { source_id, url, created_at, ...read } = page;
  await db
    .insertInto('discovery_pages')
    .values(page)
    .onConflict((oc) => oc.columns(['source_id', 'url']).doUpdateSet(read))
    .execute();
}

export async function removeDiscoveryPage(
  db: Kysely<Database>,
  sourceId: number,
  url: string,
): Promise<void> {
  await db.deleteFrom('discovery_pages').where('source_id', '=', sourceId).where('url', '=', url).execute();
}
