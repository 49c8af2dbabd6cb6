import { isPostgresUrl, sqliteFileOf } from '../../db/database.js';
import type { Config } from '../config.js';
import { InputError } from '../parades/input-error.js';
import { BackupRefused, backupSqlite } from '../store/sqlite-backup.js';

/** `korso backup FILE`: a consistent copy of the SQLite database, safe while korso runs. */
export async function backupCommand(config: Config, file: string, opts: { force?: boolean }): Promise<void> {
  if (isPostgresUrl(config.databaseUrl))
    throw new InputError(
      'korso backup copies a SQLite database; DATABASE_URL names PostgreSQL, so back it up with pg_dump ' +
        '(e.g. pg_dump --format=custom --file=korso.dump "$DATABASE_URL")',
    );
  const source = sqliteFileOf(config.databaseUrl);
  if (source === null || source === ':memory:')
    throw new InputError(`DATABASE_URL must name a SQLite file to back up, got "${config.databaseUrl}"`);
  try {
    const result = backupSqlite(source, file, opts);
    const { parades = 0, entries = 0, entry_lists: lists = 0, list_items: items = 0 } = result.rows;
    process.stdout.write(
      `backed up ${source} to ${result.file} (${result.bytes} bytes): ${parades} parades, ${entries} entries, ` +
        `${lists} lists, ${items} items; integrity ok\n`,
    );
  } catch (error) {
    if (error instanceof BackupRefused) throw new InputError(error.message);
    throw error;
  }
}
