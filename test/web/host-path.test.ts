import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrawlPass } from '../../src/crawl/crawl-pass.js';
import { type FixtureSite, startFixtureSite } from '../../src/demo/fixture-site.js';
import { callDeadlineInstant } from '../../src/parades/call-details.js';
import type { Runtime } from '../../src/runtime.js';
import { findParadeBySlug } from '../../src/store/parade-repository.js';
import { type RunningServer, startServer } from '../../src/web/server.js';
import { databaseFactories, type TestDatabase } from '../support/databases.js';
import { testRuntime } from '../support/runtime.js';
import { type WebClient, webClient } from '../support/web-client.js';

const text = (html: string) => cheerio.load(html).root().text().replace(/\s+/g, ' ');
const field = (html: string, name: string) => {
  const $ = cheerio.load(html);
  const el = $(`[name="${name}"]`).first();
  return el.is('textarea') ? el.text() : (el.attr('value') ?? '');
};

describe.each(databaseFactories())(
  "the host's path and the blogger's, over HTTP, on %s",
  (_name, factory) => {
    let database: TestDatabase;
    let site: FixtureSite;
    let runtime: Runtime;
    let korso: RunningServer;
    let host: WebClient;
    let blogger: WebClient;
    let slug = '';
    let adminLink = '';
    const prefilled: Record<string, string> = {};

    beforeAll(async () => {
      database = await factory();
      site = await startFixtureSite();
      runtime = await testRuntime(database);
      korso = await startServer(runtime.ctx, { port: 0, host: '127.0.0.1' });
      const send = (path: string, init: RequestInit) => fetch(`${korso.url}${path}`, init);
      host = webClient(send, korso.url);
      blogger = webClient(send, korso.url);
    });

    afterAll(async () => {
      await korso?.close();
      await runtime?.close();
      await site?.close();
      await database?.drop();
    });

    it('reads the call post and prefills the form: title, host, description, language, prompt, hashtag, deadline', async () => {
      const res = await host.postForm('/new/prefill', { callUrl: site.callUrl }, '/new');
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const html = await res.text();
      for (const name of [
        'callUrl',
        'title',
        'hostName',
        'description',
        'prompt',
        'hashtag',
        'deadline',
        'deadlineTime',
        'timeZone',
      ])
        prefilled[name] = field(html, name);
      prefilled.lang = cheerio.load(html)('select[name="lang"] option[selected]').attr('value') ?? '';
      const berlinDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(
        new Date(site.parade.deadline),
      );
      expect(prefilled).toMatchObject({
        callUrl: site.callUrl,
        title: site.parade.title,
        hostName: 'Sabine Albrecht',
        prompt: site.parade.prompt,
        hashtag: site.parade.hashtag,
        deadline: berlinDay,
        deadlineTime: '',
        timeZone: 'Europe/Berlin',
        lang: 'de',
      });
      expect(prefilled.description).toContain('Blogparade');
    });

    it('creates the parade as the host confirms it, and hands over what to do next', async () => {
      const res = await host.postForm(
        '/new',
        { ...prefilled, slug: 'wunsch', prompt: 'Mein Wunschkunde ist' },
        '/new',
      );
      expect(res.status).toBe(201);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const html = await res.text();
      const $ = cheerio.load(html);
      adminLink = $('a#admin-url').attr('href') ?? '';
      expect(adminLink).toMatch(/^http:\/\/korso\.test\/p\/wunsch\/admin\?token=[\w-]{30,}$/);
      expect($('button[data-copy="admin-url"]').length).toBe(1);
      expect($('#submit-url').text()).toBe('http://korso.test/p/wunsch/submit');
      expect($('#snippet').text()).toContain('<a href="http://korso.test/p/wunsch">korso</a>');
      expect($('#endpoints').text()).toBe(
        '<link rel="webmention" href="http://korso.test/webmention">\n<link rel="pingback" href="http://korso.test/xmlrpc">',
      );
      slug = 'wunsch';
      const parade = await findParadeBySlug(runtime.ctx.db, slug);
      expect(parade).toMatchObject({
        host_name: 'Sabine Albrecht',
        hashtag: '#Wunschkunde',
        deadline: callDeadlineInstant({ date: prefilled.deadline ?? '', time: null }, 'Europe/Berlin'),
        call_verified_at: null,
      });
      const api = (await (await fetch(`${korso.url}/api/parades/${slug}`)).json()) as {
        parade: Record<string, unknown>;
      };
      expect(api.parade).toMatchObject({ host: 'Sabine Albrecht', hashtag: '#Wunschkunde', listed: false });
    });

    it('answers a second parade for the same call with 409 and the existing parade', async () => {
      const again = await host.postForm('/new/prefill', { callUrl: `${site.callUrl}?utm_source=x` }, '/new');
      expect(again.status).toBe(409);
      expect(await again.text()).toContain('href="/p/wunsch"');
      const api = await fetch(`${korso.url}/api/parades`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ callUrl: `${site.callUrl.replace(/\/$/, '')}#kommentare` }),
      });
      expect(api.status).toBe(409);
      expect(await api.json()).toMatchObject({ code: 'parade.exists', parade: { slug: 'wunsch' } });
    });

    it('trades the secret link for a cookie scoped to the parade and moves on to a clean address', async () => {
      const res = await host.get(adminLink.replace('http://korso.test', ''));
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/p/wunsch/admin');
      expect(res.headers.get('cache-control')).toBe('no-store');
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('korso_admin=')) ?? '';
      expect(cookie).toMatch(/; Path=\/p\/wunsch/);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=Strict/);
      expect(cookie).not.toMatch(/; Secure/);
      const dashboard = await host.get('/p/wunsch/admin');
      expect(dashboard.status).toBe(200);
      expect(dashboard.headers.get('cache-control')).toBe('no-store');
      const html = await dashboard.text();
      expect(html).not.toContain('token=');
      expect(text(html)).toContain('noch nicht bestätigt');
    });

    it('lists the parade once the call page links it', async () => {
      expect(await (await fetch(`${korso.url}/`)).text()).not.toContain('href="/p/wunsch"');
      site.linkParade('http://korso.test/p/wunsch');
      const checked = await host.postForm('/p/wunsch/admin/verify', {}, '/p/wunsch/admin');
      expect(checked.status).toBe(303);
      expect(text(await (await host.get('/p/wunsch/admin')).text())).toContain(
        'die Seite des Aufrufs nennt diese Blogparade',
      );
      expect(await (await fetch(`${korso.url}/`)).text()).toContain('href="/p/wunsch"');
    });

    it("takes the blogger's registrations, crawls them and lists the verified entry", async () => {
      const good = site.entries.find((e) => e.linksCall === 'content');
      const elsewhere = site.entries.find((e) => e.linksCall === 'elsewhere');
      const spam = site.entries.find((e) => e.linksCall === 'none');
      for (const entry of [good, elsewhere, spam]) {
        const res = await blogger.postForm('/p/wunsch/submit', { url: entry?.url ?? '' });
        expect(res.status).toBe(303);
      }
      await runCrawlPass(runtime.ctx);
      const report = await blogger.get(`/p/wunsch/submit?url=${encodeURIComponent(good?.url ?? '')}`);
      expect(text(await report.text())).toContain('bestätigt: verlinkt den Aufruf im Beitrag');
      const overview = text(await (await fetch(`${korso.url}/p/wunsch`)).text());
      expect(overview).toContain(good?.title ?? '∅');
      expect(overview).not.toContain(elsewhere?.title ?? '∅');
      const feed = await (await fetch(`${korso.url}/p/wunsch/feed.xml`)).text();
      expect(feed).toContain(good?.url ?? '∅');
    });

    it('approves one waiting entry, rejects another, blocks a domain', async () => {
      const elsewhere = site.entries.find((e) => e.linksCall === 'elsewhere');
      const spam = site.entries.find((e) => e.linksCall === 'none');
      const rows = await runtime.ctx.db.selectFrom('entries').select(['id', 'url']).execute();
      const idOf = (url?: string) => rows.find((r) => r.url === url)?.id;
      const approve = await host.postForm(
        `/p/wunsch/admin/entries/${idOf(elsewhere?.url)}`,
        { action: 'approve' },
        '/p/wunsch/admin',
      );
      expect(approve.status).toBe(303);
      const reject = await host.postForm(
        `/p/wunsch/admin/entries/${idOf(spam?.url)}`,
        { action: 'reject' },
        '/p/wunsch/admin',
      );
      expect(reject.status).toBe(303);
      const overview = text(await (await fetch(`${korso.url}/p/wunsch`)).text());
      expect(overview).toContain(elsewhere?.title ?? '∅');
      const api = (await (await fetch(`${korso.url}/api/parades/wunsch`)).json()) as {
        entries: { url: string }[];
      };
      expect(api.entries.map((e) => e.url)).not.toContain(spam?.url);
      const block = await host.postForm(
        '/p/wunsch/admin/blocklist',
        { domain: 'spam.example', action: 'block' },
        '/p/wunsch/admin',
      );
      expect(block.status).toBe(303);
      const refused = await blogger.postForm('/p/wunsch/submit', { url: 'https://blog.spam.example/x' });
      expect(refused.status).toBe(400);
      expect(text(await refused.text())).toContain('Beiträge von dieser Domain werden nicht angenommen');
    });

    it('rotates the link: the old link and every old cookie stop working, the new link works', async () => {
      const other = webClient((path, init) => fetch(`${korso.url}${path}`, init), korso.url);
      expect((await other.get(adminLink.replace('http://korso.test', ''))).status).toBe(303);
      const rotated = await host.postForm('/p/wunsch/admin/rotate', {}, '/p/wunsch/admin');
      expect(rotated.status).toBe(200);
      expect(rotated.headers.get('cache-control')).toBe('no-store');
      const newLink =
        cheerio
          .load(await rotated.text())('a#admin-url')
          .attr('href') ?? '';
      expect(newLink).not.toBe(adminLink);
      // The browser that rotated stays signed in; the other one is out, and so is the old link.
      expect((await host.get('/p/wunsch/admin')).status).toBe(200);
      const ended = await other.get('/p/wunsch/admin');
      expect(ended.status).toBe(403);
      expect(text(await ended.text())).toContain('Deine Verwaltungssitzung ist beendet');
      expect((await other.get(adminLink.replace('http://korso.test', ''))).status).toBe(403);
      expect((await other.get(newLink.replace('http://korso.test', ''))).status).toBe(303);
      adminLink = newLink;
    });

    it('closes the parade: readers see it, registrations are refused; reopening takes them again', async () => {
      const before = await runtime.ctx.db
        .selectFrom('parades')
        .select('change_seq')
        .where('slug', '=', 'wunsch')
        .executeTakeFirstOrThrow();
      const closed = await host.postForm('/p/wunsch/admin/close', { action: 'close' }, '/p/wunsch/admin');
      expect(closed.status).toBe(303);
      const after = await runtime.ctx.db
        .selectFrom('parades')
        .select(['change_seq', 'closed_at'])
        .where('slug', '=', 'wunsch')
        .executeTakeFirstOrThrow();
      expect(after.closed_at).not.toBeNull();
      expect(after.change_seq).toBeGreaterThan(before.change_seq);
      const form = await blogger.get('/p/wunsch/submit');
      expect(text(await form.text())).toContain('Diese Blogparade ist geschlossen');
      const api = await fetch(`${korso.url}/api/parades/wunsch/entries`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ url: 'https://late.example/post' }),
      });
      expect(api.status).toBe(409);
      expect(await api.json()).toMatchObject({ code: 'parade.closed' });
      const reopened = await host.postForm('/p/wunsch/admin/close', { action: 'reopen' }, '/p/wunsch/admin');
      expect(reopened.status).toBe(303);
      const late = await blogger.postForm('/p/wunsch/submit', { url: 'https://late.example/post' });
      expect(late.status).toBe(303);
    });
  },
);
