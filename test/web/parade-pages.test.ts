import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/parades/parade-service.js';
import type { Runtime } from '../../src/runtime.js';
import { createApp } from '../../src/web/app.js';
import { sqliteDatabase, type TestDatabase } from '../support/databases.js';
import { FakeClock, testRuntime } from '../support/runtime.js';
import { seedLiveEntries, seedParade } from '../support/seed.js';
import { webClient } from '../support/web-client.js';

const TOKEN = 'host-token-parade-pages';
let database: TestDatabase;
let runtime: Runtime;
let clock: FakeClock;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  database = await sqliteDatabase();
  clock = new FakeClock(new Date('2026-11-20T10:00:00.000Z'));
  runtime = await testRuntime(database, { clock });
  const parade = await seedParade(runtime.ctx.db, 'wunsch', '2026-11-01T08:00:00.000Z');
  // Deadline 15 November, 23:59 in Berlin: entries published on the 16th or later are late.
  await runtime.ctx.db
    .updateTable('parades')
    .set({
      admin_token_hash: hashToken(TOKEN),
      deadline: '2026-11-15T22:59:59.000Z',
      prompt: 'Mein Wunschkunde ist …',
      host_name: 'Barbara Beispiel',
      hashtag: 'wunschkunde',
    })
    .where('id', '=', parade.id)
    .execute();
  await seedLiveEntries(runtime.ctx.db, parade.id, 45, { now: '2026-11-20T10:00:00.000Z' });
  app = createApp(runtime.ctx);
});

afterAll(async () => {
  await runtime?.close();
  await database?.drop();
});

const page = async (path: string) => {
  const res = await app.request(path);
  expect(res.status, path).toBe(200);
  return cheerio.load(await res.text());
};

