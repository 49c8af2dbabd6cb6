import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  // The host's dashboard counts a parade's entries by road: with the parade on each road row, that
  // is one index range, not a join over every parade's roads.
  await db.schema.alterTable('entry_sources').addColumn('parade_id', 'integer').execute();
  await sql`update entry_sources set parade_id = (select e.parade_id from entries e where e.id = entry_sources.entry_id)`.execute(
    db,
  );
  await db.schema
    .createIndex('entry_sources_parade_road_idx')
    .on('entry_sources')
    .columns(['parade_id', 'road'])
    .execute();
  // Every row was just rewritten: fresh statistics let PostgreSQL's planner use the index at once.
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`analyze entry_sources`.execute(db);

  // The dashboard's discovery sources, in the order it shows them (the call, failures, the most
  // recent), read as the first rows of one index instead of sorting every source of the parade.
  await sql`create index discovery_sources_dashboard_idx on discovery_sources (parade_id, (case when kind = 'call' then 0 when last_error is not null then 1 else 2 end), last_run_at desc, id)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('discovery_sources_dashboard_idx').execute();
  await db.schema.dropIndex('entry_sources_parade_road_idx').execute();
  await db.schema.alterTable('entry_sources').dropColumn('parade_id').execute();
}
