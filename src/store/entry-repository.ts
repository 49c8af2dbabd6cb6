import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, EntryRow, EntryUpdate } from '../../db/schema.js';
import { bumpParade } from './parade-repository.js';

/** An entry as the store returns it, and the fields a crawl outcome may change. */
export type Entry = EntryRow;
export type EntryChanges = EntryUpdate;

export type EntryStatus = 'pending' | 'live' | 'unverified' | 'failing' | 'gone' | 'rejected';
/** How an entry reached korso. */
export type Road =
  | 'registration'
  | 'api'
  | 'cli'
  | 'demo'
  | 'webmention'
  | 'pingback'
  | 'call-pingback'
  | 'call-comment'
  | 'blog-feed';

export interface StoredList {
  ordered: boolean;
  intro: string | null;
  items: { text: string; html: string }[];
  /** A nested list names the list (position in the entry) and the item it sits under. */
  parent?: { list: number; item: number } | null;
}

export interface EntryWithLists extends EntryRow {
  lists: StoredList[];
  roads: string[];
}

export interface NewEntry {
  paradeId: number;
  url: string;
  normalizedUrl: string;
  road: Road;
  detail?: string | null;
  now: string;
}

/** Idempotent: a known URL only gains the road it came by. */
export async function addEntry(
  db: Kysely<Database>,
  input: NewEntry,
): Promise<{ entry: EntryRow; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('entries')
      .values({
        parade_id: input.paradeId,
        url: input.url,
        normalized_url: input.normalizedUrl,
        host: new URL(input.url).host.toLowerCase(),
        status: 'pending',
        reason: 'waiting for the first fetch',
        reason_code: 'entry.waiting',
        attempts: 0,
        next_check_at: input.now,
        created_at: input.now,
        updated_at: input.now,
      })
      .onConflict((oc) => oc.columns(['parade_id', 'normalized_url']).doNothing())
      .returning('id')
      .executeTakeFirst();
    const entry = await trx
      .selectFrom('entries')
      .selectAll()
      .where('parade_id', '=', input.paradeId)
      .where('normalized_url', '=', input.normalizedUrl)
      .executeTakeFirstOrThrow();
    if (inserted) await bumpParade(trx, input.paradeId, input.now);
    await trx
      .insertInto('entry_sources')
      .values({
        entry_id: entry.id,
        parade_id: input.paradeId,
        road: input.road,
        detail: input.detail ?? null,
        created_at: input.now,
      })
      .onConflict((oc) => oc.columns(['entry_id', 'road']).doNothing())
      .execute();
    return { entry, created: inserted !== undefined };
  });
}

export interface ClaimOptions {
  owner: string;
  now: string;
  leaseUntil: string;
  limit: number;
  paradeId?: number;
}

/**
 * Leases due entries to one worker, round-robin across hosts (the first due entry of every host,
 * then the second …) so one big blog cannot starve the others; at equal rank, hosts free now come
 * before hosts another worker is fetching from or that are pausing, and hosts that asked korso to stay
 * away (Retry-After) wait until then. One UPDATE statement: on SQLite it holds the write lock
 * throughout; on PostgreSQL FOR UPDATE SKIP LOCKED lets workers pass each other, and the due
 * conditions on `e` are re-checked against the row as it is once locked.
 */
export async function claimDueEntries(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
  opts: ClaimOptions,
): Promise<EntryRow[]> {
  let ranked = db
    .selectFrom('entries')
    .select([
      'id',
      sql<number>`row_number() over (partition by host order by next_check_at, id)`.as('host_rank'),
    ])
    .where('next_check_at', '<=', opts.now)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', opts.now)]))
    .where('status', '!=', 'rejected');
  if (opts.paradeId !== undefined) ranked = ranked.where('parade_id', '=', opts.paradeId);
  let due = db
    .selectFrom('entries as e')
    .innerJoin(ranked.as('r'), 'r.id', 'e.id')
    .leftJoin('hosts as h', 'h.host', 'e.host')
    .select('e.id')
    .where('e.next_check_at', '<=', opts.now)
    .where((eb) => eb.or([eb('e.lease_until', 'is', null), eb('e.lease_until', '<', opts.now)]))
    .where((eb) => eb.or([eb('h.retry_after', 'is', null), eb('h.retry_after', '<=', opts.now)]))
    .orderBy('r.host_rank')
    .orderBy(sql`case when h.next_allowed_at is null or h.next_allowed_at <= ${opts.now} then 0 else 1 end`)
    .orderBy('e.next_check_at')
    .limit(opts.limit);
  if (dialect === 'postgres') due = due.forUpdate('e').skipLocked();
  return db
    .updateTable('entries')
    .set({ lease_owner: opts.owner, lease_until: opts.leaseUntil })
    .where('id', 'in', due)
    .returningAll()
    .execute();
}

