import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/runtime.js';
import { createApp } from '../../src/web/app.js';
import { sqliteDatabase, type TestDatabase } from '../support/databases.js';
import { testRuntime } from '../support/runtime.js';
import { seedEntryWithItems, seedParade } from '../support/seed.js';

const NOW = '2026-11-20T10:00:00.000Z';
let database: TestDatabase;
let runtime: Runtime;
let app: ReturnType<typeof createApp>;

// Three bloggers say "pays on time" in three ways; two say "knows what they want".
const ANSWERS: [string, string, string[]][] = [
  ['https://anna.example/wunsch/', 'Anna', ['zahlt pünktlich', 'weiß, was er will', 'hat Humor']],
  ['https://ben.example/kunde/', 'Ben', ['pünktliche Bezahlung', 'weiß genau, was er will', 'mag Hunde']],
  ['https://cem.example/traum/', 'Cem', ['bezahlt Rechnungen sofort', 'liest Anleitungen']],
];

beforeAll(async () => {
  database = await sqliteDatabase();
  runtime = await testRuntime(database);
  const parade = await seedParade(runtime.ctx.db, 'wunsch', NOW);
  for (const [url, author, items] of ANSWERS) {
    await seedEntryWithItems(runtime.ctx.db, parade.id, url, items, { now: NOW, author });
  }
  app = createApp(runtime.ctx);
});

afterAll(async () => {
  await runtime?.close();
  await database?.drop();
});

interface ThemesBody {
  entries: number;
  items: number;
  themes: { label: string; participants: number; who: { name: string; url: string }[]; items: { text: string; url: string }[] }[];
}

describe('all answers by theme', () => {
  it('groups items that say the same thing, largest theme first, with who says it', async () => {
    const res = await app.request('/api/parades/wunsch/themes');
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBeTruthy();
    const body = (await res.json()) as ThemesBody;
    expect(body.entries).toBe(3);
    expect(body.items).toBe(8);
    const [first, second] = body.themes;
    expect(first?.participants).toBe(3);
    expect(first?.items.map((i) => i.text).sort()).toEqual(
      ['bezahlt Rechnungen sofort', 'pünktliche Bezahlung', 'zahlt pünktlich'].sort(),
    );
    expect(first?.who.map((w) => w.name).sort()).toEqual(['Anna', 'Ben', 'Cem']);
    expect(second?.participants).toBe(2);
    expect(second?.items.map((i) => i.text).sort()).toEqual(['weiß genau, was er will', 'weiß, was er will']);
    const counts = body.themes.map((t) => t.participants);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(body.themes.flatMap((t) => t.items)).toHaveLength(8);
  });

  it('shows the themes on the lists page, with bars and who said what', async () => {
    const res = await app.request('/p/wunsch/lists');
    expect(res.status).toBe(200);
    const $ = cheerio.load(await res.text());
    expect($('h1').text()).toBe('Alle Antworten nach Thema');
    const first = $('section.theme').first();
    expect(first.find('.muted').first().text()).toBe('von 3 Beiträgen genannt');
    expect(first.find('li a').map((_, a) => $(a).attr('href')).get().sort()).toEqual(ANSWERS.map((a) => a[0]).sort());
    expect($('figure.chart svg[role="img"]')).toHaveLength(1);
    expect($('figure.chart table')).toHaveLength(1);
    expect((await app.request('/p/wunsch/lists?page=2')).status).toBe(404);
  });

  it('shows a dozen answers under a large theme and counts the rest', async () => {
    const big = await seedParade(runtime.ctx.db, 'gross', NOW);
    for (let n = 0; n < 15; n++) {
      await seedEntryWithItems(runtime.ctx.db, big.id, `https://blog${n}.example/wunsch/`, ['zahlt pünktlich'], {
        now: NOW,
        author: `Autorin ${n}`,
      });
    }
    const $ = cheerio.load(await (await app.request('/p/gross/lists')).text());
    const first = $('section.theme').first();
    expect(first.find('.muted').first().text()).toBe('von 15 Beiträgen genannt');
    expect(first.find('li')).toHaveLength(12);
    expect(first.text()).toContain('… und 3 weitere Antworten');
    const api = (await (await app.request('/api/parades/gross/themes')).json()) as ThemesBody;
    expect(api.themes[0]?.items).toHaveLength(15);
  });

  it('names the shared themes in the round-up', async () => {
    const md = await (await app.request('/p/wunsch/roundup.md')).text();
    expect(md).toContain('## Was viele genannt haben');
    const html = await (await app.request('/p/wunsch/roundup.html')).text();
    expect(html).toContain('Was viele genannt haben');
  });
});

describe('the feed of new parades', () => {
  it.each([
    ['/atom.xml', 'application/atom+xml; charset=utf-8', '<feed'],
    ['/feed.xml', 'application/rss+xml; charset=utf-8', '<rss'],
    ['/feed.json', 'application/feed+json; charset=utf-8', '"version": "https://jsonfeed.org/version/1.1"'],
  ])('%s lists the parade with its call and state', async (path, type, marker) => {
    const res = await app.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    const text = await res.text();
    expect(text).toContain(marker);
    expect(text).toContain('https://host.example/aufruf/');
    expect(text).toContain('http://korso.test/p/wunsch');
  });

  it('is advertised on the directory', async () => {
    const $ = cheerio.load(await (await app.request('/')).text());
    expect($('link[rel="alternate"][type="application/atom+xml"]').attr('href')).toBe('/atom.xml');
  });
});
