import { gzipSync } from 'node:zlib';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrawlPass } from '../../src/crawl/crawl-pass.js';
import { type FixtureSite, startFixtureSite } from '../../src/demo/fixture-site.js';
import { runDiscoveryPass } from '../../src/discover/discovery-pass.js';
import { createLogger } from '../../src/log.js';
import { createParade, registerEntry } from '../../src/parades/parade-service.js';
import { openRuntime } from '../../src/runtime.js';
import { blockDomain } from '../../src/store/blocklist-repository.js';
import { databaseHostGate } from '../../src/store/host-repository.js';
import { runOncePerTick } from '../../src/store/job-run-repository.js';
import { createApp } from '../../src/web/app.js';
import { type BlogFarm, loopbackHosts, startBlogFarm } from '../support/blog-farm.js';
import { runKorso } from '../support/cli.js';
import { postgresDatabase, sqliteDatabase, type TestDatabase } from '../support/databases.js';
import { FakeClock, testConfig, testRuntime } from '../support/runtime.js';

const BLOB = Buffer.from([0, 1, 2, 127, 128, 254, 255, 0]);

type Row = Record<string, unknown>;

/** A row as comparable text: bytes as hex, keys sorted. */
function normalize(row: Row): string {
  const entries = Object.keys(row)
    .sort()
    .map((key) => {
      const value = row[key];
      return [key, Buffer.isBuffer(value) ? `bytes:${value.toString('hex')}` : value];
    });
  return JSON.stringify(entries);
}

function sqliteTables(file: string): string[] {
  const db = new SQLite(file, { readonly: true });
  try {
    return (
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .pluck()
        .all() as string[]
    ).filter((t) => !t.startsWith('sqlite_') && !t.startsWith('kysely_'));
  } finally {
    db.close();
  }
}

function sqliteRows(file: string, table: string): string[] {
  const db = new SQLite(file, { readonly: true });
  try {
    return (db.prepare(`SELECT * FROM "${table}"`).all() as Row[]).map(normalize).sort();
  } finally {
    db.close();
  }
}

async function postgresRows(client: pg.Client, table: string): Promise<string[]> {
  const { rows, fields } = await client.query<Row>(`SELECT * FROM "${table}"`);
  // node-postgres hands bigint (int8) columns over as strings; SQLite's integers are numbers.
  const bigints = fields.filter((f) => f.dataTypeID === 20).map((f) => f.name);
  for (const row of rows) for (const name of bigints) if (row[name] !== null) row[name] = Number(row[name]);
  return rows.map(normalize).sort();
}

