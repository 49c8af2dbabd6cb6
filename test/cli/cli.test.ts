import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureSite, startFixtureSite } from '../../src/demo/fixture-site.js';
import { openDatabase } from '../../db/database.js';
import { hashToken } from '../../src/parades/parade-service.js';
import { runKorso, spawnKorso } from '../support/cli.js';
import { sqliteDatabase, type TestDatabase } from '../support/databases.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/extract');

describe('korso extract --json', () => {
  it('prints the contract object per input and goes on after a failure', async () => {
    const good = path.join(FIXTURES, 'wp-classic-archetype-1', 'page.html');
    const meta = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'wp-classic-archetype-1', 'meta.json'), 'utf8'));
    const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'wp-classic-archetype-1', 'expected.json'), 'utf8'));
    const missing = path.join(os.tmpdir(), 'korso-does-not-exist.html');
    const result = await runKorso(['extract', '--json', '--url', meta.url, good, missing, good]);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    const [first, failed, third] = lines;
    expect(Object.keys(first)).toEqual(['source', 'url', 'title', 'author', 'published', 'lang', 'text', 'lists', 'links']);
    expect(first).toMatchObject({
      source: good,
      url: meta.url,
      title: expected.title,
      author: expected.author,
      lang: expected.lang,
      lists: expected.lists,
      links: expected.links,
    });
    expect(first.text).toContain('\n\n');
    expect(failed).toEqual({ source: missing, error: expect.stringContaining('ENOENT') });
    expect(third).toEqual(first);
  });

  it('reads a windows-1252 page without mojibake', async () => {
    const dir = path.join(FIXTURES, 'static-numbered-lines-cp1252-undeclared-1');
    const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8'));
    const result = await runKorso(['extract', '--json', path.join(dir, 'page.html')]);
    const page = JSON.parse(result.stdout);
    expect(page.lists).toEqual(expected.lists);
    expect(page.text).not.toMatch(/Ã|â€/);
  });
});

