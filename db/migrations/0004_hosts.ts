import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  // One row per blog host (host[:port] as in entries.host), shared by every worker: whose turn it is,
  // when the next request may start, what the host asked for (Retry-After) and its robots.txt.
  await db.schema
    .createTable('hosts')
    .addColumn('host', 'text', (c) => c.primaryKey())
    .addColumn('next_allowed_at', 'text', (c) => c.notNull())
    .addColumn('holder', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('retry_after', 'text')
    .addColumn('robots_origin', 'text')
    .addColumn('robots_txt', 'text')
    .addColumn('robots_expires_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // Once-per-tick jobs: the first process to record (job, tick) runs it; a late cron firing skips it.
  await db.schema
    .createTable('job_runs')
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('tick_at', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('outcome', 'text')
    .addPrimaryKeyConstraint('job_runs_pk', ['job', 'tick_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('job_runs').execute();
  await db.schema.dropTable('hosts').execute();
}