// PostgreSQL is always there in CI (.ci/run sets TEST_DATABASE_URL).
describe.runIf(process.env.TEST_DATABASE_URL)('korso migrate-data --to postgres://…', () => {
  let source: TestDatabase;
  let target: TestDatabase;
  let site: FixtureSite;
  let farm: BlogFarm;
  let file: string;
  const slugs = ['wunschkunde', 'farm'];

  beforeAll(async () => {
    source = await sqliteDatabase();
    target = await postgresDatabase();
    file = source.url.slice('sqlite:'.length);
    site = await startFixtureSite();
    farm = await startBlogFarm({ hosts: loopbackHosts(2) });
    // A SQLite install that has seen everything korso stores: discovery, crawls, mentions, blocks.
    const runtime = await testRuntime(source);
    try {
      const { ctx } = runtime;
      const { parade, adminToken } = await createParade(ctx, {
        callUrl: site.callUrl,
        title: site.parade.title,
        prompt: site.parade.prompt,
        hashtag: site.parade.hashtag,
        deadline: site.parade.deadline,
        slug: 'wunschkunde',
      });
      for (const entry of site.entries.slice(0, 4)) await registerEntry(ctx, parade, entry.url, 'cli');
      const { parade: other } = await createParade(ctx, { callUrl: farm.callUrl, slug: 'farm', lang: 'en' });
      for (let n = 0; n < 12; n++)
        await registerEntry(ctx, other, farm.entryUrl(farm.hosts[n % 2] as string, n), 'api');
      const app = createApp(ctx);
      // The host opens the dashboard once: a session korso keeps for them.
      const signIn = await app.request(`/p/wunschkunde/admin?token=${encodeURIComponent(adminToken)}`);
      expect(signIn.status).toBe(303);
      const mention = await app.request('/webmention', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          source: site.entries[5]?.url ?? '',
          target: 'http://korso.test/p/wunschkunde',
        }).toString(),
      });
      expect(mention.status).toBe(202);
      // Someone claims the farm's call, which nobody has proved: an open claim korso keeps (as a hash).
      expect((await app.request('/api/parades/farm/claims', { method: 'POST' })).status).toBe(201);
      const now = ctx.clock.now().toISOString();
      await blockDomain(ctx.db, { paradeId: null, domain: 'spam.example', note: 'Spam', now });
      await blockDomain(ctx.db, { paradeId: parade.id, domain: 'backlink-turbo.example', now });
      await runDiscoveryPass(ctx);
      await runCrawlPass(ctx);
      // Tables a SQLite install fills only when it shares work with other processes: a host turn and
      // a once-per-tick record, as a worker on PostgreSQL would leave them.
      const gate = databaseHostGate(ctx.db, () => ctx.clock.now(), 'migrate-probe');
      const turn = await gate.take(farm.hosts[0] as string, 30_000, 1_000);
      if (turn.granted) await gate.release(farm.hosts[0] as string, turn.token, 1_000);
      await runOncePerTick(
        ctx.db,
        'sqlite',
        { job: 'cleanup', tick: now, owner: 'migrate-probe', now },
        async () => 0,
        () => ctx.clock.now().toISOString(),
      );
      await ctx.db
        .insertInto('rendered_pages')
        .values({
          scope_id: parade.id,
          key: 'probe',
          seq: 1,
          valid_until: null,
          etag: '"probe"',
          content_type: 'application/octet-stream',
          last_modified: now,
          body: BLOB,
          gzip: gzipSync(BLOB),
          br: Buffer.alloc(0),
          created_at: now,
        })
        .execute();
    } finally {
      await runtime.close();
    }
  }, 120_000);

  afterAll(async () => {
    await site?.close();
    await farm?.close();
    await target?.drop();
    await source?.drop();
  });

  it('copies every row of every table, ids, flags and bytes included', async () => {
    const tables = sqliteTables(file);
    for (const table of tables)
      expect(sqliteRows(file, table).length, `${table} has rows`).toBeGreaterThan(0);
    const nested = new SQLite(file, { readonly: true });
    const severalLists =
      'SELECT count(*) FROM (SELECT entry_id FROM entry_lists GROUP BY entry_id HAVING count(*) > 1)';
    expect(nested.prepare(severalLists).pluck().get()).toBeGreaterThan(0);
    expect(
      nested.prepare('SELECT count(*) FROM entry_lists WHERE ordered = 1').pluck().get(),
    ).toBeGreaterThan(0);
    nested.close();

    const moved = await runKorso(['migrate-data', '--to', target.url], { DATABASE_URL: source.url });
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.stdout).toMatch(/^parades: 2 rows$/m);
    expect(moved.stdout).toMatch(/\nmoved \d+ rows in \d+ tables to postgres:.*\n$/);

    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    try {
      for (const table of tables)
        expect(await postgresRows(client, table), table).toEqual(sqliteRows(file, table));
      const { rows } = await client.query('SELECT body FROM rendered_pages');
      expect(rows[0].body).toEqual(BLOB);
    } finally {
      await client.end();
    }
  });

  it('runs korso on PostgreSQL with the same overview and API, and new rows take fresh ids', async () => {
    const clock = new FakeClock(new Date('2026-12-01T12:00:00Z'));
    const before = await openRuntime(testConfig(source.url), {
      clock,
      log: createLogger('error'),
      migrate: false,
    });
    const after = await openRuntime(testConfig(target.url), {
      clock,
      log: createLogger('error'),
      migrate: false,
    });
    try {
      const [a, b] = [createApp(before.ctx), createApp(after.ctx)];
      const pages = ['/', '/api/parades', '/calendar.ics'];
      for (const slug of slugs)
        pages.push(`/p/${slug}`, `/api/parades/${slug}`, `/p/${slug}/feed.json`, `/p/${slug}/roundup.md`);
      for (const page of pages) {
        const [was, is] = await Promise.all([a.request(page), b.request(page)]);
        expect(is.status, page).toBe(200);
        expect(await is.text(), page).toBe(await was.text());
      }
      const api = (await (await b.request('/api/parades/wunschkunde')).json()) as {
        entries: { status: string }[];
      };
      expect(api.entries.filter((e) => e.status === 'live').length).toBeGreaterThan(0);

      const parade = await after.ctx.db
        .selectFrom('parades')
        .selectAll()
        .where('slug', '=', 'farm')
        .executeTakeFirstOrThrow();
      const highest = new SQLite(file, { readonly: true });
      const maxId = Number(highest.prepare('SELECT max(id) FROM entries').pluck().get());
      highest.close();
      const { entry, created } = await registerEntry(
        after.ctx,
        parade,
        farm.entryUrl(farm.hosts[0] as string, 99),
        'cli',
      );
      expect(created).toBe(true);
      expect(entry.id).toBe(maxId + 1);
    } finally {
      await before.close();
      await after.close();
    }
  });

  it('refuses a target that already holds data, and changes nothing there', async () => {
    const again = await runKorso(['migrate-data', '--to', target.url], { DATABASE_URL: source.url });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(
      /^korso: the target already holds data: .*parades \(2 rows\).*; migrate-data fills an empty database only/,
    );
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT count(*)::int AS n FROM parades');
      expect(rows[0].n).toBe(2);
    } finally {
      await client.end();
    }
    const wrong = await runKorso(['migrate-data', '--to', 'mysql://x@127.0.0.1/k'], {
      DATABASE_URL: source.url,
    });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe('korso: --to must be a postgres:// or postgresql:// URL\n');
  });
});

describe('korso migrate-data refuses what it cannot move', () => {
  it('a missing SQLite file', async () => {
    const result = await runKorso(['migrate-data', '--to', 'postgres://korso@127.0.0.1:1/korso'], {
      DATABASE_URL: 'sqlite:/nonexistent/korso.db',
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('korso: there is no database at /nonexistent/korso.db\n');
  });

  it('a PostgreSQL installation', async () => {
    const result = await runKorso(['migrate-data', '--to', 'postgres://korso@127.0.0.1:1/korso'], {
      DATABASE_URL: 'postgres://korso@127.0.0.1:1/other',
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^korso: migrate-data moves a SQLite installation; DATABASE_URL is "postgres:/,
    );
  });
});