describe('korso commands on a fresh database', () => {
  let database: TestDatabase;
  let site: FixtureSite;
  let env: Record<string, string>;

  beforeAll(async () => {
    database = await sqliteDatabase();
    site = await startFixtureSite();
    env = { DATABASE_URL: database.url, KORSO_ALLOW_PRIVATE_NETWORKS: '1', KORSO_PER_HOST_DELAY_MS: '0' };
  });

  afterAll(async () => {
    await site?.close();
    await database?.drop();
  });

  /** The parade as stored, read with a connection of its own (the CLI runs in other processes). */
  const paradeRow = async (slug: string) => {
    const handle = openDatabase(database.url);
    try {
      return await handle.db.selectFrom('parades').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
    } finally {
      await handle.close();
    }
  };

  it.each([[[]], [['serve']], [['worker']], [['migrate']], [['parade', 'create']], [['entry', 'add']], [['crawl']], [['extract']], [['demo']], [['block', 'add']], [['backup']], [['migrate-data']], [['parade', 'rotate-token']], [['parade', 'approve']], [['parade', 'verify']], [['parade', 'transfer']], [['parade', 'edit']]])(
    'korso %j --help explains itself',
    async (args) => {
      const result = await runKorso([...args, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^Usage: korso/);
    },
  );

  it('migrates, creates a parade, adds an entry and crawls it once', async () => {
    expect((await runKorso(['migrate'], env)).stdout).toBe('database is up to date\n');
    const created = await runKorso(
      ['parade', 'create', '--call-url', site.callUrl, '--title', 'Mein Wunschkunde', '--slug', 'wunsch', '--hashtag', '#Wunschkunde'],
      env,
    );
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/^slug: wunsch\nadmin: http:\/\/localhost:3000\/p\/wunsch\/admin\?token=[\w-]{20,}\n$/);
    const entry = site.entries[0];
    const added = await runKorso(['entry', 'add', 'wunsch', entry?.url ?? ''], env);
    expect(added.stdout).toBe(`added: ${entry?.url} (pending)\n`);
    const crawl = await runKorso(['crawl', '--once', '--parade', 'wunsch'], env);
    expect(crawl.code, crawl.stderr).toBe(0);
    expect(crawl.stdout).toMatch(/^discovery: \d+ sources \(0 failed\), \d+ candidates, \d+ new entries\n/);
    expect(crawl.stdout).toMatch(/\ncrawled \d+: fetched \d+, changed 0, unchanged 0, failed 0\n$/);
    expect(crawl.stderr).toMatch(/\[1\/\d+\] fetched /);
  });

  it('points at the claim when a call nobody proved is registered again, and transfers a parade for the operator', async () => {
    const again = await runKorso(['parade', 'create', '--call-url', site.callUrl], env);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(
      'Nobody has proved yet that this call belongs to that parade. If the call is yours, claim it: http://localhost:3000/p/wunsch/claim\n' +
        'korso: this call already has a blog parade: http://localhost:3000/p/wunsch\n',
    );
    const row = () => paradeRow('wunsch');
    const before = await row();
    const moved = await runKorso(['parade', 'transfer', 'wunsch'], env);
    expect(moved.code, moved.stderr).toBe(0);
    const token = /^admin: http:\/\/localhost:3000\/p\/wunsch\/admin\?token=([\w-]{20,})\n$/.exec(moved.stdout)?.[1] ?? '';
    expect(moved.stderr).toContain('The old admin link and every admin cookie no longer work');
    expect(moved.stderr).toContain(`The call is not proved yet: link http://localhost:3000/p/wunsch from it or show the code ${before.verify_code} on it.`);
    const after = await row();
    expect(after.admin_token_hash).toBe(hashToken(token));
    expect(after.admin_token_hash).not.toBe(before.admin_token_hash);
    expect(after).toMatchObject({ call_verified_at: null, change_seq: before.change_seq });
    const vouched = await runKorso(['parade', 'transfer', 'wunsch', '--verified'], env);
    expect(vouched.code, vouched.stderr).toBe(0);
    expect(vouched.stderr).toContain('The call counts as proved: the parade is listed and mentions of the call reach it.');
    const proved = await row();
    expect(proved.call_verified_at).not.toBeNull();
    expect(proved.call_check_code).toBe('call.operator');
    expect(proved.change_seq).toBe(before.change_seq + 1);
    expect((await runKorso(['parade', 'transfer', 'nope'], env)).stderr).toBe('korso: no parade "nope"\n');
  });

  it("changes a parade's details: only the options given, an empty value clears", async () => {
    const read = () => paradeRow('wunsch');
    const before = await read();
    const edited = await runKorso(
      ['parade', 'edit', 'wunsch', '--title', 'Mein Traumkunde', '--hashtag', '', '--deadline', '2026-06-30T18:00'],
      env,
    );
    expect(edited.code, edited.stderr).toBe(0);
    expect(edited.stdout).toContain('title: Mein Traumkunde\n');
    expect(edited.stdout).toContain('hashtag: –\n');
    // 18:00 in Berlin in summer (UTC+2).
    expect(edited.stdout).toContain('deadline: 2026-06-30T16:00:00.000Z (Europe/Berlin)\n');
    const after = await read();
    expect(after).toMatchObject({ title: 'Mein Traumkunde', hashtag: null, prompt: before.prompt, lang: before.lang });
    expect(after.change_seq).toBe(before.change_seq + 1);
    const refused = await runKorso(['parade', 'edit', 'wunsch', '--deadline', 'bald'], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('korso: deadline must be an ISO 8601 date\n');
    expect((await read()).deadline).toBe(after.deadline);
  });

  it('reads what it is not given from the call post, rotates the token, and lets the operator approve under review', async () => {
    const review = { ...env, KORSO_NEW_PARADES: 'review' };
    const site2 = await startFixtureSite();
    try {
      const created = await runKorso(['parade', 'create', '--call-url', site2.callUrl, '--slug', 'gelesen'], review);
      expect(created.code, created.stderr).toBe(0);
      expect(created.stdout).toMatch(/^slug: gelesen\nadmin: http:\/\/localhost:3000\/p\/gelesen\/admin\?token=([\w-]{20,})\n$/);
      expect(created.stderr).toContain(`title: ${site2.parade.title}`);
      expect(created.stderr).toContain(`prompt: ${site2.parade.prompt}`);
      expect(created.stderr).toContain(`hashtag: ${site2.parade.hashtag}`);
      expect(created.stderr).toMatch(/show the code korso-[\w-]+ on it/);
      const oldToken = /token=([\w-]+)/.exec(created.stdout)?.[1] ?? '';
      const rotated = await runKorso(['parade', 'rotate-token', 'gelesen'], review);
      expect(rotated.code, rotated.stderr).toBe(0);
      const newToken = /^admin: http:\/\/localhost:3000\/p\/gelesen\/admin\?token=([\w-]{20,})\n$/.exec(rotated.stdout)?.[1];
      expect(newToken).toBeDefined();
      expect(newToken).not.toBe(oldToken);
      const unproved = await runKorso(['parade', 'verify', 'gelesen'], review);
      expect(unproved.code).toBe(1);
      expect(unproved.stdout).toBe(
        'not verified: the call page neither links http://localhost:3000/p/gelesen nor shows the code ' +
          `${/show the code (korso-[\w-]+)/.exec(created.stderr)?.[1]}\n`,
      );
      site2.linkParade('http://localhost:3000/p/gelesen');
      expect((await runKorso(['parade', 'verify', 'gelesen'], review)).stdout).toBe('verified: the call page names this parade\n');
      expect((await runKorso(['parade', 'approve', 'gelesen'], review)).stdout).toBe('approved gelesen\n');
      expect((await runKorso(['parade', 'rotate-token', 'nope'], review)).stderr).toBe('korso: no parade "nope"\n');
    } finally {
      await site2.close();
    }
  });

  it('refuses bad input with a clear message and exit code 2', async () => {
    const bad = await runKorso(['parade', 'create', '--call-url', 'not-a-url'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('korso: callUrl is not a valid URL\n');
    const unknown = await runKorso(['entry', 'add', 'nope', 'https://a.example/'], env);
    expect(unknown.stderr).toBe('korso: no parade "nope"\n');
  });

  it('korso extract reads a URL through the guarded client without opening a database', async () => {
    const entry = site.entries[0];
    const unused = path.join(os.tmpdir(), `korso-unused-${process.pid}`);
    const result = await runKorso(['extract', '--json', entry?.url ?? ''], {
      DATABASE_URL: `sqlite:${path.join(unused, 'korso.db')}`,
      KORSO_ALLOW_PRIVATE_NETWORKS: '1',
    });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ source: entry?.url, url: entry?.url, title: entry?.title });
    expect(fs.existsSync(unused)).toBe(false);
  });

  it('korso worker --metrics-port serves its Prometheus metrics until SIGTERM', async () => {
    const own = await sqliteDatabase();
    const worker = spawnKorso(['worker', '--metrics-port', '0'], { ...env, DATABASE_URL: own.url, HOST: '127.0.0.1' });
    let stdout = '';
    const url = await new Promise<string>((resolve, reject) => {
      worker.stdout?.on('data', (d: Buffer) => {
        stdout += d.toString();
        const match = stdout.match(/^korso worker serves (http:\/\/127\.0\.0\.1:\d+\/metrics)$/m);
        if (match?.[1]) resolve(match[1]);
      });
      worker.once('exit', (code) => reject(new Error(`worker exited ${code} before serving metrics`)));
    });
    const res = await fetch(url);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await res.text();
    expect(text).toMatch(/^korso_parades 0$/m);
    expect(text).toMatch(/^korso_entries_due 0$/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect((await fetch(url.replace('/metrics', '/other'))).status).toBe(404);
    worker.kill('SIGTERM');
    const result = await worker.result;
    expect(result.code, result.stderr).toBe(0);
    await own.drop();
  });
});
