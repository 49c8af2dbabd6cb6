import net from 'node:net';
import * as cheerio from 'cheerio';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrawlPass } from '../../src/crawl/crawl-pass.js';
import { type FixtureSite, startFixtureSite } from '../../src/demo/fixture-site.js';
import type { Runtime } from '../../src/runtime.js';
import { type RunningServer, startServer } from '../../src/web/server.js';
import { databaseFactories, type TestDatabase } from '../support/databases.js';
import { testRuntime } from '../support/runtime.js';

interface ApiEntry {
  url: string;
  status: string;
  reason: string;
  reasonCode: string;
  title: string | null;
  lists: { items: string[] }[];
}

interface ApiBody {
  parade?: { slug: string };
  adminToken?: string;
  entries?: ApiEntry[];
}

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe.each(databaseFactories())('a parade from call to feed on %s', (_name, factory) => {
  let database: TestDatabase;
  let site: FixtureSite;
  let runtime: Runtime;
  let korso: RunningServer;
  let slug = '';
  let unreachable = '';

  let adminToken = '';

  const api = async (path: string, body?: unknown): Promise<{ status: number; body: ApiBody }> => {
    const res = await fetch(`${korso.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as ApiBody };
  };

  beforeAll(async () => {
    database = await factory();
    site = await startFixtureSite();
    runtime = await testRuntime(database);
    korso = await startServer(runtime.ctx, { port: 0, host: '127.0.0.1' });
    unreachable = `http://127.0.0.1:${await closedPort()}/blog/mein-beitrag/`;
  });

  afterAll(async () => {
    await korso?.close();
    await runtime?.close();
    await site?.close();
    await database?.drop();
  });

  it('creates the parade and registers every entry over HTTP', async () => {
    const created = await api('/api/parades', {
      callUrl: site.callUrl,
      title: site.parade.title,
      prompt: site.parade.prompt,
      deadline: site.parade.deadline,
    });
    expect(created.status).toBe(201);
    slug = created.body.parade?.slug ?? '';
    adminToken = created.body.adminToken ?? '';
    // The host pastes korso's snippet into the call, and korso sees the call is theirs.
    site.linkParade(`http://korso.test/p/${slug}`);
    const verified = await fetch(`${korso.url}/api/parades/${slug}/verify`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${created.body.adminToken}` },
    });
    expect(((await verified.json()) as { verified: boolean }).verified).toBe(true);
    const urls = [...site.entries.map((e) => e.url), unreachable, site.url('/not-html')];
    for (const url of urls) {
      const res = await api(`/api/parades/${slug}/entries`, { url });
      expect(res.status, url).toBe(202);
    }
  });

  it('crawls every entry once and stores a status with a reason for each', async () => {
    const summary = await runCrawlPass(runtime.ctx);
    expect(summary.claimed).toBe(site.entries.length + 2);
    expect(summary.lostLeases).toBe(0);
    // Every entry with its reason is the host's to see; the public document lists the live ones.
    const res = await fetch(`${korso.url}/api/parades/${slug}`, { headers: { Authorization: `Bearer ${adminToken}` } });
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as ApiBody;
    const byUrl = new Map((body.entries ?? []).map((e) => [e.url, e]));
    const pub = await api(`/api/parades/${slug}`);
    expect((pub.body.entries ?? []).every((e) => e.status === 'live')).toBe(true);
    for (const entry of site.entries) {
      const stored = byUrl.get(entry.url);
      expect(stored?.status, entry.url).toBe(entry.linksCall === 'content' ? 'live' : 'unverified');
      expect(stored?.title).toBe(entry.title);
    }
    // The API tells the reason in the parade's language (German here) beside its code.
    expect(byUrl.get(unreachable)).toMatchObject({
      status: 'pending',
      reasonCode: 'entry.retrying',
      reason: expect.stringMatching(/noch nicht abgerufen: der Server lehnte die Verbindung ab/),
    });
    expect(byUrl.get(site.url('/not-html'))).toMatchObject({
      status: 'failing',
      reasonCode: 'page.notHtml',
      reason: 'unter der Adresse liegt keine Webseite (image/png)',
    });
    const spam = site.entries.find((e) => e.linksCall === 'none');
    expect(byUrl.get(spam?.url ?? '')?.reasonCode).toBe('entry.waitingForHost');
    const rows = await runtime.ctx.db.selectFrom('entries').select(['url', 'reason']).execute();
    // The stored words stay English for older readers of the database.
    expect(rows.find((r) => r.url === site.url('/not-html'))?.reason).toBe('the address does not serve a web page (image/png)');
  });

  it("shows each verified entry's title and list items on the overview, and the host why the others wait", async () => {
    const html = await (await fetch(`${korso.url}/p/${slug}`)).text();
    const text = visibleText(html);
    for (const entry of site.entries.filter((e) => e.linksCall === 'content')) {
      expect(text).toContain(entry.title);
      for (const list of entry.lists) for (const item of list.items) expect(text).toContain(item);
    }
    // Entries that are not live are a count on the public page; their reasons are on the host's.
    expect(html).not.toContain('image/png');
    // The secret link is traded for a cookie; the dashboard then opens at its clean address.
    const link = await fetch(`${korso.url}/p/${slug}/admin?token=${encodeURIComponent(adminToken)}`, {
      redirect: 'manual',
    });
    expect(link.status).toBe(303);
    const cookie = link.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const admin = await (await fetch(`${korso.url}/p/${slug}/admin`, { headers: { Cookie: cookie } })).text();
    // The parade is German, so are the reasons on its pages.
    expect(admin).toContain('unter der Adresse liegt keine Webseite (image/png)');
    expect(admin).toMatch(/noch nicht abgerufen: der Server lehnte die Verbindung ab/);
  });

  it('publishes the verified entries in an RSS feed a reader accepts', async () => {
    const res = await fetch(`${korso.url}/p/${slug}/feed.xml`);
    expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    const feed = await new Parser().parseString(await res.text());
    const verified = site.entries.filter((e) => e.linksCall === 'content');
    expect(feed.items.map((i) => i.title).sort()).toEqual(verified.map((e) => e.title).sort());
    for (const entry of verified) {
      const item = feed.items.find((i) => i.link === entry.url);
      const items = entry.lists.flatMap((l) => l.items);
      expect(items.length).toBeGreaterThan(0);
      for (const listItem of items) expect(visibleText(item?.content ?? '')).toContain(listItem);
    }
  });

  it('hands the host a round-up, readers an OPML list, and calendars the deadline', async () => {
    const verified = site.entries.filter((e) => e.linksCall === 'content');
    const md = await (await fetch(`${korso.url}/p/${slug}/roundup.md`)).text();
    expect(md).toMatch(new RegExp(`^# Rückblick: .*\\n\\n${verified.length} Beiträge sind zur Blogparade`));
    for (const entry of verified) expect(md).toContain(`](<${entry.url}>)`);
    const html = await fetch(`${korso.url}/p/${slug}/roundup.html`);
    expect(html.headers.get('content-type')).toContain('text/html');
    // The teaser shows items the parade shares first, so which of the entry's items appear depends on the themes.
    const roundupText = visibleText(await html.text());
    const firstItems = verified[0]?.lists.flatMap((l) => l.items) ?? [];
    expect(firstItems.filter((item) => roundupText.includes(item)).length).toBeGreaterThanOrEqual(3);
    const opml = await (await fetch(`${korso.url}/p/${slug}/opml.xml`)).text();
    expect(opml).toContain(`xmlUrl="http://korso.test/p/${slug}/feed.xml"`);
    expect(opml).toContain(`xmlUrl="${verified[0]?.feedUrl}"`);
    const ics = await (await fetch(`${korso.url}/calendar.ics`)).text();
    expect(ics).toContain(`UID:${slug}-deadline@korso.test`);
  });

  it('a second pass finds nothing due', async () => {
    const summary = await runCrawlPass(runtime.ctx);
    expect(summary.claimed).toBe(0);
  });

  it('re-checks with conditional GET: an unchanged post answers 304 and keeps its lists', async () => {
    const before = await api(`/api/parades/${slug}`);
    await runtime.ctx.db.updateTable('entries').set({ next_check_at: '2000-01-01T00:00:00.000Z' }).execute();
    const summary = await runCrawlPass(runtime.ctx);
    expect(summary.unchanged).toBe(site.entries.length);
    const after = await api(`/api/parades/${slug}`);
    const lists = (b: ApiBody) => (b.entries ?? []).map((e) => [e.url, e.status, e.lists]);
    expect(lists(after.body)).toEqual(lists(before.body));
    const rows = await runtime.ctx.db.selectFrom('entries').select(['url', 'http_status']).execute();
    const verified = new Set(site.entries.map((e) => e.url));
    expect(rows.filter((r) => verified.has(r.url)).every((r) => r.http_status === 304)).toBe(true);
  });
});

function visibleText(html: string): string {
  return cheerio.load(html).root().text().replace(/\s+/g, ' ');
}
