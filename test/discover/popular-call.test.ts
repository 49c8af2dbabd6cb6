import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrawlPass } from '../../src/crawl/crawl-pass.js';
import { type FixtureRequest, type FixtureSite, startFixtureSite } from '../../src/demo/fixture-site.js';
import { runDiscoveryPass } from '../../src/discover/discovery-pass.js';
import { createParade } from '../../src/parades/parade-service.js';
import type { Runtime } from '../../src/runtime.js';
import { lastDiscoveryRun, listDiscoverySources } from '../../src/store/discovery-repository.js';
import { listEntries } from '../../src/store/entry-repository.js';
import { type RunningServer, startServer } from '../../src/web/server.js';
import { databaseFactories, type TestDatabase } from '../support/databases.js';
import { FakeClock, testRuntime } from '../support/runtime.js';
import { webClient } from '../support/web-client.js';

const now = new Date('2026-03-10T09:00:00Z');
const HOUR = 60 * 60 * 1000;
const pathOf = (url: string) => new URL(url).pathname;
const fetchedPaths = (requests: FixtureRequest[]) => requests.map((r) => `${r.path}${r.search}`);

describe.each(databaseFactories())('a popular call with three comment pages on %s', (_name, factory) => {
  let database: TestDatabase;
  let site: FixtureSite;
  let runtime: Runtime;
  let korso: RunningServer;
  const clock = new FakeClock(now);
  let paradeId = 0;
  let slug = '';
  let adminToken = '';
  let firstPass: FixtureRequest[] = [];

  const entries = () => listEntries(runtime.ctx.db, paradeId);
  // A blog read for the first time may add its road to an entry already known; the set and statuses stay.
  const snapshot = async () => (await entries()).map((e) => `${e.url} ${e.status}`).sort();

  beforeAll(async () => {
    database = await factory();
    site = await startFixtureSite({ now });
    runtime = await testRuntime(database, { clock });
    const created = await createParade(runtime.ctx, {
      callUrl: site.popular.callUrl,
      title: site.popular.parade.title,
      prompt: site.popular.parade.prompt,
      hashtag: site.popular.parade.hashtag,
      deadline: site.popular.parade.deadline,
    });
    paradeId = created.parade.id;
    slug = created.parade.slug;
    adminToken = created.adminToken;
    korso = await startServer(runtime.ctx, { port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await korso?.close();
    await runtime?.close();
    await site?.close();
    await database?.drop();
  });

  it('makes every entry linked from any comment page live after one discovery pass and one crawl, the teaser-only post too', async () => {
    site.clearRequests();
    const found = await runDiscoveryPass(runtime.ctx, { paradeId });
    firstPass = site.requests();
    expect(found.failedSources).toBe(0);
    await runCrawlPass(runtime.ctx, { paradeId });

    const byUrl = new Map((await entries()).map((e) => [e.url, e]));
    const linked = site.popular.entryUrlsByPage;
    expect(linked.map((page) => page.length > 0)).toEqual([true, true, true]);
    for (const url of linked.flat()) expect(byUrl.get(url)?.status, url).toBe('live');
    const teaser = byUrl.get(site.popular.teaserEntryUrl);
    expect(teaser?.status).toBe('live');
    expect(teaser?.roads).toEqual(['blog-feed']);
    // Greta's other post in the window is proposed too; without a link to the call it waits for the host.
    expect(byUrl.get(site.popular.windowUnrelatedUrl)?.status).toBe('unverified');
    expect(byUrl.has(site.popular.outsideWindowUrl)).toBe(false);
    const live = [...byUrl.values()].filter((e) => e.status === 'live').map((e) => e.url);
    expect(live.sort()).toEqual([...linked.flat(), site.popular.teaserEntryUrl].sort());

    // The unrelated post clutters no public page: neither its address nor its title is shown.
    for (const path of [`/p/${slug}`, `/p/${slug}/feed.xml`, `/p/${slug}/roundup.html`]) {
      const page = await (await fetch(`${korso.url}${path}`)).text();
      expect(page, path).toContain(site.popular.teaserEntryUrl);
      expect(page, path).not.toContain(site.popular.windowUnrelatedUrl);
      expect(page, path).not.toContain('Eine Hochzeit am Aasee');
    }
  });

  it('read each comment page once, and the teaser-only feed item came from the blog of a commenter on page two', () => {
    const pages = fetchedPaths(firstPass).filter(
      (p) => p.startsWith(pathOf(site.popular.callUrl)) && !p.includes('/feed/'),
    );
    expect(pages.sort()).toEqual(site.popular.commentPageUrls.map(pathOf).sort());
    expect(fetchedPaths(firstPass)).toContain(pathOf(site.popular.teaserFeedUrl));
    expect(firstPass.every((r) => r.status === 200)).toBe(true);
  });

  it('tells the host per source what was read and proposed, and what came only from the window', async () => {
    const sources = await listDiscoverySources(runtime.ctx.db, paradeId);
    const call = sources.find((s) => s.kind === 'call');
    const greta = sources.find((s) => s.url === site.popular.teaserBlogHome);
    // 15 comments on three pages, the newest ten again in the comment feed; two pages beyond the call's own.
    expect(call).toMatchObject({
      last_items: 25,
      last_pages: 2,
      last_deferred: 0,
      last_window: 0,
      last_error: null,
    });
    expect(greta).toMatchObject({ last_items: 3, last_candidates: 2, last_window: 2, last_deferred: 0 });
    const run = await lastDiscoveryRun(runtime.ctx.db, paradeId);
    expect(run).toMatchObject({ window_candidates: 2, pages: 2, deferred: 0 });
    expect(run?.items).toBe(sources.reduce((sum, s) => sum + s.last_items, 0));

    // The host's secret link is traded for a cookie, and the dashboard opens at its clean address.
    const host = webClient((path, init) => fetch(`${korso.url}${path}`, init), korso.url);
    expect((await host.get(`/p/${slug}/admin?token=${adminToken}`)).status).toBe(303);
    const admin = await (await host.get(`/p/${slug}/admin`)).text();
    expect(admin).toContain('Gelesen: 3 · vorgeschlagen: 2 · davon nur wegen des Zeitraums: 2');
    expect(admin).toContain(
      `${run?.items} gelesen, 2 nur wegen des Zeitraums vorgeschlagen, 2 Seiten über die Aufrufseite hinaus, 0 wegen einer Obergrenze verschoben`,
    );
    const api = (await (
      await fetch(`${korso.url}/api/parades/${slug}`, { headers: { Authorization: `Bearer ${adminToken}` } })
    ).json()) as {
      discovery: {
        lastRun: { windowCandidates: number; pages: number };
        sources: { url: string; lastRun: { items: number; window: number } }[];
      };
    };
    expect(api.discovery.lastRun).toMatchObject({ windowCandidates: 2, pages: 2 });
    expect(api.discovery.sources.find((s) => s.url === site.popular.teaserBlogHome)?.lastRun).toMatchObject({
      items: 3,
      window: 2,
    });
  });

  it('fetches nothing new on a second pass: complete pages are left alone, the rest answers 304', async () => {
    const before = await snapshot();
    clock.advance(3 * HOUR);
    site.clearRequests();
    const again = await runDiscoveryPass(runtime.ctx, { paradeId });
    const second = site.requests();
    expect(again).toMatchObject({ newEntries: 0, failedSources: 0 });
    expect(await snapshot()).toEqual(before);
    const paths = fetchedPaths(second);
    for (const page of site.popular.commentPageUrls.slice(0, -1)) expect(paths).not.toContain(pathOf(page));
    const readBefore = new Set(fetchedPaths(firstPass));
    for (const request of second.filter((r) => readBefore.has(`${r.path}${r.search}`))) {
      expect(request, request.path).toMatchObject({ conditional: true, status: 304 });
    }
    // Only Maren's blog is new: her entry came by pingback and went live in the crawl.
    const maren = site.popular.blogs.find((b) => b.id === 'maren-texte')!;
    expect(
      second
        .filter((r) => !r.conditional)
        .map((r) => r.path)
        .sort(),
    ).toEqual([pathOf(maren.home), pathOf(maren.feed)].sort());

    clock.advance(3 * HOUR);
    site.clearRequests();
    expect(await runDiscoveryPass(runtime.ctx, { paradeId })).toMatchObject({ newEntries: 0 });
    const third = site.requests();
    expect(third.length).toBeGreaterThan(0);
    expect(third.filter((r) => !r.conditional || r.status !== 304)).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });
});

describe.each(databaseFactories())('per-pass caps on %s', (_name, factory) => {
  let database: TestDatabase;
  let site: FixtureSite;
  let runtime: Runtime;
  const clock = new FakeClock(now);
  let paradeId = 0;

  beforeAll(async () => {
    database = await factory();
    site = await startFixtureSite({ now });
    runtime = await testRuntime(database, {
      clock,
      config: { KORSO_DISCOVER_PAGES_PER_PASS: '1', KORSO_DISCOVER_WINDOW_PER_BLOG: '1' },
    });
    const created = await createParade(runtime.ctx, {
      callUrl: site.popular.callUrl,
      title: site.popular.parade.title,
      prompt: site.popular.parade.prompt,
      deadline: site.popular.parade.deadline,
    });
    paradeId = created.parade.id;
  });

  afterAll(async () => {
    await runtime?.close();
    await site?.close();
    await database?.drop();
  });

  it('leaves the pages and window posts over the cap for the next pass, which takes them up', async () => {
    const urls = async () => new Set((await listEntries(runtime.ctx.db, paradeId)).map((e) => e.url));
    const [oldestPage, middlePage] = site.popular.entryUrlsByPage;
    const first = await runDiscoveryPass(runtime.ctx, { paradeId });
    expect(first).toMatchObject({ pages: 1, windowCandidates: 1, deferred: 2 });
    let known = await urls();
    for (const url of middlePage!) expect(known.has(url)).toBe(true);
    for (const url of oldestPage!) expect(known.has(url)).toBe(false);
    // The newest post in the window comes first.
    expect(known.has(site.popular.teaserEntryUrl)).toBe(true);
    expect(known.has(site.popular.windowUnrelatedUrl)).toBe(false);
    const sources = await listDiscoverySources(runtime.ctx.db, paradeId);
    expect(sources.find((s) => s.kind === 'call')).toMatchObject({ last_deferred: 1, last_pages: 1 });
    expect(sources.find((s) => s.url === site.popular.teaserBlogHome)).toMatchObject({
      last_deferred: 1,
      last_window: 1,
      etag: null,
    });

    // Work left over brings the sources back at the call's pace.
    clock.advance(15 * 60 * 1000);
    const second = await runDiscoveryPass(runtime.ctx, { paradeId });
    expect(second).toMatchObject({ pages: 1, windowCandidates: 1, deferred: 0 });
    known = await urls();
    for (const url of oldestPage!) expect(known.has(url)).toBe(true);
    expect(known.has(site.popular.windowUnrelatedUrl)).toBe(true);
    expect(known.has(site.popular.outsideWindowUrl)).toBe(false);
  });
});
