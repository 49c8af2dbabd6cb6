// A stranger registers someone else's call first; the call's real host claims the parade by showing
// a code on the call page. Real HTTP against korso's server, call pages on 127.0.0.1, both databases.
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/runtime.js';
import { type RunningServer, startServer } from '../../src/web/server.js';
import { type CallServer, callPage, startCallServer } from '../support/call-server.js';
import { databaseFactories, type TestDatabase } from '../support/databases.js';
import { FakeClock, testRuntime } from '../support/runtime.js';
import { type WebClient, webClient } from '../support/web-client.js';

// biome-ignore lint/suspicious/noExplicitAny: response shapes are asserted by the tests themselves
type Json = any;

const DAY = 86_400_000;
const text = (html: string) => cheerio.load(html).root().text().replace(/\s+/g, ' ');
const local = (url: string) => url.replace('http://korso.test', '');

describe.each(databaseFactories())(
  'claiming a parade whose call a stranger registered, on %s',
  (_name, factory) => {
    let database: TestDatabase;
    let calls: CallServer;
    let runtime: Runtime;
    let korso: RunningServer;
    let squatter: WebClient;
    let host: WebClient;
    let squatterToken = '';
    let squatterLink = '';
    let firstCode = '';
    let usedCode = '';
    let newLink = '';
    const clock = new FakeClock(new Date('2026-11-20T10:00:00.000Z'));
    const client = () => webClient((path, init) => fetch(`${korso.url}${path}`, init), korso.url);
    const post = (path: string, payload: unknown, headers: Record<string, string> = {}) =>
      fetch(`${korso.url}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify(payload),
      });
    /** The call post as its host writes it: `post` goes into the article, `comment` into the comment area. */
    const callShows = (path: string, parts: { post?: string; comment?: string } = {}) =>
      calls.set(
        path,
        callPage({
          title: 'Mein Wunschkunde ist …',
          body: `<p>Macht mit bei meiner Blogparade!</p>${parts.post ?? ''}</article>
<div id="comments" class="comments-area"><ol class="comment-list"><li class="comment"><div class="comment-content">
<p>Bin dabei!</p>${parts.comment ?? ''}</div></li></ol></div><article>`,
        }),
      );
    const paradeRow = (slug: string) =>
      runtime.ctx.db.selectFrom('parades').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
    const claimRows = () => runtime.ctx.db.selectFrom('call_claims').selectAll().orderBy('id').execute();
    /** What a claim must never change when it fails. */
    const ownership = async (slug: string) => {
      const p = await paradeRow(slug);
      return {
        token: p.admin_token_hash,
        verified: p.call_verified_at,
        code: p.verify_code,
        seq: p.change_seq,
      };
    };

    beforeAll(async () => {
      database = await factory();
      calls = await startCallServer();
      callShows('/aufruf/');
      runtime = await testRuntime(database, { clock });
      korso = await startServer(runtime.ctx, { port: 0, host: '127.0.0.1' });
      squatter = client();
      host = client();
    });

    afterAll(async () => {
      await korso?.close();
      await runtime?.close();
      await calls?.close();
      await database?.drop();
    });

    it('a stranger registers the call first; the call page does not name their parade', async () => {
      const res = await post('/api/parades', {
        callUrl: calls.url('/aufruf/'),
        slug: 'besetzt',
        title: 'Gekapert',
      });
      expect(res.status).toBe(201);
      const body: Json = await res.json();
      squatterToken = body.adminToken;
      squatterLink = body.adminUrl;
      expect(body.parade).toMatchObject({ callVerified: false, listed: false });
      expect((await squatter.get(local(squatterLink))).status).toBe(303);
      expect((await squatter.get('/p/besetzt/admin')).status).toBe(200);
    });

    it('the real host hears 409 with an offer to claim the parade, as a page and from the API', async () => {
      const page = await host.postForm('/new/prefill', { callUrl: calls.url('/aufruf/') }, '/new');
      expect(page.status).toBe(409);
      expect(page.headers.get('cache-control')).toBe('no-store');
      const $ = cheerio.load(await page.text());
      expect($('a[href="/p/besetzt"]').text()).toBe('Gekapert');
      const form = $('form[action="/p/besetzt/claim"]');
      expect(form.attr('method')).toBe('post');
      expect(form.find('input[name="_csrf"]').attr('value')).toMatch(/^[\w-]{32,}$/);
      expect(text($.html())).toContain('Ist es dein Aufruf? Dann übernimm die Blogparade');

      const api = await post('/api/parades', { callUrl: `${calls.url('/aufruf/')}?utm_source=mail` });
      expect(api.status).toBe(409);
      expect(api.headers.get('cache-control')).toBe('no-store');
      expect(await api.json()).toMatchObject({
        code: 'parade.exists',
        parade: { slug: 'besetzt' },
        claim: {
          url: 'http://korso.test/api/parades/besetzt/claims',
          page: 'http://korso.test/p/besetzt/claim',
        },
      });
    });

    it('gives the host a claim code, stored only as its hash; several claims may be open at once', async () => {
      const offer = await host.get('/p/besetzt/claim');
      expect(offer.status).toBe(200);
      expect(offer.headers.get('cache-control')).toBe('no-store');
      const res = await host.postForm('/p/besetzt/claim', {}, '/p/besetzt/claim');
      expect(res.status).toBe(201);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const $ = cheerio.load(await res.text());
      firstCode = $('#claim-code').text();
      expect(firstCode).toMatch(/^korso-claim-[\w-]{22}$/);
      expect($('button[data-copy="claim-code"]').length).toBe(1);
      expect($('form[action="/p/besetzt/claim/check"] input[name="code"]').attr('value')).toBe(firstCode);
      expect(text($.html())).toContain('Der Code gilt bis 27. November 2026, 11:00 Uhr (MEZ).');

      const other = await post('/api/parades/besetzt/claims', {});
      expect(other.status).toBe(201);
      expect(other.headers.get('cache-control')).toBe('no-store');
      const second: Json = await other.json();
      expect(second.claim).toMatchObject({
        expiresAt: '2026-11-27T10:00:00.000Z',
        callUrl: calls.url('/aufruf/'),
        checkUrl: 'http://korso.test/api/parades/besetzt/claims/check',
      });
      expect(second.claim.code).not.toBe(firstCode);
      const rows = await claimRows();
      expect(rows).toHaveLength(2);
      for (const row of rows) {
        expect(row.used_at).toBeNull();
        expect(row.code_hash).toMatch(/^[0-9a-f]{64}$/);
      }
    });

    it('a code the call page does not show yet, or shows only in a comment, changes nothing', async () => {
      const before = await ownership('besetzt');
      const missing = await host.postForm('/p/besetzt/claim/check', { code: firstCode }, '/p/besetzt/claim');
      expect(missing.status).toBe(409);
      expect(missing.headers.get('cache-control')).toBe('no-store');
      const page = cheerio.load(await missing.text());
      expect(page('[role="alert"]').text()).toBe(
        `Die Seite des Aufrufs ${calls.url('/aufruf/')} zeigt den Code ${firstCode} nicht im Beitrag (ein Kommentar zählt nicht); trag ihn ein und prüfe erneut`,
      );
      // The code stays in the form, so the host can check again once it is on the page.
      expect(page('input[name="code"]').attr('value')).toBe(firstCode);

      callShows('/aufruf/', { comment: `<p>${firstCode}</p>` });
      const inComment = await post('/api/parades/besetzt/claims/check', { code: firstCode });
      expect(inComment.status).toBe(409);
      expect(await inComment.json()).toMatchObject({
        code: 'claim.notShown',
        field: 'code',
        error: expect.stringContaining('ein Kommentar zählt nicht'),
      });
      expect(await ownership('besetzt')).toEqual(before);
      expect((await squatter.get('/p/besetzt/admin')).status).toBe(200);
      const [first] = await claimRows();
      expect(first).toMatchObject({ used_at: null, check_code: 'claim.notShown' });
      expect(JSON.parse(first?.check_params ?? '{}')).toEqual({
        url: calls.url('/aufruf/'),
        code: firstCode,
      });
    });

    it('a code korso never gave out, or one for another parade, fails with a clear message and changes nothing', async () => {
      const before = await ownership('besetzt');
      const hits = calls.hits('/aufruf/');
      const forged = `korso-claim-${'A'.repeat(22)}`;
      callShows('/aufruf/', { post: `<p>${forged}</p>` });
      const res = await host.postForm('/p/besetzt/claim/check', { code: forged }, '/p/besetzt/claim');
      expect(res.status).toBe(400);
      expect(
        cheerio
          .load(await res.text())('[role="alert"]')
          .text(),
      ).toBe(
        'Diesen Übernahme-Code hat korso für diese Blogparade nicht ausgegeben; prüfe den Code oder hol dir einen neuen',
      );
      for (const code of ['nonsense', `${firstCode}x`])
        expect(await (await post('/api/parades/besetzt/claims/check', { code })).json()).toMatchObject({
          code: 'claim.unknown',
        });
      const empty = await post('/api/parades/besetzt/claims/check', { code: '  ' });
      expect(empty.status).toBe(400);
      expect(await empty.json()).toMatchObject({ code: 'input.required', field: 'code' });
      expect(await ownership('besetzt')).toEqual(before);
      // A code korso does not know costs no fetch of the call page.
      expect(calls.hits('/aufruf/')).toBe(hits);
    });

    it('an expired code fails even when the call page shows it, and changes nothing', async () => {
      callShows('/aufruf/', { post: `<p>${firstCode}</p>` });
      clock.advance(7 * DAY + 60_000);
      const before = await ownership('besetzt');
      const res = await host.postForm('/p/besetzt/claim/check', { code: firstCode }, '/p/besetzt/claim');
      expect(res.status).toBe(400);
      expect(
        cheerio
          .load(await res.text())('[role="alert"]')
          .text(),
      ).toBe('Dieser Übernahme-Code ist seit 27. November 2026 um 10:00 UTC abgelaufen; hol dir einen neuen');
      expect(await ownership('besetzt')).toEqual(before);
      expect((await claimRows()).every((r) => r.used_at === null)).toBe(true);
    });

    it('the host shows a fresh code in the post and gets the parade: new link, old ones and every old cookie end', async () => {
      const started = await host.postForm('/p/besetzt/claim', {}, '/p/besetzt/claim');
      usedCode = cheerio
        .load(await started.text())('#claim-code')
        .text();
      callShows('/aufruf/', { post: `<p>Übernahme: ${usedCode}</p>` });
      const before = await ownership('besetzt');

      const res = await host.postForm('/p/besetzt/claim/check', { code: usedCode }, '/p/besetzt/claim');
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const $ = cheerio.load(await res.text());
      newLink = $('a#admin-url').attr('href') ?? '';
      expect(newLink).toMatch(/^http:\/\/korso\.test\/p\/besetzt\/admin\?token=[\w-]{30,}$/);
      expect(newLink).not.toBe(squatterLink);
      expect($('button[data-copy="admin-url"]').length).toBe(1);
      // The squatter's title and dates came with the parade: the new host is sent to correct them.
      expect($('a[href="/p/besetzt/admin/details"]').length).toBe(1);

      const after = await paradeRow('besetzt');
      expect(after.admin_token_hash).not.toBe(before.token);
      expect(after.call_verified_at).toBe(clock.now().toISOString());
      expect(after.call_check_code).toBe('call.claimed');
      expect(after.verify_code).toBe(usedCode);
      expect(after.change_seq).toBe(before.seq + 1);
      const used = (await claimRows()).filter((r) => r.used_at !== null);
      expect(used).toHaveLength(1);

      // The claimer's browser is signed in; the squatter's cookie, token and link are refused.
      const dashboard = await host.get('/p/besetzt/admin');
      expect(dashboard.status).toBe(200);
      expect(text(await dashboard.text())).toContain(
        'die Blogparade gehört jetzt der Person, die ihn dort eingetragen hat',
      );
      expect((await host.get('/p/besetzt/admin/details')).status).toBe(200);
      const ended = await squatter.get('/p/besetzt/admin');
      expect(ended.status).toBe(403);
      expect(text(await ended.text())).toContain('Deine Verwaltungssitzung ist beendet');
      expect((await squatter.get('/p/besetzt/admin/details')).status).toBe(403);
      const byToken = await fetch(`${korso.url}/api/parades/besetzt`, {
        headers: { Authorization: `Bearer ${squatterToken}` },
      });
      expect(byToken.status).toBe(403);
      expect(await byToken.json()).toMatchObject({ code: 'auth.token' });
      expect((await client().get(local(squatterLink))).status).toBe(403);
      const fresh = client();
      expect((await fresh.get(local(newLink))).status).toBe(303);
      expect((await fresh.get('/p/besetzt/admin')).status).toBe(200);
    });

    it('the claimed parade is listed, and mentions of the call reach it', async () => {
      expect(await (await fetch(`${korso.url}/`)).text()).toContain('href="/p/besetzt"');
      const api: Json = await (await fetch(`${korso.url}/api/parades/besetzt`)).json();
      expect(api.parade).toMatchObject({ callVerified: true, listed: true });
      const mention = await fetch(`${korso.url}/webmention`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          source: 'https://anna.example/beitrag/',
          target: calls.url('/aufruf/'),
        }).toString(),
      });
      expect(mention.status).toBe(202);
      const token = /token=([\w-]+)/.exec(newLink)?.[1];
      const admin: Json = await (
        await fetch(`${korso.url}/api/parades/besetzt`, { headers: { Authorization: `Bearer ${token}` } })
      ).json();
      expect(admin.entries.map((e: Json) => e.url)).toEqual(['https://anna.example/beitrag/']);
      // Later checks of the call page find the code, which is now the parade's proof.
      const check: Json = await (
        await fetch(`${korso.url}/api/parades/besetzt/verify`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}` },
        })
      ).json();
      expect(check).toMatchObject({ verified: true, reasonCode: 'call.verified' });
    });

    it('a used code cannot be used again', async () => {
      const before = await ownership('besetzt');
      const again = await post('/api/parades/besetzt/claims/check', { code: usedCode });
      expect(again.status).toBe(409);
      expect(await again.json()).toMatchObject({
        code: 'claim.used',
        error: 'Dieser Übernahme-Code wurde schon eingelöst',
      });
      expect(await ownership('besetzt')).toEqual(before);
    });

    it('a proved call cannot be claimed: the 409 offers nothing, and claims are refused', async () => {
      const page = await client().postForm('/new/prefill', { callUrl: calls.url('/aufruf/') }, '/new');
      expect(page.status).toBe(409);
      const html = await page.text();
      expect(html).toContain('href="/p/besetzt"');
      expect(html).not.toContain('action="/p/besetzt/claim"');
      expect(text(html)).toContain(
        'Dieser Aufruf gehört schon zu einer Blogparade, deren Gastgeber ihn bestätigt hat.',
      );
      const api: Json = await (await post('/api/parades', { callUrl: calls.url('/aufruf/') })).json();
      expect(api).toMatchObject({ code: 'parade.exists', parade: { slug: 'besetzt' } });
      expect(api).not.toHaveProperty('claim');

      const before = { ...(await ownership('besetzt')), claims: (await claimRows()).length };
      expect((await client().get('/p/besetzt/claim')).status).toBe(409);
      const form = await client().postForm('/p/besetzt/claim', {}, '/p/besetzt/submit');
      expect(form.status).toBe(409);
      expect(
        cheerio
          .load(await form.text())('[role="alert"]')
          .text(),
      ).toBe(
        'Dieser Aufruf gehört schon zu einer Blogparade: ihr Gastgeber hat gezeigt, dass der Aufruf ihm gehört',
      );
      const json = await post('/api/parades/besetzt/claims', {});
      expect(json.status).toBe(409);
      expect(await json.json()).toMatchObject({ code: 'claim.proved' });
      expect({ ...(await ownership('besetzt')), claims: (await claimRows()).length }).toEqual(before);
    });

    it('scripts claim through the API and get the new token, in the language of the parade', async () => {
      callShows('/zweiter/');
      const squat: Json = await (
        await post('/api/parades', { callUrl: calls.url('/zweiter/'), slug: 'zweit', lang: 'en' })
      ).json();
      const started = await post('/api/parades/zweit/claims', {});
      const { claim }: Json = await started.json();
      const unshown = await post('/api/parades/zweit/claims/check', { code: claim.code });
      expect(await unshown.json()).toMatchObject({
        code: 'claim.notShown',
        error: `the call page ${calls.url('/zweiter/')} does not show the code ${claim.code} in the post (a comment does not count); add it and check again`,
      });
      callShows('/zweiter/', { post: `<p>${claim.code}</p>` });
      const res = await post('/api/parades/zweit/claims/check', { code: claim.code });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const body: Json = await res.json();
      expect(body.adminUrl).toBe(`http://korso.test/p/zweit/admin?token=${body.adminToken}`);
      expect(body.parade).toMatchObject({ slug: 'zweit', callVerified: true, verifyCode: claim.code });
      const read = (token: string) =>
        fetch(`${korso.url}/api/parades/zweit`, { headers: { Authorization: `Bearer ${token}` } });
      expect((await read(body.adminToken)).status).toBe(200);
      expect((await read(squat.adminToken)).status).toBe(403);
    });

    it('a call the operator blocked cannot be claimed', async () => {
      callShows('/gesperrt/');
      await post('/api/parades', { callUrl: calls.url('/gesperrt/'), slug: 'gesperrt' });
      const { claim }: Json = await (await post('/api/parades/gesperrt/claims', {})).json();
      callShows('/gesperrt/', { post: `<p>${claim.code}</p>` });
      await runtime.ctx.db
        .insertInto('blocked_domains')
        .values({ parade_id: 0, domain: '127.0.0.1', note: null, created_at: clock.now().toISOString() })
        .execute();
      const before = await ownership('gesperrt');
      const res = await post('/api/parades/gesperrt/claims/check', { code: claim.code });
      expect(res.status).toBe(409);
      expect(await res.json()).toMatchObject({ code: 'call.blocked' });
      expect(await ownership('gesperrt')).toEqual(before);
      await runtime.ctx.db.deleteFrom('blocked_domains').where('parade_id', '=', 0).execute();
    });
  },
);
