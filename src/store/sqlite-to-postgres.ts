import fs from 'node:fs';
import SQLite from 'better-sqlite3';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { isPostgresUrl, migrateToLatest, openDatabase, sqliteFileOf } from '../../db/database.js';
import { quote } from './sqlite-backup.js';

export class MoveRefused extends Error {}

export interface TableMove {
  table: string;
  rows: number;
}

export interface MoveResult {
  tables: TableMove[];
  /** Text values that held NUL characters, which PostgreSQL cannot store (each became U+FFFD). */
  nulsReplaced: number;
}

interface SourceTable {
  name: string;
  columns: string[];
  primaryKey: string[];
  references: string[];
}

interface TargetColumn {
  table_name: string;
  column_name: string;
  data_type: string;
  column_default: string | null;
  is_identity: string;
  identity_generation: string | null;
}

// kysely's own bookkeeping: the target's migrator writes its own rows.
const SKIPPED = new Set(['kysely_migration', 'kysely_migration_lock']);

/** korso's tables in the SQLite file, with their columns and the tables they reference. */
function readSourceTables(db: SQLite.Database): SourceTable[] {
  const names = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
  return names
    .filter((name) => !name.startsWith('sqlite_') && !SKIPPED.has(name))
    .map((name) => {
      const info = db.prepare(`PRAGMA table_info(${quote(name)})`).all() as { name: string; pk: number }[];
      const keys = db.prepare(`PRAGMA foreign_key_list(${quote(name)})`).all() as { table: string }[];
      return {
        name,
        columns: info.map((c) => c.name),
        primaryKey: info
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => c.name),
        references: [...new Set(keys.map((k) => k.table).filter((t) => t !== name))],
      };
    });
}

/** Referenced tables before the tables that reference them (Kahn's algorithm, ties by name). */
export function foreignKeyOrder<T extends { name: string; references: string[] }>(tables: T[]): T[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const placed = new Set<string>();
  const ordered: T[] = [];
  while (ordered.length < tables.length) {
    const ready = tables.find(
      (t) => !placed.has(t.name) && t.references.every((r) => placed.has(r) || !byName.has(r)),
    );
    if (!ready) {
      const left = tables.filter((t) => !placed.has(t.name)).map((t) => t.name);
      throw new MoveRefused(`the tables ${left.join(', ')} reference each other in a cycle`);
    }
    placed.add(ready.name);
    ordered.push(ready);
  }
  return ordered;
}

/** A SQLite value as the PostgreSQL column wants it: 0/1 flags into booleans, blobs as bytes. */
function converter(dataType: string, onNul: () => void): (value: unknown) => unknown {
  if (dataType === 'boolean') return (v) => (v === null ? null : Boolean(Number(v)));
  if (dataType === 'bytea') return (v) => (typeof v === 'string' ? Buffer.from(v) : v);
  return (v) => {
    if (typeof v === 'string' && v.includes('\u0000')) {
      onNul();
      return v.replace(/\u0000/g, '\uFFFD');
    }
    return v;
  };
}

async function targetColumns(db: Kysely<unknown>): Promise<Map<string, Map<string, TargetColumn>>> {
  const { rows } = await sql<TargetColumn>`
    select table_name, column_name, data_type, column_default, is_identity, identity_generation
    from information_schema.columns where table_schema = current_schema()`.execute(db);
  const tables = new Map<string, Map<string, TargetColumn>>();
  for (const row of rows) {
    const columns = tables.get(row.table_name) ?? new Map<string, TargetColumn>();
    columns.set(row.column_name, row);
    tables.set(row.table_name, columns);
  }
  return tables;
}

