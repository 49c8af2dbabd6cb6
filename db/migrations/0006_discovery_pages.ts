import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  // The pages of a call's comment area (comment-page-N, cpage=N, the call itself): a page with a
  // newer page after it is complete and never read again; the newest is re-read with conditional GET.
  await db.schema
    .createTable('discovery_pages')
    .addColumn('source_id', 'integer', (c) =>
      c.notNull().references('discovery_sources.id').onDelete('cascade'),
    )
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('position', 'integer')
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('complete', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('items', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fetched_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('discovery_pages_pk', ['source_id', 'url'])
    .execute();

  // The call's own publication date opens the window in which participants' new posts are candidates.
  await db.schema.alterTable('discovery_sources').addColumn('published', 'text').execute();
  // Where an older part of a paged comment feed is to be read next, when a pass stopped at its cap.
  await db.schema.alterTable('discovery_sources').addColumn('resume_url', 'text').execute();
  // What the last pass did with the source, for the host's dashboard.
  for (const column of ['last_items', 'last_candidates', 'last_window', 'last_deferred', 'last_pages']) {
    await db.schema
      .alterTable('discovery_sources')
      .addColumn(column, 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  }
  for (const column of ['items', 'window_candidates', 'deferred', 'pages']) {
    await db.schema
      .alterTable('discovery_runs')
      .addColumn(column, 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('discovery_pages').execute();
  for (const column of [
    'published',
    'resume_url',
    'last_items',
    'last_candidates',
    'last_window',
    'last_deferred',
    'last_pages',
  ]) {
    await db.schema.alterTable('discovery_sources').dropColumn(column).execute();
  }
  for (const column of ['items', 'window_candidates', 'deferred', 'pages']) {
    await db.schema.alterTable('discovery_runs').dropColumn(column).execute();
  }
}
