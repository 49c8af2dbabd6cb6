import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const idType = pg ? 'serial' : 'integer';

  await db.schema
    .createTable('parades')
    .addColumn('id', idType, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('call_url', 'text', (c) => c.notNull())
    .addColumn('call_url_normalized', 'text', (c) => c.notNull())
    .addColumn('prompt', 'text')
    .addColumn('hashtag', 'text')
    .addColumn('host_name', 'text')
    .addColumn('lang', 'text', (c) => c.notNull().defaultTo('de'))
    .addColumn('deadline', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('admin_token_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('entries')
    .addColumn('id', idType, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('parade_id', 'integer', (c) => c.notNull().references('parades.id').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('normalized_url', 'text', (c) => c.notNull())
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('canonical_url', 'text')
    .addColumn('final_url', 'text')
    .addColumn('title', 'text')
    .addColumn('author', 'text')
    .addColumn('published', 'text')
    .addColumn('excerpt', 'text')
    .addColumn('content_html', 'text')
    .addColumn('lang', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('backlink', 'text')
    .addColumn('moderation', 'text')
    .addColumn('http_status', 'integer')
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('content_hash', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_check_at', 'text', (c) => c.notNull())
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('last_fetched_at', 'text')
    .addColumn('last_success_at', 'text')
    .addColumn('last_changed_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('entries_parade_url_unique', ['parade_id', 'normalized_url'])
    .execute();
  await db.schema.createIndex('entries_due_idx').on('entries').columns(['next_check_at']).execute();
  await db.schema.createIndex('entries_parade_status_idx').on('entries').columns(['parade_id', 'status']).execute();

  await db.schema
    .createTable('entry_sources')
    .addColumn('entry_id', 'integer', (c) => c.notNull().references('entries.id').onDelete('cascade'))
    .addColumn('road', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('entry_sources_pk', ['entry_id', 'road'])
    .execute();

  await db.schema
    .createTable('entry_lists')
    .addColumn('id', idType, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('entry_id', 'integer', (c) => c.notNull().references('entries.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('ordered', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('intro', 'text')
    .addUniqueConstraint('entry_lists_position_unique', ['entry_id', 'position'])
    .execute();

  await db.schema
    .createTable('list_items')
    .addColumn('id', idType, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('list_id', 'integer', (c) => c.notNull().references('entry_lists.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull().defaultTo(''))
    .addUniqueConstraint('list_items_position_unique', ['list_id', 'position'])
    .execute();

  if (!pg) await sql`PRAGMA foreign_keys = ON`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['list_items', 'entry_lists', 'entry_sources', 'entries', 'parades']) {
    await db.schema.dropTable(table).execute();
  }
}
