import * as cheerio from 'cheerio';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/parades/parade-service.js';
import type { Runtime } from '../../src/runtime.js';
import { type RunningServer, startServer } from '../../src/web/server.js';
import { databaseFactories, type TestDatabase } from '../support/databases.js';
import { FakeClock, testRuntime } from '../support/runtime.js';
import { seedLiveEntries, seedParade } from '../support/seed.js';
import { type WebClient, webClient } from '../support/web-client.js';

const TOKEN = 'host-token-parade-details';

const field = ($: cheerio.CheerioAPI, name: string) => {
  const el = $(`[name="${name}"]`).first();
  return el.is('textarea') ? el.text() : (el.attr('value') ?? '');
};

describe.each(databaseFactories())("the host corrects the parade's details, on %s", (_name, factory) => {
  let database: TestDatabase;
  let runtime: Runtime;
  let korso: RunningServer;
  let host: WebClient;
  let stranger: WebClient;
  let send: (path: string, init?: RequestInit) => Promise<Response>;

  const row = () =>
    runtime.ctx.db.selectFrom('parades').selectAll().where('slug', '=', 'angaben').executeTakeFirstOrThrow();
  const overview = async () => {
    const res = await send('/p/angaben');
    expect(res.status).toBe(200);
    return cheerio.load(await res.text());
  };
  const apiDocument = async () => {
    const res = await send('/api/parades/angaben?limit=500');
    expect(res.status).toBe(200);
    return (await res.json()) as { parade: Record<string, unknown>; entries: { late: boolean }[] };
  };
  const patch = (body: string, headers: Record<string, string> = {}) =>
    send('/api/parades/angaben', {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}`, ...headers },
      body,
    });
  const details = {
    title: 'Mein Traumkunde',
    hostName: 'Barbara Beispiel',
    description: '',
    prompt: 'Mein Traumkunde ist …',
    hashtag: 'Traumkunde',
    deadline: '2026-11-30',
    deadlineTime: '18:00',
    timeZone: 'Europe/Berlin',
    lang: 'de',
  };

  beforeAll(async () => {
    database = await factory();
    // 20 November; the deadline was 15 November, end of day in Berlin: entries of the 16th to 20th are late.
    runtime = await testRuntime(database, { clock: new FakeClock(new Date('2026-11-20T10:00:00.000Z')) });
    const parade = await seedParade(runtime.ctx.db, 'angaben', '2026-11-01T08:00:00.000Z');
    await runtime.ctx.db
      .updateTable('parades')
      .set({
        admin_token_hash: hashToken(TOKEN),
        deadline: '2026-11-15T22:59:59.000Z',
        deadline_passed_at: '2026-11-15T23:00:00.000Z',
        description: 'Wer ist dein Wunschkunde?',
        hashtag: '#Wunschkunde',
        time_zone: 'Europe/Berlin',
      })
      .where('id', '=', parade.id)
      .execute();
    await seedLiveEntries(runtime.ctx.db, parade.id, 20, { now: '2026-11-20T10:00:00.000Z' });
    korso = await startServer(runtime.ctx, { port: 0, host: '127.0.0.1' });
    send = (path, init = {}) => fetch(`${korso.url}${path}`, { ...init, redirect: 'manual' });
    host = webClient(send, korso.url);
    stranger = webClient(send, korso.url);
  });

  afterAll(async () => {
    await korso?.close();
    await runtime?.close();
    await database?.drop();
  });

  it('shows the form filled with the parade as it stands, to the host only', async () => {
    // A reader has the closed parade in the cache before the host changes anything.
    const before = await overview();
    expect(before('section.call .badge').text()).toBe('beendet');
    expect((await apiDocument()).entries.filter((e) => e.late)).toHaveLength(5);

    expect((await stranger.get('/p/angaben/admin/details')).status).toBe(403);
    expect((await host.get(`/p/angaben/admin?token=${encodeURIComponent(TOKEN)}`)).status).toBe(303);
    const dashboard = cheerio.load(await (await host.get('/p/angaben/admin')).text());
    expect(dashboard('a[href="/p/angaben/admin/details"]')).toHaveLength(1);
    const res = await host.get('/p/angaben/admin/details');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const $ = cheerio.load(await res.text());
    expect({
      title: field($, 'title'),
      description: field($, 'description'),
      hashtag: field($, 'hashtag'),
      deadline: field($, 'deadline'),
      deadlineTime: field($, 'deadlineTime'),
      timeZone: field($, 'timeZone'),
      lang: $('select[name="lang"] option[selected]').attr('value'),
    }).toEqual({
      title: 'Mein Wunschkunde ist …',
      description: 'Wer ist dein Wunschkunde?',
      hashtag: '#Wunschkunde',
      // 23:59:59 in Berlin: the end of the day, shown as a date without a time.
      deadline: '2026-11-15',
      deadlineTime: '',
      timeZone: 'Europe/Berlin',
      lang: 'de',
    });
  });

  it('saves the form: every page, the API and the feed show the new details at once', async () => {
    const seqBefore = (await row()).change_seq;
    const res = await host.postForm('/p/angaben/admin/details', details, '/p/angaben/admin/details');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/p/angaben/admin');
    const stored = await row();
    expect(stored).toMatchObject({
      slug: 'angaben',
      title: 'Mein Traumkunde',
      host_name: 'Barbara Beispiel',
      description: null,
      prompt: 'Mein Traumkunde ist …',
      hashtag: '#Traumkunde',
      // 18:00 in Berlin in winter (UTC+1).
      deadline: '2026-11-30T17:00:00.000Z',
      deadline_passed_at: null,
      time_zone: 'Europe/Berlin',
    });
    expect(stored.change_seq).toBe(seqBefore + 1);

    const $ = await overview();
    const call = $('section.call').text().replace(/\s+/g, ' ');
    expect($('h1').first().text()).toBe('Mein Traumkunde');
    expect(call).toContain('Thema: „Mein Traumkunde ist …“');
    expect(call).toContain('#Traumkunde');
    expect(call).toContain('30. November 2026, 18:00 Uhr (MEZ)');
    expect($('section.call .badge').text()).toBe('offen');
    expect($('.badge.late')).toHaveLength(0);
    const api = await apiDocument();
    expect(api.parade).toMatchObject({ title: 'Mein Traumkunde', state: 'open', hashtag: '#Traumkunde' });
    expect(api.entries.filter((e) => e.late)).toHaveLength(0);
    const feed = await new Parser().parseString(await (await send('/p/angaben/feed.xml')).text());
    expect(feed.title).toContain('Mein Traumkunde');
    expect(feed.items.filter((i) => i.title?.includes('(verspätet)'))).toHaveLength(0);
  });

  it('refuses a bad field with the form and its values, and changes nothing', async () => {
    const before = await row();
    const cases: [Record<string, string>, string][] = [
      [{ title: '' }, 'Titel fehlt'],
      [{ hashtag: 'zwei Wörter' }, 'Der Hashtag muss ein Wort sein'],
      [{ timeZone: 'Mars/Olympus' }, 'Die Zeitzone muss ein IANA-Name sein'],
      [{ deadline: '2026-02-30', deadlineTime: '' }, 'Der Einsendeschluss muss ein Datum sein'],
      [{ prompt: 'x'.repeat(501) }, 'Thema ist länger als 500 Zeichen'],
      [{ lang: 'fr' }, ''],
    ];
    for (const [change, message] of cases) {
      const res = await host.postForm('/p/angaben/admin/details', { ...details, ...change }, '/p/angaben/admin/details');
      expect(res.status, JSON.stringify(change)).toBe(400);
      const $ = cheerio.load(await res.text());
      expect($('[role="alert"]').text()).toContain(message);
      expect($('[role="alert"]').text()).not.toBe('');
      expect(field($, 'hostName')).toBe('Barbara Beispiel');
    }
    expect(await row()).toEqual(before);
  });

  it('takes no change from a stranger or from another site', async () => {
    const before = await row();
    // Without the host's cookie: the form token alone proves nothing.
    const token = await host.get('/p/angaben/admin/details').then((r) => r.text());
    const csrf = /name="_csrf" value="([^"]+)"/.exec(token)?.[1] ?? '';
    const forged = await stranger.get('/p/angaben').then(() =>
      send('/p/angaben/admin/details', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: korso.url },
        body: new URLSearchParams({ _csrf: csrf, ...details, title: 'Gekapert' }).toString(),
      }),
    );
    expect(forged.status).toBe(403);
    // The host's own browser, sent from another site's page.
    const cookie = host
      .cookies()
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
    const crossSite = await send('/p/angaben/admin/details', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: 'https://elsewhere.example',
        Cookie: cookie,
      },
      body: new URLSearchParams({ _csrf: csrf, ...details, title: 'Gekapert' }).toString(),
    });
    expect(crossSite.status).toBe(403);
    expect((await patch('{"title":"Gekapert"}', { Authorization: 'Bearer falsch' })).status).toBe(403);
    expect(await row()).toEqual(before);
  });

  it('changes only the fields a PATCH names; null clears one, a past deadline closes the parade', async () => {
    const res = await patch(JSON.stringify({ deadline: '2026-11-10', hashtag: null }));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { parade: Record<string, unknown> };
    expect(body.parade).toMatchObject({
      title: 'Mein Traumkunde',
      prompt: 'Mein Traumkunde ist …',
      hashtag: null,
      deadline: '2026-11-10T22:59:59.000Z',
      state: 'closed',
    });
    expect((await row()).deadline_passed_at).toBe('2026-11-20T10:00:00.000Z');
    // Seeded entries are published on the 1st to the 20th: the 11th to the 20th are now late.
    expect((await apiDocument()).entries.filter((e) => e.late)).toHaveLength(10);
    expect((await overview())('section.call .badge').text()).toBe('beendet');

    const english = await patch(JSON.stringify({ lang: 'en', timeZone: 'America/New_York' }));
    expect(english.status).toBe(200);
    // The deadline keeps its instant when only the zone changes; it is shown in the new zone.
    expect(((await english.json()) as { parade: Record<string, unknown> }).parade).toMatchObject({
      lang: 'en',
      timeZone: 'America/New_York',
      deadline: '2026-11-10T22:59:59.000Z',
    });
    const $ = await overview();
    expect($('html').attr('lang')).toBe('en');
    expect($('section.call').text().replace(/\s+/g, ' ')).toContain('10 November 2026, 17:59 (GMT-5)');
  });

  it('refuses a PATCH it cannot take, with a reason code', async () => {
    const before = await row();
    const refused = async (body: string, status: number, code: string, headers: Record<string, string> = {}) => {
      const res = await patch(body, headers);
      expect(res.status, body).toBe(status);
      expect(((await res.json()) as { code: string }).code, body).toBe(code);
    };
    await refused('{"slug":"anders"}', 400, 'input.unknownField');
    await refused('{"title":null}', 400, 'input.required');
    await refused('{"title":7}', 400, 'input.notString');
    await refused(JSON.stringify({ title: 'x'.repeat(301) }), 400, 'input.tooLong');
    await refused('{"deadline":"bald"}', 400, 'input.deadline');
    await refused('{"lang":"fr"}', 400, 'input.lang');
    await refused('[]', 400, 'input.jsonObject');
    await refused('{"title":"Neu"}', 415, 'input.contentType', { 'Content-Type': 'text/plain' });
    expect(await row()).toEqual(before);
  });
});
