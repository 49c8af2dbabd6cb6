import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { EntryStatus, StoredList } from './entry-repository.js';
import type { Parade } from './parade-repository.js';

// Reads for pages, feeds and API documents. Each costs a fixed number of queries whatever the
// parade's size: never one query per entry, and never a bound parameter per entry of the parade
// (only per entry of one page).

/** Newest first: the post's own date, else when korso first saw it (entries_parade_order_idx). */
const SORT_AT = sql<string>`coalesce(published, created_at)`;

/** What a compact row, a feed item or an API entry needs: no stored article HTML. */
export interface EntrySummary {
  id: number;
  url: string;
  status: string;
  reason: string;
  reason_code: string;
  reason_params: string | null;
  title: string | null;
  author: string | null;
  published: string | null;
  excerpt: string | null;
  site_name: string | null;
  feed_url: string | null;
  item_count: number;
  backlink: string | null;
  canonical_url: string | null;
  created_at: string;
  updated_at: string;
  last_fetched_at: string | null;
  last_success_at: string | null;
  last_changed_at: string | null;
  sort_at: string;
}

export interface EntryWithListsSummary extends EntrySummary {
  lists: StoredList[];
}

/** Where a keyset page starts: after this entry in newest-first order. */
export interface EntryCursor {
  sortAt: string;
  id: number;
}

function summaries(db: Kysely<Database>, paradeId: number) {
  return db
    .selectFrom('entries')
    .select([
      'id',
      'url',
      'status',
      'reason',
      'reason_code',
      'reason_params',
      'title',
      'author',
      'published',
      'excerpt',
      'site_name',
      'feed_url',
      'item_count',
      'backlink',
      'canonical_url',
      'created_at',
      'updated_at',
      'last_fetched_at',
      'last_success_at',
      'last_changed_at',
      SORT_AT.as('sort_at'),
    ])
    .where('parade_id', '=', paradeId);
}