/** Keeps the leases of entries still in flight (a live worker's heartbeat); returns how many it holds. */
export async function extendLeases(
  db: Kysely<Database>,
  owner: string,
  ids: number[],
  leaseUntil: string,
): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable('entries')
    .set({ lease_until: leaseUntil })
    .where('lease_owner', '=', owner)
    .where('id', 'in', ids)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function releaseLeases(db: Kysely<Database>, owner: string, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('entries')
    .set({ lease_owner: null, lease_until: null })
    .where('lease_owner', '=', owner)
    .where('id', 'in', ids)
    .execute();
}

/**
 * Stores one crawl outcome; with `lists`, replaces the entry's lists in the same transaction. `visible`
 * says readers can see the difference (status, content), which makes the parade's pages stale.
 */
export async function saveEntryOutcome(
  db: Kysely<Database>,
  entryId: number,
  owner: string,
  update: EntryUpdate,
  lists?: StoredList[],
  visible = true,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const saved = await trx
      .updateTable('entries')
      .set({ ...update, lease_owner: null, lease_until: null })
      .where('id', '=', entryId)
      .where((eb) => eb.or([eb('lease_owner', '=', owner), eb('lease_owner', 'is', null)]))
      .returning(['parade_id', 'updated_at'])
      .executeTakeFirst();
    // Lease lost (expired and taken over): the other worker's result wins.
    if (!saved) return false;
    if (lists) await replaceLists(trx, entryId, lists);
    if (visible || lists) await bumpParade(trx, saved.parade_id, saved.updated_at);
    return true;
  });
}

