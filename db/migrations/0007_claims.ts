import { type Kysely, PostgresAdapter } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const idType = pg ? 'serial' : 'integer';

  // Someone who says a parade's unproved call is theirs: korso gave them a code (kept only as its
  // hash) to show on the call page; once it is seen there, the parade is theirs and the claim is used.
  await db.schema
    .createTable('call_claims')
    .addColumn('id', idType, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('parade_id', 'integer', (c) => c.notNull().references('parades.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    // Outcome of the last look at the call page for this claim, as a reason code with JSON parameters.
    .addColumn('checked_at', 'text')
    .addColumn('check_code', 'text')
    .addColumn('check_params', 'text')
    .execute();
  await db.schema.createIndex('call_claims_parade_idx').on('call_claims').column('parade_id').execute();
  await db.schema.createIndex('call_claims_expires_idx').on('call_claims').column('expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('call_claims').execute();
}
