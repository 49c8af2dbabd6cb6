import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/parades/parade-service.js';
import type { Runtime } from '../../src/runtime.js';
import { createApp } from '../../src/web/app.js';
import { type CallServer, callPage, startCallServer } from '../support/call-server.js';
import { sqliteDatabase, type TestDatabase } from '../support/databases.js';
import { testRuntime } from '../support/runtime.js';
import { type WebClient, webClient } from '../support/web-client.js';

let database: TestDatabase;
let runtime: Runtime;
let app: ReturnType<typeof createApp>;
let calls: CallServer;
let browser: WebClient;
let added = 0;

beforeAll(async () => {
  database = await sqliteDatabase();
  runtime = await testRuntime(database);
  calls = await startCallServer();
  calls.set('/aufruf/', callPage({ title: 'Mein Wunschkunde', body: '<p>Macht mit!</p>' }));
  calls.set('/en-call', callPage({ title: 'Tools', lang: 'en' }));
  app = createApp(runtime.ctx, { onEntryAdded: () => added++ });
  browser = webClient((path, init) => app.request(path, init), 'http://korso.test');
});

afterAll(async () => {
  await calls?.close();
  await runtime?.close();
  await database?.drop();
});

// biome-ignore lint/suspicious/noExplicitAny: response shapes are asserted by the tests themselves
const readJson = async (res: Response): Promise<any> => res.json();

const json = (payload: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(payload),
});