describe('the overview', () => {
  it('puts the call on top: title, host, prompt, hashtag, deadline in Berlin time, state', async () => {
    const $ = await page('/p/wunsch');
    const call = $('section.call').text().replace(/\s+/g, ' ');
    expect(call).toContain('Gastgeber:in: Barbara Beispiel');
    expect(call).toContain('Thema: „Mein Wunschkunde ist …“');
    expect(call).toContain('#wunschkunde');
    expect(call).toContain('15. November 2026, 23:59 Uhr (MEZ)');
    expect(call).toContain('seit 5 Tagen beendet');
    expect($('section.call .badge').text()).toBe('beendet');
    expect($('section.call a').attr('href')).toBe('https://host.example/aufruf/');
  });

  it('sums up every entry in one numbered row with blog, author, date, lateness and item count', async () => {
    const $ = await page('/p/wunsch');
    const rows = $('ol.summary > li');
    expect(rows).toHaveLength(45);
    expect(rows.first().attr('value')).toBe('45');
    expect(rows.last().attr('value')).toBe('1');
    const texts = rows.map((_, li) => $(li).text().replace(/\s+/g, ' ')).get();
    expect(texts.filter((t) => t.includes('verspätet')).length).toBeGreaterThan(0);
    expect(texts.filter((t) => t.includes('pünktlich · ')).length).toBeGreaterThan(0);
    for (const text of texts) expect(text).toMatch(/Blog \d .*Autorin \d+ .*November 2026 .*\d Punkte/);
    // The first twenty are shown in full on this page; the rest link to the page that holds them.
    expect(rows.first().find('a').attr('href')).toMatch(/^#e-\d+$/);
    expect(rows.eq(20).find('a').attr('href')).toMatch(/^\/p\/wunsch\/entries\?page=2#e-\d+$/);
    expect(rows.eq(44).find('a').attr('href')).toMatch(/^\/p\/wunsch\/entries\?page=3#e-\d+$/);
    expect($('article.entry')).toHaveLength(20);
  });

  it('keeps a nested list under the item it belongs to', async () => {
    const $ = await page('/p/wunsch');
    const nested = $('article.entry .list > ul > li > ol');
    expect(nested.length).toBeGreaterThan(0);
    expect(nested.first().parent('li').text()).toMatch(/^zahlt pünktlich \d+sofort$/);
  });

  it('shows the later entries in full page by page, each numbered as on the overview', async () => {
    const $ = await page('/p/wunsch/entries?page=3');
    const numbers = $('article.entry h2 .num')
      .map((_, n) => $(n).text().trim())
      .get();
    expect(numbers).toEqual(['5.', '4.', '3.', '2.', '1.']);
    expect($('nav.pager a[rel="prev"]').first().attr('href')).toBe('/p/wunsch/entries?page=2');
    expect($('link[rel="canonical"]').attr('href')).toBe('http://korso.test/p/wunsch/entries?page=3');
  });

  it('carries sharing tags: description, canonical, Open Graph, icon', async () => {
    const $ = await page('/p/wunsch');
    expect($('meta[name="description"]').attr('content')).toContain('45 Beiträge');
    expect($('link[rel="canonical"]').attr('href')).toBe('http://korso.test/p/wunsch');
    expect($('meta[property="og:url"]').attr('content')).toBe('http://korso.test/p/wunsch');
    expect($('meta[property="og:title"]').attr('content')).toContain('Mein Wunschkunde ist');
    expect($('link[rel="icon"]').attr('href')).toBe('/favicon.svg');
    const icon = await app.request('/favicon.ico');
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
  });
});

describe('the embeddable participant list', () => {
  it('is an iframe page other sites may frame, oldest entry first', async () => {
    const res = await app.request('/p/wunsch/embed');
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors *');
    const $ = cheerio.load(await res.text());
    const items = $('ol > li');
    expect(items).toHaveLength(45);
    expect($('base').attr('target')).toBe('_top');
    const titles = items.map((_, li) => $(li).find('a').text()).get();
    expect(titles[0]).toBe('Beitrag Nummer 0');
    // Every other page refuses to be framed.
    const overview = await app.request('/p/wunsch');
    expect(overview.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('comes as an HTML fragment to paste, with absolute links', async () => {
    const res = await app.request('/p/wunsch/embed.html');
    const text = await res.text();
    expect(text).not.toContain('<html');
    expect(text).toContain('href="http://korso.test/p/wunsch"');
  });
});

describe('the host dashboard', () => {
  it('saves the round-up intro, pages the entries and shows the embed snippet', async () => {
    const host = webClient((p, init) => app.request(p, init), 'http://korso.test');
    expect((await host.get(`/p/wunsch/admin?token=${encodeURIComponent(TOKEN)}`)).status).toBe(303);
    const res = await host.postForm(
      '/p/wunsch/admin/roundup',
      { intro: 'Danke für 45 wunderbare Beiträge!' },
      '/p/wunsch/admin',
    );
    expect(res.status).toBe(303);
    const $ = cheerio.load(await (await host.get('/p/wunsch/admin')).text());
    expect($('#roundup-intro').text()).toBe('Danke für 45 wunderbare Beiträge!');
    expect($('pre code').text()).toContain('<iframe src="http://korso.test/p/wunsch/embed"');
    expect($('table.entries tbody tr')).toHaveLength(45);
    const row = await runtime.ctx.db
      .selectFrom('parades')
      .select('roundup_intro')
      .where('slug', '=', 'wunsch')
      .executeTakeFirstOrThrow();
    expect(row.roundup_intro).toBe('Danke für 45 wunderbare Beiträge!');
    const tooLong = await host.postForm('/p/wunsch/admin/roundup', { intro: 'x'.repeat(5000) }, '/p/wunsch/admin');
    expect(tooLong.status).toBe(400);
    // Without the host's cookie the form is refused.
    const stranger = webClient((p, init) => app.request(p, init), 'http://korso.test');
    expect((await stranger.get('/p/wunsch/admin')).status).toBe(403);
  });
});

describe('the submit page', () => {
  it('says when the deadline has passed and still takes late entries', async () => {
    const $ = await page('/p/wunsch/submit');
    expect($('[role="note"]').text()).toContain('Der Einsendeschluss ist vorbei');
    expect($('form input[name="url"]')).toHaveLength(1);
  });
});
