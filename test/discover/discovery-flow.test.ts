import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import xmlrpc from 'xmlrpc';
import { runCrawlPass } from '../../src/crawl/crawl-pass.js';
import { type FixtureSite, startFixtureSite } from '../../src/demo/fixture-site.js';
import { runDiscoveryPass } from '../../src/discover/discovery-pass.js';
import { createParade } from '../../src/parades/parade-service.js';
import { findParadeBySlug } from '../../src/store/parade-repository.js';
import type { Runtime } from '../../src/runtime.js';
import { type EntryWithLists, listEntries } from '../../src/store/entry-repository.js';
import { type RunningServer, startServer } from '../../src/web/server.js';
import { databaseFactories, type TestDatabase } from '../support/databases.js';
import { testRuntime } from '../support/runtime.js';
import { webClient } from '../support/web-client.js';

/** A Webmention sent the way a blog engine sends it: a separate process posting a form. */
function sendWebmention(endpoint: string, source: string, target: string): Promise<{ status: number; location: string }> {
  const script = `
    const [endpoint, source, target] = process.argv.slice(1);
    const res = await fetch(endpoint, { method: 'POST', body: new URLSearchParams({ source, target }) });
    console.log(JSON.stringify({ status: res.status, location: res.headers.get('location') }));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, endpoint, source, target]);
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`sender exited ${code}`))));
  });
}

/** A pingback sent with an XML-RPC client library, as WordPress does. */
function sendPingback(endpoint: string, source: string, target: string): Promise<{ ok: string } | { fault: number }> {
  const client = xmlrpc.createClient({ url: endpoint });
  return new Promise((resolve, reject) => {
    client.methodCall('pingback.ping', [source, target], (error: unknown, value: unknown) => {
      if (error && typeof error === 'object' && 'faultCode' in error) resolve({ fault: Number(error.faultCode) });
      else if (error) reject(error);
      else resolve({ ok: String(value) });
    });
  });
}

describe.each(databaseFactories())('discovery on %s', (_name, factory) => {
  let database: TestDatabase;
  let site: FixtureSite;
  let runtime: Runtime;
  let korso: RunningServer;
  let paradeId = 0;
  let slug = '';
  let adminToken = '';

  const entries = () => listEntries(runtime.ctx.db, paradeId);
  const byUrl = async () => new Map((await entries()).map((e) => [e.url, e] as [string, EntryWithLists]));
  const crawl = () => runCrawlPass(runtime.ctx, { paradeId });

  beforeAll(async () => {
    database = await factory();
    site = await startFixtureSite();
    runtime = await testRuntime(database);
    const created = await createParade(runtime.ctx, {
      callUrl: site.callUrl,
      title: site.parade.title,
      prompt: site.parade.prompt,
      hashtag: site.parade.hashtag,
      deadline: site.parade.deadline,
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

  it('finds, after one discovery and crawl pass, exactly the entries that link the call, each with its roads', async () => {
    const { discovery } = site;
    const found = await runDiscoveryPass(runtime.ctx, { paradeId });
    expect(found.failedSources).toBe(0);
    await crawl();
    const all = await byUrl();
    const live = [...all.values()].filter((e) => e.status === 'live').map((e) => e.url);
    const expected = [...discovery.pingbackEntryUrls, ...discovery.commentLinkedEntryUrls, discovery.feedOnlyEntryUrl];
    expect(live.sort()).toEqual([...new Set(expected)].sort());
    for (const url of discovery.pingbackEntryUrls) expect(all.get(url)?.roads).toContain('call-pingback');
    for (const url of discovery.commentLinkedEntryUrls) expect(all.get(url)?.roads).toContain('call-comment');
    expect(all.get(discovery.feedOnlyEntryUrl)?.roads).toEqual(['blog-feed']);
    expect(all.get(discovery.spamPingbackUrl)?.status).toBe('unverified');
    expect(all.get(discovery.hashtagOnlyUrl)?.status).toBe('unverified');

    const overview = await (await fetch(`${korso.url}/p/${slug}`)).text();
    expect(overview).not.toContain(`href="${discovery.spamPingbackUrl}"`);
  });

  it('remembers what it has seen: a second discovery pass adds nothing', async () => {
    const before = (await entries()).length;
    const again = await runDiscoveryPass(runtime.ctx, { paradeId });
    expect(again.newEntries).toBe(0);
    expect((await entries()).length).toBe(before);
  });

  it('shows the host the count per road and the last run', async () => {
    const res = await fetch(`${korso.url}/api/parades/${slug}`, { headers: { Authorization: `Bearer ${adminToken}` } });
    const body = (await res.json()) as {
      discovery: { roads: Record<string, number>; lastRun: { newEntries: number; summary: string; failedSources: number } };
    };
    const tally: Record<string, number> = {};
    for (const entry of await entries()) for (const road of entry.roads) tally[road] = (tally[road] ?? 0) + 1;
    expect(body.discovery.roads).toEqual(tally);
    expect(tally['call-pingback']).toBe(2);
    expect(tally['call-comment']).toBe(site.discovery.commentLinkedEntryUrls.length);
    expect(tally['blog-feed']).toBeGreaterThanOrEqual(2);
    expect(body.discovery.lastRun).toMatchObject({ newEntries: 0, failedSources: 0 });
    const host = webClient((path, init) => fetch(`${korso.url}${path}`, init), korso.url);
    const admin = await (await host.get(`/p/${slug}/admin`)).text();
    expect(admin).toContain('Öffne deinen geheimen Verwaltungslink');
    const exchange = await host.get(`/p/${slug}/admin?token=${adminToken}`);
    expect(exchange.status).toBe(303);
    expect(exchange.headers.get('location')).toBe(`/p/${slug}/admin`);
    const dashboard = await (await host.get(`/p/${slug}/admin`)).text();
    expect(dashboard).toContain('Letzter Suchlauf');
    expect(dashboard).toContain('call-pingback 2');
    expect(dashboard).toMatch(/\d+ Quellen, 0 mit Fehler, \d+ Kandidaten, 0 neue Beiträge/);
  });

  it('routes mentions of the call post to the parade only once the call page names it', async () => {
    const source = site.entries.find((e) => e.layout === 'hugo' && e.linksCall === 'content');
    if (!source) throw new Error('no hugo entry in the fixture site');
    expect(await sendPingback(`${korso.url}/xmlrpc`, source.url, site.callUrl)).toEqual({ fault: 0x21 });
    const stored = await runtime.ctx.db.selectFrom('mentions').selectAll().where('source', '=', source.url).execute();
    expect(stored).toEqual([]);
    site.linkParade(`http://korso.test/p/${slug}`);
    const check = await fetch(`${korso.url}/api/parades/${slug}/verify`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${adminToken}` },
    });
    expect(await check.json()).toMatchObject({ verified: true, reasonCode: 'call.verified' });
    const parade = await findParadeBySlug(runtime.ctx.db, slug);
    expect(parade?.call_verified_at).not.toBeNull();
    expect(parade?.call_check_code).toBe('call.verified');
  });

  it('the dashboard also opens for the token sent as a Bearer header (scripts), and stays uncached', async () => {
    const res = await fetch(`${korso.url}/p/${slug}/admin`, { headers: { Authorization: `Bearer ${adminToken}` } });
    expect(res.headers.get('cache-control')).toBe('no-store');
    const admin = await res.text();
    expect(admin).toContain('Letzter Suchlauf');
    expect(admin).toContain('call-pingback 2');
    expect(admin).toMatch(/\d+ Quellen, 0 mit Fehler, \d+ Kandidaten, 0 neue Beiträge/);
  });

  it('adds a verified entry from a Webmention sent by another process; a repeat changes nothing; a 410 removes it', async () => {
    const source = site.entries.find((e) => e.layout === 'ghost' && e.linksCall === 'content');
    if (!source) throw new Error('no ghost entry in the fixture site');
    const target = `http://korso.test/p/${slug}`;
    const first = await sendWebmention(`${korso.url}/webmention`, source.url, target);
    expect(first.status).toBe(202);
    expect(first.location).toMatch(/^http:\/\/korso\.test\/webmention\/[\w-]+$/);
    await crawl();
    let entry = (await byUrl()).get(source.url);
    expect(entry?.status).toBe('live');
    expect(entry?.roads).toEqual(['webmention']);
    expect(entry?.lists.flatMap((l) => l.items.map((i) => i.text))).toEqual(source.lists.flatMap((l) => l.items));

    const count = (await entries()).length;
    const again = await sendWebmention(`${korso.url}/webmention`, source.url, target);
    expect(again).toEqual(first);
    await crawl();
    entry = (await byUrl()).get(source.url);
    expect(entry?.status).toBe('live');
    expect((await entries()).length).toBe(count);

    site.setStatus(source.path, 410);
    expect((await sendWebmention(`${korso.url}/webmention`, source.url, target)).status).toBe(202);
    await crawl();
    entry = (await byUrl()).get(source.url);
    expect(entry?.status).toBe('gone');
    const status = await (await fetch(first.location.replace('http://korso.test', korso.url))).json();
    expect(status).toMatchObject({ source: source.url, received: 3, status: 'gone' });
    const feed = await (await fetch(`${korso.url}/p/${slug}/feed.xml`)).text();
    expect(feed).not.toContain(source.url);
  });

  it('adds a verified entry from a pingback sent by an XML-RPC client; a repeat is refused with 0x0030', async () => {
    const source = site.entries.find((e) => e.layout === 'hugo' && e.linksCall === 'content');
    if (!source) throw new Error('no hugo entry in the fixture site');
    const result = await sendPingback(`${korso.url}/xmlrpc`, source.url, site.callUrl);
    expect(result).toEqual({ ok: `Pingback from ${source.url} to ${site.callUrl} registered. Thanks!` });
    await crawl();
    const entry = (await byUrl()).get(source.url);
    expect(entry?.status).toBe('live');
    expect(entry?.roads).toContain('pingback');

    const count = (await entries()).length;
    expect(await sendPingback(`${korso.url}/xmlrpc`, source.url, site.callUrl)).toEqual({ fault: 0x30 });
    expect((await entries()).length).toBe(count);
  });

  it('refuses a pingback whose source does not link the target (0x0011) or does not exist (0x0010)', async () => {
    const spam = site.entries.find((e) => e.linksCall === 'none');
    if (!spam) throw new Error('no spam page in the fixture site');
    expect(await sendPingback(`${korso.url}/xmlrpc`, spam.url, site.callUrl)).toEqual({ fault: 0x11 });
    expect(await sendPingback(`${korso.url}/xmlrpc`, site.url('/gibt-es-nicht/'), site.callUrl)).toEqual({ fault: 0x10 });
    expect((await byUrl()).has(spam.url)).toBe(false);
  });
});
