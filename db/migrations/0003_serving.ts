import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const blob = pg ? 'bytea' : 'blob';

  // Every change a reader can see bumps change_seq; rendered pages are valid for one value of it.
  await db.schema
    .alterTable('parades')
    .addColumn('change_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('parades').addColumn('changed_at', 'text').execute();
  // Deadlines are shown and read in the parade's own zone (IANA name).
  await db.schema
    .alterTable('parades')
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Europe/Berlin'))
    .execute();
  // Set when the host closes the parade (no more entries).
  await db.schema.alterTable('parades').addColumn('closed_at', 'text').execute();
  // Set once by the deadline job: the parade's pages turn to "closed"; late entries are still taken.
  await db.schema.alterTable('parades').addColumn('deadline_passed_at', 'text').execute();
  // The host's own opening words for the round-up.
  await db.schema.alterTable('parades').addColumn('roundup_intro', 'text').execute();
  // The blog's name as the page states it (og:site_name, publisher), for listing entries by blog.
  await db.schema.alterTable('entries').addColumn('site_name', 'text').execute();
  // Items in all of an entry's lists, kept with the lists so a summary row needs no count over items.
  await db.schema
    .alterTable('entries')
    .addColumn('item_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update entries set item_count = (select count(*) from list_items join entry_lists on entry_lists.id = list_items.list_id where entry_lists.entry_id = entries.id)`.execute(
    db,
  );

  // A nested list points at the list and item it sits under (positions within the entry).
  await db.schema.alterTable('entry_lists').addColumn('parent_position', 'integer').execute();
  await db.schema.alterTable('entry_lists').addColumn('parent_item', 'integer').execute();

  // Pages, feeds and API documents rendered once per change, shared by every replica.
  await db.schema
    .createTable('rendered_pages')
    .addColumn('scope_id', 'integer', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('valid_until', 'text')
    .addColumn('etag', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('last_modified', 'text', (c) => c.notNull())
    .addColumn('body', blob, (c) => c.notNull())
    .addColumn('gzip', blob, (c) => c.notNull())
    .addColumn('br', blob, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('rendered_pages_pk', ['scope_id', 'key'])
    .execute();

  // Entries of a parade in page order (newest first), read page by page without sorting them all.
  await sql`create index entries_parade_order_idx on entries (parade_id, status, (coalesce(published, created_at)), id)`.execute(
    db,
  );
  await db.schema.createIndex('mentions_parade_idx').on('mentions').columns(['parade_id']).execute();
}


export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('mentions_parade_idx').execute();
  await db.schema.dropIndex('entries_parade_order_idx').execute();
  await db.schema.dropTable('rendered_pages').execute();
  for (const column of ['parent_item', 'parent_position'])
    await db.schema.alterTable('entry_lists').dropColumn(column).execute();
  await db.schema.alterTable('entries').dropColumn('item_count').execute();
  await db.schema.alterTable('entries').dropColumn('site_name').execute();
  for (const column of ['roundup_intro', 'deadline_passed_at', 'closed_at', 'time_zone', 'changed_at', 'change_seq'])
    await db.schema.alterTable('parades').dropColumn(column).execute();
}