describe('JSON API', () => {
  let token = '';

  it('creates a parade and answers 201 with the admin token once', async () => {
    const res = await app.request(
      '/api/parades',
      json({ callUrl: calls.url('/aufruf/'), title: 'Mein Wunschkunde', prompt: 'Mein Wunschkunde ist', slug: 'wunsch' }),
    );
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await readJson(res);
    expect(body.parade).toMatchObject({
      slug: 'wunsch',
      title: 'Mein Wunschkunde',
      lang: 'de',
      callUrl: calls.url('/aufruf/'),
      listed: false,
    });
    expect(body.adminUrl).toBe(`http://korso.test/p/wunsch/admin?token=${body.adminToken}`);
    expect(body.next.submitUrl).toBe('http://korso.test/p/wunsch/submit');
    expect(JSON.stringify(body)).not.toContain(hashToken(body.adminToken));
    token = body.adminToken;
  });

  it.each([
    ['a call URL that is not http', { callUrl: 'javascript:alert(1)' }, 'callUrl'],
    ['a missing call URL', { title: 'x' }, 'callUrl'],
    ['a taken slug', { callUrl: 'http://127.0.0.1:9/other', slug: 'wunsch' }, 'slug'],
    ['a bad slug', { callUrl: 'http://127.0.0.1:9/other', slug: 'Not OK' }, 'slug'],
    ['an unknown language', { callUrl: 'http://127.0.0.1:9/other', lang: 'fr' }, 'lang'],
    ['a bad deadline', { callUrl: 'http://127.0.0.1:9/other', deadline: 'soon' }, 'deadline'],
    ['a number for a string', { callUrl: 42 }, 'callUrl'],
  ])('refuses %s with 400 and names the field', async (_name, payload, field) => {
    const res = await app.request('/api/parades', json(payload));
    expect(res.status).toBe(400);
    const body = await readJson(res);
    expect(body.field).toBe(field);
    expect(body.code).toMatch(/^input\./);
    if (_name === 'a number for a string') expect(body.error).toBe('callUrl must be a string');
  });

  it('refuses a body that is not JSON and one that is too large', async () => {
    const bad = await app.request('/api/parades', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{nope',
    });
    expect(bad.status).toBe(400);
    expect((await readJson(bad)).code).toBe('input.json');
    const huge = await app.request('/api/parades', json({ callUrl: 'https://h.example/', title: 'x'.repeat(100_000) }));
    expect(huge.status).toBe(413);
  });

  it('registers an entry with 202, once, and shows it pending', async () => {
    const before = added;
    const res = await app.request('/api/parades/wunsch/entries', json({ url: 'https://anna.example/mein-wunschkunde/' }));
    expect(res.status).toBe(202);
    expect((await readJson(res)).entry).toMatchObject({ status: 'pending', created: true, reasonCode: 'entry.waiting' });
    const again = await app.request('/api/parades/wunsch/entries', json({ url: 'http://www.anna.example/mein-wunschkunde' }));
    expect((await readJson(again)).entry.created).toBe(false);
    expect(added).toBe(before + 1);

    // The public document lists live entries only; the others are a count.
    const detail = await readJson(await app.request('/api/parades/wunsch'));
    expect(detail.entries).toEqual([]);
    expect(detail.counts).toEqual({ pending: 1 });
    // The blogger who registered it looks it up by its address.
    const mine = await readJson(
      await app.request(`/api/parades/wunsch/entries?url=${encodeURIComponent('https://anna.example/mein-wunschkunde')}`),
    );
    expect(mine.entry).toEqual(
      expect.objectContaining({
        url: 'https://anna.example/mein-wunschkunde/',
        status: 'pending',
        reason: 'wartet auf den ersten Abruf',
        reasonCode: 'entry.waiting',
        reasonParams: {},
        lists: [],
        foundVia: ['api'],
      }),
    );
  });

  it('refuses the call itself and non-http URLs as entries', async () => {
    const self = await app.request('/api/parades/wunsch/entries', json({ url: calls.url('/aufruf') }));
    expect(self.status).toBe(400);
    expect((await readJson(self)).error).toBe('Das ist der Aufruf selbst, kein Beitrag');
    const file = await app.request('/api/parades/wunsch/entries', json({ url: 'file:///etc/passwd' }));
    expect(file.status).toBe(400);
  });

  it('answers 404 for an unknown parade and 403 for a wrong admin token', async () => {
    expect((await app.request('/api/parades/nope')).status).toBe(404);
    const forged = await app.request('/api/parades/wunsch', { headers: { Authorization: 'Bearer forged' } });
    expect(forged.status).toBe(403);
    const admin = await app.request('/api/parades/wunsch', { headers: { Authorization: `Bearer ${token}` } });
    expect(admin.status).toBe(200);
  });

  it('lists a parade once its call page names it', async () => {
    expect((await readJson(await app.request('/api/parades'))).parades).toEqual([]);
    calls.set('/aufruf/', callPage({ title: 'Mein Wunschkunde', body: '<p><a href="http://korso.test/p/wunsch">Alle Beiträge</a></p>' }));
    const check = await app.request('/api/parades/wunsch/verify', { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
    expect(await readJson(check)).toMatchObject({ verified: true, reasonCode: 'call.verified' });
    const list = await readJson(await app.request('/api/parades'));
    expect(list.parades.map((p: { slug: string }) => p.slug)).toEqual(['wunsch']);
  });
});

describe('HTML pages', () => {
  it('the directory links every listed parade', async () => {
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('href="/p/wunsch"');
  });

  it('the overview counts entries that are not listed yet without naming them', async () => {
    const html = await (await app.request('/p/wunsch')).text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('Ein weiterer Beitrag wartet noch auf die Prüfung.');
    expect(html).not.toContain('anna.example');
    expect(html).toContain('type="application/rss+xml"');
  });

  it('the submit form registers an entry and shows what korso knows of it', async () => {
    const res = await browser.postForm('/p/wunsch/submit', { url: 'https://jonas.example/post' });
    expect(res.status).toBe(303);
    const location = res.headers.get('location') ?? '';
    expect(location).toBe('/p/wunsch/submit?url=https%3A%2F%2Fjonas.example%2Fpost&new=1');
    const report = await (await browser.get(location)).text();
    expect(report).toContain('Danke! Dein Beitrag ist eingetragen.');
    expect(report).toContain('wartet auf den ersten Abruf');
    expect(report).toContain('<meta http-equiv="refresh" content="2"/>');
    const again = await browser.postForm('/p/wunsch/submit', { url: 'https://jonas.example/post/' });
    expect(again.headers.get('location')).toContain('new=0');
    const unknown = await app.request('/p/wunsch/submit?url=https%3A%2F%2Fnobody.example%2F');
    expect(unknown.status).toBe(404);
    const bad = await browser.postForm('/p/wunsch/submit', { url: 'not a url' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Adresse ist keine gültige Adresse');
  });

  it('the new-parade form reads the call, creates an English parade and escapes what it echoes', async () => {
    const prefill = await browser.postForm('/new/prefill', { callUrl: calls.url('/en-call'), lang: 'en' }, '/new');
    expect(prefill.status).toBe(200);
    expect(await prefill.text()).toContain('value="Tools"');
    const res = await browser.postForm('/new', { callUrl: calls.url('/en-call'), title: '<b>Tools</b>', lang: 'en' }, '/new');
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain('&lt;b&gt;Tools&lt;/b&gt;');
    expect(html).toContain('The blog parade is ready');
    const bad = await browser.postForm('/new', { callUrl: 'ftp://x', title: '"><script>' }, '/new');
    expect(bad.status).toBe(400);
    expect(await bad.text()).not.toContain('"><script>');
  });

  it('the admin page needs the token', async () => {
    expect((await app.request('/p/wunsch/admin')).status).toBe(403);
    expect((await app.request('/p/wunsch/admin?token=nope')).status).toBe(403);
  });

  it('unknown pages answer 404; health answers ok', async () => {
    expect((await app.request('/p/nope')).status).toBe(404);
    expect((await app.request('/p/nope/feed.xml')).status).toBe(404);
    expect(await readJson(await app.request('/healthz'))).toEqual({ ok: true });
  });
});
