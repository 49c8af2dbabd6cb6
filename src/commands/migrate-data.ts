import type { Config } from '../config.js';
import { InputError } from '../parades/input-error.js';
import { MoveRefused, moveSqliteToPostgres } from '../store/sqlite-to-postgres.js';

/** `korso migrate-data --to postgres://…`: moves the SQLite installation into an empty PostgreSQL database. */
export async function migrateDataCommand(config: Config, opts: { to: string }): Promise<void> {
  try {
    const result = await moveSqliteToPostgres(config.databaseUrl, opts.to, {
      onTable: (move) => process.stdout.write(`${move.table}: ${move.rows} rows\n`),
    });
    const total = result.tables.reduce((sum, t) => sum + t.rows, 0);
    if (result.nulsReplaced > 0)
      process.stderr.write(
        `korso: ${result.nulsReplaced} text values held NUL characters, which PostgreSQL cannot store; ` +
          'each became U+FFFD\n',
      );
    process.stdout.write(
      `moved ${total} rows in ${result.tables.length} tables to ${opts.to.replace(/\/\/[^@]*@/, '//…@')}; ` +
        'point DATABASE_URL there to run korso on PostgreSQL\n',
    );
  } catch (error) {
    if (error instanceof MoveRefused) throw new InputError(error.message);
    throw error;
  }
}