async function rowCount(db: Kysely<unknown>, table: string): Promise<number> {
  const { rows } = await sql<{ n: string | number }>`select count(*) as n from ${sql.table(table)}`.execute(
    db,
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * Moves a SQLite installation into an empty PostgreSQL database: both are brought to the latest
 * schema, then every table korso has (read from SQLite, so tables added later move too) is copied in
 * foreign-key order, in batches, inside one PostgreSQL transaction, keeping ids; sequences are then
 * set past the highest id. The source is read in one snapshot and never changed (beyond migrations).
 */
export async function moveSqliteToPostgres(
  sourceUrl: string,
  targetUrl: string,
  opts: { onTable?: (move: TableMove) => void } = {},
): Promise<MoveResult> {
  const file = sqliteFileOf(sourceUrl);
  if (file === null || file === ':memory:')
    throw new MoveRefused(`migrate-data moves a SQLite installation; DATABASE_URL is "${sourceUrl}"`);
  if (!isPostgresUrl(targetUrl)) throw new MoveRefused('--to must be a postgres:// or postgresql:// URL');
  if (!fs.existsSync(file)) throw new MoveRefused(`there is no database at ${file}`);
  const source = new SQLite(file, { fileMustExist: true });
  source.pragma('busy_timeout = 5000');
  try {
    const sourceDb = openDatabase(sourceUrl);
    try {
      await migrateToLatest(sourceDb.db);
    } finally {
      await sourceDb.close();
    }
    const target = openDatabase(targetUrl);
    try {
      await migrateToLatest(target.db);
      return await copyTables(source, target.db as Kysely<unknown>, opts);
    } finally {
      await target.close();
    }
  } finally {
    source.close();
  }
}

async function copyTables(
  source: SQLite.Database,
  db: Kysely<unknown>,
  opts: { onTable?: (move: TableMove) => void },
): Promise<MoveResult> {
  const columnsOf = await targetColumns(db);
  // One read transaction: every table comes from the same snapshot even if korso still writes.
  source.exec('BEGIN');
  try {
    const tables = foreignKeyOrder(readSourceTables(source));
    for (const table of tables) {
      const target = columnsOf.get(table.name);
      if (!target)
        throw new MoveRefused(`the target has no table "${table.name}"; run the same korso version on both`);
      const missing = table.columns.filter((c) => !target.has(c));
      if (missing.length)
        throw new MoveRefused(`the target's "${table.name}" lacks the columns ${missing.join(', ')}`);
    }
    const occupied: string[] = [];
    for (const table of tables) {
      const n = await rowCount(db, table.name);
      if (n > 0) occupied.push(`${table.name} (${n} rows)`);
    }
    if (occupied.length)
      throw new MoveRefused(
        `the target already holds data: ${occupied.join(', ')}; migrate-data fills an empty database only ` +
          '(create a new one, e.g. createdb korso)',
      );
    const counts: TableMove[] = [];
    let nulsReplaced = 0;
    await db.transaction().execute(async (trx) => {
      for (const table of tables) {
        const target = columnsOf.get(table.name) as Map<string, TargetColumn>;
        const convert = table.columns.map((c) =>
          converter(target.get(c)?.data_type ?? 'text', () => {
            nulsReplaced++;
          }),
        );
        // Ids are kept, so a GENERATED ALWAYS identity column must be told to take them.
        const overriding = table.columns.some((c) => target.get(c)?.identity_generation === 'ALWAYS');
        const rows = await copyTable(source, trx, table, convert, overriding);
        const move = { table: table.name, rows };
        counts.push(move);
        opts.onTable?.(move);
      }
      for (const table of tables) {
        for (const column of table.columns) {
          const info = columnsOf.get(table.name)?.get(column);
          const generated = info?.is_identity === 'YES' || info?.column_default?.startsWith('nextval(');
          if (!generated) continue;
          // New rows continue after the highest id moved (setval with is_called false: the next value is it).
          await sql`select setval(pg_get_serial_sequence(${quote(table.name)}, ${column}),
            coalesce((select max(${sql.ref(column)}) from ${sql.table(table.name)}), 0) + 1, false)`.execute(
            trx,
          );
        }
      }
    });
    for (const move of counts) {
      const n = await rowCount(db, move.table);
      if (n !== move.rows)
        throw new Error(`${move.table}: moved ${move.rows} rows but the target holds ${n}`);
    }
    return { tables: counts, nulsReplaced };
  } finally {
    source.exec('ROLLBACK');
  }
}

async function copyTable(
  source: SQLite.Database,
  trx: Kysely<unknown>,
  table: SourceTable,
  convert: ((value: unknown) => unknown)[],
  overriding: boolean,
): Promise<number> {
  const order = table.primaryKey.length ? table.primaryKey.map(quote).join(', ') : 'rowid';
  const select = source
    .prepare(`SELECT ${table.columns.map(quote).join(', ')} FROM ${quote(table.name)} ORDER BY ${order}`)
    .raw(true);
  // PostgreSQL takes at most 65535 parameters per statement.
  const batchSize = Math.max(1, Math.min(500, Math.floor(30_000 / table.columns.length)));
  const head = sql`insert into ${sql.table(table.name)} (${sql.join(table.columns.map((c) => sql.ref(c)))})${
    overriding ? sql` overriding system value` : sql``
  } values `;
  let batch: RawBuilder<unknown>[] = [];
  let rows = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await sql`${head}${sql.join(batch)}`.execute(trx);
    batch = [];
  };
  for (const row of select.iterate() as Iterable<unknown[]>) {
    batch.push(sql`(${sql.join(row.map((value, i) => (convert[i] ?? ((v: unknown) => v))(value)))})`);
    rows++;
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return rows;
}
