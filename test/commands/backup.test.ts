import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrawlPass } from '../../src/crawl/crawl-pass.js';
import { createParade, registerEntry } from '../../src/parades/parade-service.js';
import type { Runtime } from '../../src/runtime.js';
import { type BlogFarm, entryPage, loopbackHosts, startBlogFarm } from '../support/blog-farm.js';
import { runKorso } from '../support/cli.js';
import { sqliteDatabase, type TestDatabase } from '../support/databases.js';
import { testRuntime } from '../support/runtime.js';

const FARM_ENTRIES = 60;
const BACKUPS = 4;

/** One blog whose entry pages answer only once released: the crawl cannot end before the test lets it. */
async function startHeldBlog(callUrl: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const server = http.createServer((req, res) => {
    if (req.url === '/robots.txt') {
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
      return;
    }
    void released.then(() =>
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(entryPage(callUrl, 'held', 1)),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/held/`,
    release,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function scalar(db: SQLite.Database, query: string): number {
  return Number(db.prepare(query).pluck().get());
}

describe('korso backup while korso crawls', () => {
  let database: TestDatabase;
  let farm: BlogFarm;
  let held: Awaited<ReturnType<typeof startHeldBlog>>;
  let runtime: Runtime;
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    database = await sqliteDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'korso-backup-'));
    env = { DATABASE_URL: database.url };
    farm = await startBlogFarm({ hosts: loopbackHosts(3), latencyMs: 5 });
    held = await startHeldBlog(farm.callUrl);
    // The held entry waits for the test, not for a timeout.
    runtime = await testRuntime(database, {
      config: {
        KORSO_CRAWL_BATCH: '6',
        KORSO_HEADERS_TIMEOUT_MS: '100000',
        KORSO_TOTAL_TIMEOUT_MS: '100000',
      },
    });
  });

  afterAll(async () => {
    held?.release();
    await runtime?.close();
    await held?.close();
    await farm?.close();
    await database?.drop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('takes copies that open, pass integrity_check and hold a consistent snapshot', async () => {
    const { ctx } = runtime;
    const { parade } = await createParade(ctx, { callUrl: farm.callUrl, slug: 'live' });
    await registerEntry(ctx, parade, held.url, 'cli');
    for (let n = 0; n < FARM_ENTRIES; n++)
      await registerEntry(ctx, parade, farm.entryUrl(farm.hosts[n % 3] as string, n), 'cli');

    const crawl = runCrawlPass(ctx);
    // Registrations keep writing alongside the crawl while the backups run.
    let feeding = true;
    const feeder = (async () => {
      for (let n = FARM_ENTRIES; feeding; n++) {
        await registerEntry(ctx, parade, farm.entryUrl(farm.hosts[n % 3] as string, n), 'registration');
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const probe = new SQLite(database.url.slice('sqlite:'.length), { readonly: true });
    for (let waited = 0; scalar(probe, 'SELECT count(*) FROM entry_lists') === 0; waited += 20) {
      if (waited > 20_000) throw new Error('the crawl stored no list');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    probe.close();

    const files = Array.from({ length: BACKUPS }, (_, i) => path.join(dir, `copy-${i}.db`));
    for (const file of files) {
      const result = await runKorso(['backup', file], env);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(
        /^backed up .+ to .+copy-\d\.db \(\d+ bytes\): 1 parades, \d+ entries, .*integrity ok\n$/,
      );
    }
    feeding = false;
    await feeder;
    held.release();
    const summary = await crawl;
    expect(summary.failed).toBe(0);

    let previousEntries = 0;
    for (const file of files) {
      const copy = new SQLite(file, { readonly: true, fileMustExist: true });
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(copy.pragma('foreign_key_check')).toEqual([]);
        const entries = scalar(copy, 'SELECT count(*) FROM entries');
        expect(entries).toBeGreaterThanOrEqual(Math.max(previousEntries, FARM_ENTRIES + 1));
        previousEntries = entries;
        // Taken mid-crawl: some entries are read, the held one is not.
        expect(scalar(copy, 'SELECT count(*) FROM entries WHERE content_hash IS NOT NULL')).toBeGreaterThan(
          0,
        );
        expect(
          scalar(copy, `SELECT count(*) FROM entries WHERE url = '${held.url}' AND content_hash IS NULL`),
        ).toBe(1);
        // Every row a transaction wrote is there with its partners, or none of them is.
        expect(
          scalar(
            copy,
            'SELECT count(*) FROM entry_lists l LEFT JOIN entries e ON e.id = l.entry_id WHERE e.id IS NULL',
          ),
        ).toBe(0);
        expect(
          scalar(
            copy,
            'SELECT count(*) FROM entry_lists l WHERE (SELECT count(*) FROM list_items i WHERE i.list_id = l.id) <> 3',
          ),
        ).toBe(0);
        expect(
          scalar(
            copy,
            'SELECT count(*) FROM entries e WHERE e.content_hash IS NOT NULL AND (SELECT count(*) FROM entry_lists l WHERE l.entry_id = e.id) <> 1',
          ),
        ).toBe(0);
        expect(
          scalar(
            copy,
            'SELECT count(*) FROM entries e WHERE NOT EXISTS (SELECT 1 FROM entry_sources s WHERE s.entry_id = e.id)',
          ),
        ).toBe(0);
        expect(scalar(copy, 'SELECT count(*) FROM kysely_migration')).toBeGreaterThan(0);
      } finally {
        copy.close();
      }
    }
  }, 120_000);

  it('refuses to overwrite a file unless --force, and leaves it untouched', async () => {
    const file = path.join(dir, 'taken.db');
    fs.writeFileSync(file, 'not a database');
    const refused = await runKorso(['backup', file], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`korso: ${file} exists; pass --force to replace it\n`);
    expect(fs.readFileSync(file, 'utf8')).toBe('not a database');
    const forced = await runKorso(['backup', '--force', file], env);
    expect(forced.code, forced.stderr).toBe(0);
    const copy = new SQLite(file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('points PostgreSQL users at pg_dump and refuses a missing database', async () => {
    const pg = await runKorso(['backup', path.join(dir, 'pg.db')], {
      DATABASE_URL: 'postgres://korso@127.0.0.1:1/korso',
    });
    expect(pg.code).toBe(2);
    expect(pg.stderr).toMatch(/^korso: korso backup copies a SQLite database; .*pg_dump/);
    const missing = await runKorso(['backup', path.join(dir, 'none.db')], {
      DATABASE_URL: `sqlite:${path.join(dir, 'nothing-here.db')}`,
    });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`korso: there is no database at ${path.join(dir, 'nothing-here.db')}\n`);
    expect(fs.existsSync(path.join(dir, 'nothing-here.db'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'none.db'))).toBe(false);
  });
});
