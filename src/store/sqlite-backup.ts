import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';

export interface BackupResult {
  file: string;
  bytes: number;
  /** Rows per table in the copy. */
  rows: Record<string, number>;
}

export class BackupRefused extends Error {}

/** An SQL identifier, quoted (SQLite and PostgreSQL alike). */
export function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Rows per table of an open SQLite database (korso's tables, not SQLite's or the migrator's). */
export function countRows(db: SQLite.Database): Record<string, number> {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((t) => [
      t,
      Number(
        db
          .prepare(`SELECT count(*) FROM ${quote(t)}`)
          .pluck()
          .get(),
      ),
    ]),
  );
}

/**
 * Copies a live SQLite database to `target`. VACUUM INTO reads inside one transaction, so the copy is
 * a consistent snapshot while korso goes on writing (WAL readers never block writers); it is written
 * beside the target, checked with integrity_check, then renamed into place, so a failed run leaves
 * no half-written file.
 */
export function backupSqlite(
  sourceFile: string,
  target: string,
  opts: { force?: boolean } = {},
): BackupResult {
  const resolved = path.resolve(target);
  if (fs.existsSync(resolved) && !opts.force)
    throw new BackupRefused(`${target} exists; pass --force to replace it`);
  if (!fs.existsSync(sourceFile)) throw new BackupRefused(`there is no database at ${sourceFile}`);
  if (path.resolve(sourceFile) === resolved)
    throw new BackupRefused('the backup cannot replace the database itself');
  fs.mkdirSync(path.dirname(resolved), { recursive: true });
  const partial = path.join(path.dirname(resolved), `.${path.basename(resolved)}.${process.pid}.partial`);
  fs.rmSync(partial, { force: true });
  try {
    const source = new SQLite(sourceFile, { fileMustExist: true });
    try {
      source.pragma('busy_timeout = 5000');
      source.prepare('VACUUM INTO ?').run(partial);
    } finally {
      source.close();
    }
    const copy = new SQLite(partial, { fileMustExist: true });
    let rows: Record<string, number>;
    try {
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new Error(`the copy failed its integrity check: ${String(check)}`);
      rows = countRows(copy);
    } finally {
      copy.close();
    }
    fs.renameSync(partial, resolved);
    return { file: resolved, bytes: fs.statSync(resolved).size, rows };
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}