/** One page of a parade's entries in the given statuses, newest first, by offset. */
export async function entryPage(
  db: Kysely<Database>,
  paradeId: number,
  statuses: EntryStatus[],
  page: { limit: number; offset: number },
): Promise<EntrySummary[]> {
  return summaries(db, paradeId)
    .where('status', 'in', statuses)
    .orderBy(SORT_AT, 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

/** One page of entries after a cursor (stable while entries arrive); all statuses when none are given. */
export async function entryPageAfter(
  db: Kysely<Database>,
  paradeId: number,
  statuses: EntryStatus[] | null,
  after: EntryCursor | null,
  limit: number,
): Promise<EntrySummary[]> {
  let query = summaries(db, paradeId);
  if (statuses) query = query.where('status', 'in', statuses);
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb(SORT_AT, '<', after.sortAt),
        eb.and([eb(SORT_AT, '=', after.sortAt), eb('id', '<', after.id)]),
      ]),
    );
  }
  return query.orderBy(SORT_AT, 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** A list row joined with one of its items (or none): what assembleLists reads. */
const LIST_COLUMNS = [
  'l.entry_id',
  'l.id as list_id',
  'l.ordered',
  'l.intro',
  'l.parent_position',
  'l.parent_item',
  'i.text',
  'i.html',
] as const;

/** The lists of a page of entries, in one query. */
export async function listsOfEntries(
  db: Kysely<Database>,
  entryIds: number[],
): Promise<Map<number, StoredList[]>> {
  const result = new Map<number, StoredList[]>();
  if (entryIds.length === 0) return result;
  const rows = await db
    .selectFrom('entry_lists as l')
    .leftJoin('list_items as i', 'i.list_id', 'l.id')
    .select(LIST_COLUMNS)
    .where('l.entry_id', 'in', entryIds)
    .orderBy('l.entry_id')
    .orderBy('l.position')
    .orderBy('i.position')
    .execute();
  return assembleLists(rows);
}

/** Every live entry's lists, joined by parade (for themes and the round-up): one query. */
export async function listsOfLiveEntries(
  db: Kysely<Database>,
  paradeId: number,
): Promise<Map<number, StoredList[]>> {
  const rows = await db
    .selectFrom('entries as e')
    .innerJoin('entry_lists as l', 'l.entry_id', 'e.id')
    .leftJoin('list_items as i', 'i.list_id', 'l.id')
    .select(LIST_COLUMNS)
    .where('e.parade_id', '=', paradeId)
    .where('e.status', '=', 'live')
    .orderBy('l.entry_id')
    .orderBy('l.position')
    .orderBy('i.position')
    .execute();
  return assembleLists(rows);
}

interface ListRow {
  entry_id: number;
  list_id: number;
  ordered: number;
  intro: string | null;
  parent_position: number | null;
  parent_item: number | null;
  text: string | null;
  html: string | null;
}

function assembleLists(rows: ListRow[]): Map<number, StoredList[]> {
  const result = new Map<number, StoredList[]>();
  let currentId = -1;
  let current: StoredList | null = null;
  for (const row of rows) {
    if (row.list_id !== currentId) {
      currentId = row.list_id;
      current = {
        ordered: row.ordered === 1,
        intro: row.intro,
        items: [],
        parent:
          row.parent_position !== null && row.parent_item !== null
            ? { list: row.parent_position, item: row.parent_item }
            : null,
      };
      const lists = result.get(row.entry_id);
      if (lists) lists.push(current);
      else result.set(row.entry_id, [current]);
    }
    if (current && row.text !== null) current.items.push({ text: row.text, html: row.html ?? '' });
  }
  return result;
}

/** Every live entry of a parade, newest first, without lists (feeds' archive, round-up, embed). */
export async function allLiveEntries(db: Kysely<Database>, paradeId: number): Promise<EntrySummary[]> {
  return summaries(db, paradeId)
    .where('status', '=', 'live')
    .orderBy(SORT_AT, 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Dates of every live entry (for the entries-per-day picture): one narrow column. */
export async function liveEntryDates(db: Kysely<Database>, paradeId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('entries')
    .select(SORT_AT.as('at'))
    .where('parade_id', '=', paradeId)
    .where('status', '=', 'live')
    .execute();
  return rows.map((r) => r.at);
}

/** How a parade came to its entries, for a page of them: roads per entry in one query. */
export async function roadsOfEntries(
  db: Kysely<Database>,
  entryIds: number[],
): Promise<Map<number, string[]>> {
  const result = new Map<number, string[]>();
  if (entryIds.length === 0) return result;
  const rows = await db
    .selectFrom('entry_sources')
    .select(['entry_id', 'road'])
    .where('entry_id', 'in', entryIds)
    .orderBy('entry_id')
    .orderBy('created_at')
    .execute();
  for (const row of rows) {
    const roads = result.get(row.entry_id);
    if (roads) roads.push(row.road);
    else result.set(row.entry_id, [row.road]);
  }
  return result;
}

export interface DirectoryParade extends Parade {
  liveCount: number;
}

/** One page of the directory: parades still open first (soonest deadline first), then the rest, newest first. */
export async function directoryPage(
  db: Kysely<Database>,
  page: { limit: number; offset: number; now: string },
): Promise<{ parades: DirectoryParade[]; total: number }> {
  const open = sql<number>`case when closed_at is null and (deadline is null or deadline > ${page.now}) then 0 else 1 end`;
  const [parades, total] = await Promise.all([
    listed(db)
      .selectAll()
      .orderBy(open)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    listed(db)
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const counts = new Map<number, number>();
  if (parades.length > 0) {
    const rows = await db
      .selectFrom('entries')
      .select(['parade_id', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where(
        'parade_id',
        'in',
        parades.map((p) => p.id),
      )
      .where('status', '=', 'live')
      .groupBy('parade_id')
      .execute();
    for (const row of rows) counts.set(row.parade_id, Number(row.n));
  }
  return {
    parades: parades.map((p) => ({ ...p, liveCount: counts.get(p.id) ?? 0 })),
    total: Number(total.n),
  };
}

/** The newest listed parades, for the feed of new parades. */
export async function newestParades(db: Kysely<Database>, limit: number): Promise<Parade[]> {
  return listed(db).selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** Parades the public may find: the call is proven the host's, and the operator let it in. */
function listed(db: Kysely<Database>) {
  return db
    .selectFrom('parades')
    .where('call_verified_at', 'is not', null)
    .where('approved_at', 'is not', null);
}
