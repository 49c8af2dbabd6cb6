import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;

  // One parade per call: the key is the normalized call URL, unique; a call registered twice before
  // this migration stays with its oldest parade, the later ones keep their pages but hold no call.
  await db.schema.alterTable('parades').addColumn('call_key', 'text').execute();
  await sql`update parades set call_key = call_url_normalized
    where id = (select min(p2.id) from parades p2 where p2.call_url_normalized = parades.call_url_normalized)`.execute(
    db,
  );
  await db.schema.createIndex('parades_call_key_unique').on('parades').column('call_key').unique().execute();
  // What the call post says the parade is about (prefilled from it, confirmed by the host).
  await db.schema.alterTable('parades').addColumn('description', 'text').execute();
  // The code the host shows on the call page to prove it is theirs (a link to the parade works too).
  await db.schema.alterTable('parades').addColumn('verify_code', 'text').execute();
  // Set once the call page named the parade, was reachable and not blocked; until then the parade
  // is unlisted and mentions aimed at the call post do not reach it.
  await db.schema.alterTable('parades').addColumn('call_verified_at', 'text').execute();
  await db.schema.alterTable('parades').addColumn('call_checked_at', 'text').execute();
  // Outcome of the last check as a reason code with JSON parameters, rendered per language.
  await db.schema.alterTable('parades').addColumn('call_check_code', 'text').execute();
  await db.schema.alterTable('parades').addColumn('call_check_params', 'text').execute();
  // The operator's decision under KORSO_NEW_PARADES=review; parades that exist already count as approved.
  await db.schema.alterTable('parades').addColumn('approved_at', 'text').execute();
  await sql`update parades set approved_at = created_at`.execute(db);
  // A parade that held its call alone keeps the ownership it had; duplicates must prove theirs.
  await sql`update parades set call_verified_at = created_at where call_key is not null
    and (select count(*) from parades p2 where p2.call_url_normalized = parades.call_url_normalized) = 1`.execute(
    db,
  );

  // Entry reasons as a code with parameters; `reason` keeps the English words for older readers.
  await db.schema
    .alterTable('entries')
    .addColumn('reason_code', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.alterTable('entries').addColumn('reason_params', 'text').execute();

  // The admin link's token, exchanged for a cookie: one row per browser, ended by a rotation.
  await db.schema
    .createTable('admin_sessions')
    .addColumn('key_hash', 'text', (c) => c.primaryKey())
    .addColumn('parade_id', 'integer', (c) => c.notNull().references('parades.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('admin_sessions_parade_idx').on('admin_sessions').column('parade_id').execute();

  // Rate limits shared by every replica (GCRA: one theoretical arrival time per bucket, in ms).
  await db.schema
    .createTable('rate_limits')
    .addColumn('bucket', 'text', (c) => c.primaryKey())
    .addColumn('tat_ms', pg ? 'bigint' : 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limits_tat_idx').on('rate_limits').column('tat_ms').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limits').execute();
  await db.schema.dropTable('admin_sessions').execute();
  for (const column of ['reason_params', 'reason_code'])
    await db.schema.alterTable('entries').dropColumn(column).execute();
  await db.schema.dropIndex('parades_call_key_unique').execute();
  for (const column of [
    'approved_at',
    'call_check_params',
    'call_check_code',
    'call_checked_at',
    'call_verified_at',
    'verify_code',
    'call_key',
    'description',
  ])
    await db.schema.alterTable('parades').dropColumn(column).execute();
}