async function replaceLists(trx: Transaction<Database>, entryId: number, lists: StoredList[]): Promise<void> {
  await trx.deleteFrom('entry_lists').where('entry_id', '=', entryId).execute();
  const itemCount = lists.reduce((n, l) => n + l.items.length, 0);
  await trx.updateTable('entries').set({ item_count: itemCount }).where('id', '=', entryId).execute();
  for (const [position, list] of lists.entries()) {
    const { id } = await trx
      .insertInto('entry_lists')
      .values({
        entry_id: entryId,
        position,
        ordered: list.ordered ? 1 : 0,
        intro: list.intro,
        parent_position: list.parent?.list ?? null,
        parent_item: list.parent?.item ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (list.items.length === 0) continue;
    await trx
      .insertInto('list_items')
      .values(list.items.map((item, i) => ({ list_id: id, position: i, text: item.text, html: item.html })))
      .execute();
  }
}

export async function findEntry(db: Kysely<Database>, id: number): Promise<EntryRow | undefined> {
  return db.selectFrom('entries').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findEntryByUrl(
  db: Kysely<Database>,
  paradeId: number,
  normalizedUrl: string,
): Promise<EntryRow | undefined> {
  return db
    .selectFrom('entries')
    .selectAll()
    .where('parade_id', '=', paradeId)
    .where('normalized_url', '=', normalizedUrl)
    .executeTakeFirst();
}

export interface ListEntriesOptions {
  statuses?: EntryStatus[];
  limit?: number;
}

/** Entries of a parade, newest published first, with their lists and roads. */
export async function listEntries(
  db: Kysely<Database>,
  paradeId: number,
  opts: ListEntriesOptions = {},
): Promise<EntryWithLists[]> {
  let query = db
    .selectFrom('entries')
    .selectAll()
    .where('parade_id', '=', paradeId)
    .orderBy(sql`coalesce(published, created_at)`, 'desc')
    .orderBy('id', 'desc');
  if (opts.statuses) query = query.where('status', 'in', opts.statuses);
  if (opts.limit) query = query.limit(opts.limit);
  const entries = await query.execute();
  return attachListsAndRoads(db, entries);
}

export async function listEntriesByIds(db: Kysely<Database>, ids: number[]): Promise<EntryWithLists[]> {
  if (ids.length === 0) return [];
  const entries = await db.selectFrom('entries').selectAll().where('id', 'in', ids).orderBy('id').execute();
  return attachListsAndRoads(db, entries);
}

async function attachListsAndRoads(db: Kysely<Database>, entries: EntryRow[]): Promise<EntryWithLists[]> {
  if (entries.length === 0) return [];
  const ids = entries.map((e) => e.id);
  const lists = await db
    .selectFrom('entry_lists')
    .selectAll()
    .where('entry_id', 'in', ids)
    .orderBy('entry_id')
    .orderBy('position')
    .execute();
  const items = lists.length
    ? await db
        .selectFrom('list_items')
        .selectAll()
        .where(
          'list_id',
          'in',
          lists.map((l) => l.id),
        )
        .orderBy('list_id')
        .orderBy('position')
        .execute()
    : [];
  const sources = await db
    .selectFrom('entry_sources')
    .selectAll()
    .where('entry_id', 'in', ids)
    .orderBy('created_at')
    .execute();

  const itemsByList = groupBy(items, (i) => i.list_id);
  const listsByEntry = groupBy(lists, (l) => l.entry_id);
  const roadsByEntry = groupBy(sources, (s) => s.entry_id);
  return entries.map((entry) => ({
    ...entry,
    lists: (listsByEntry.get(entry.id) ?? []).map((l) => ({
      ordered: l.ordered === 1,
      intro: l.intro,
      parent:
        l.parent_position !== null && l.parent_item !== null
          ? { list: l.parent_position, item: l.parent_item }
          : null,
      items: (itemsByList.get(l.id) ?? []).map((i) => ({ text: i.text, html: i.html })),
    })),
    roads: (roadsByEntry.get(entry.id) ?? []).map((s) => s.road),
  }));
}

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const bucket = map.get(k);
    if (bucket) bucket.push(row);
    else map.set(k, [row]);
  }
  return map;
}

export async function countEntriesByStatus(
  db: Kysely<Database>,
  paradeId: number,
): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('entries')
    .select(['status', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('parade_id', '=', paradeId)
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** The host's decision; the crawler keeps it on later checks. */
export async function moderateEntry(
  db: Kysely<Database>,
  entryId: number,
  decision: 'approved' | 'rejected',
  now: string,
): Promise<void> {
  const status: EntryStatus = decision === 'approved' ? 'live' : 'rejected';
  const reason = decision === 'approved' ? 'approved by the host' : 'rejected by the host';
  const code = decision === 'approved' ? 'entry.approved' : 'entry.rejected';
  await db.transaction().execute(async (trx) => {
    const entry = await trx
      .updateTable('entries')
      .set({ status, reason, reason_code: code, reason_params: null, moderation: decision, updated_at: now })
      .where('id', '=', entryId)
      .returning('parade_id')
      .executeTakeFirst();
    if (entry) await bumpParade(trx, entry.parade_id, now);
  });
}

/** How many entries of a parade came by each road (an entry found twice counts on both). */
/** Entries of a parade per road: one range of the (parade_id, road) index (0008). */
export function roadCountsQuery(db: Kysely<Database>, paradeId: number) {
  return db
    .selectFrom('entry_sources')
    .select(['road', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('parade_id', '=', paradeId)
    .groupBy('road');
}

export async function countEntriesByRoad(
  db: Kysely<Database>,
  paradeId: number,
): Promise<Record<string, number>> {
  const rows = await roadCountsQuery(db, paradeId).execute();
  return Object.fromEntries(rows.map((r) => [r.road, Number(r.n)]));
}

/** Due again now: a repeated mention or a fresh registration asks for a prompt re-check. */
export async function markEntryDue(db: Kysely<Database>, entryId: number, now: string): Promise<void> {
  await db
    .updateTable('entries')
    .set({ next_check_at: now, updated_at: now })
    .where('id', '=', entryId)
    .execute();
}
