import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../../db/database.js';

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  url: string;
  drop(): Promise<void>;
}

export type DatabaseFactory = () => Promise<TestDatabase>;

/** A real SQLite file in a fresh temp folder. */
export async function sqliteDatabase(): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'korso-test-'));
  return {
    name: 'sqlite',
    url: `sqlite:${path.join(dir, 'korso.db')}`,
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** A fresh database on the PostgreSQL server named by TEST_DATABASE_URL. */
export async function postgresDatabase(): Promise<TestDatabase> {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error('TEST_DATABASE_URL is not set');
  const name = `korso_test_${crypto.randomBytes(5).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    name: 'postgres',
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      try {
        // A closed pool has only asked its clients to end; terminating them mid-goodbye (FORCE) makes
        // them emit errors into the test run, so wait for the sessions to leave first.
        for (let waited = 0; waited < 10_000; waited += 50) {
          const { rows } = await c.query(
            'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
            [name],
          );
          if (rows[0].n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/**
 * The dialects a suite runs on: SQLite always; PostgreSQL whenever TEST_DATABASE_URL is set
 * (.ci/run sets it, so CI always covers both).
 */
export function databaseFactories(): [string, DatabaseFactory][] {
  const list: [string, DatabaseFactory][] = [['sqlite', sqliteDatabase]];
  if (process.env.TEST_DATABASE_URL) list.push(['postgres', postgresDatabase]);
  return list;
}

/**
 * `count` connections to the database, migrated first: one per simulated worker. On SQLite only for
 * code that holds no lock across an await (better-sqlite3 blocks its thread while it waits for one).
 */
export async function migratedConnections(database: TestDatabase, count = 1): Promise<DatabaseHandle[]> {
  const setup = openDatabase(database.url);
  await migrateToLatest(setup.db);
  await setup.close();
  return Array.from({ length: count }, () => openDatabase(database.url));
}
