import { type Kysely, PostgresAdapter } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const idType = pg ? 'serial' : 'integer';

  // The feed an entry's page advertises: discovery follows the participant's blog through it.
  await db.schema.alterTable('entries').addColumn('feed_url', 'text').execute();

  // Where discovery looks: the call page, its comment feed, participant blogs and their feeds.
  await db.schema
    .createTable('discovery_sources')
    .addColumn('id', idType, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('parade_id', 'integer', (c) => c.notNull().references('parades.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('feed_url', 'text')
    .addColumn('found_via', 'text')
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('last_run_at', 'text')
    .addColumn('last_ok_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('candidates', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_run_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('discovery_sources_unique', ['parade_id', 'kind', 'url'])
    .execute();

  // Feed items already looked at, so a feed that shows only its newest items is read once per item.
  await db.schema
    .createTable('seen_items')
    .addColumn('source_id', 'integer', (c) => c.notNull().references('discovery_sources.id').onDelete('cascade'))
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('seen_items_pk', ['source_id', 'item_key'])
    .execute();

  await db.schema
    .createTable('discovery_runs')
    .addColumn('id', idType, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('parade_id', 'integer', (c) => c.notNull().references('parades.id').onDelete('cascade'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('sources', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_sources', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('candidates', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('new_entries', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('discovery_runs_parade_idx').on('discovery_runs').columns(['parade_id', 'started_at']).execute();

  // Received Webmentions and pingbacks, each with a status a sender can look up.
  await db.schema
    .createTable('mentions')
    .addColumn('id', idType, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('parade_id', 'integer', (c) => c.notNull().references('parades.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'integer', (c) => c.references('entries.id').onDelete('set null'))
    .addColumn('client', 'text')
    .addColumn('received_count', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('mentions_unique', ['parade_id', 'kind', 'source'])
    .execute();

  // parade_id 0 is the global list (a NULL would defeat the unique constraint).
  await db.schema
    .createTable('blocked_domains')
    .addColumn('parade_id', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('blocked_domains_pk', ['parade_id', 'domain'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('entries').dropColumn('feed_url').execute();
  for (const table of ['blocked_domains', 'mentions', 'discovery_runs', 'seen_items', 'discovery_sources']) {
    await db.schema.dropTable(table).execute();
  }
}
