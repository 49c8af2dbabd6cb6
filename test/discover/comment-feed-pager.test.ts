import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDiscoveryPass } from '../../src/discover/discovery-pass.js';
import { createParade } from '../../src/parades/parade-service.js';
import type { Runtime } from '../../src/runtime.js';
import { listDiscoverySources } from '../../src/store/discovery-repository.js';
import { listEntries } from '../../src/store/entry-repository.js';
import { databaseFactories, type TestDatabase } from '../support/databases.js';
import { FakeClock, testRuntime } from '../support/runtime.js';

const PER_PAGE = 5;

interface ScriptedBlog {
  callUrl: string;
  entryUrl(n: number): string;
  /** Path and query of every request, whether it was conditional, and its status. */
  requests: { url: string; conditional: boolean; status: number }[];
  addComment(): void;
  close(): Promise<void>;
}

type Page = { type: string; body: string } | null;

/** A loopback blog with ETags, a request log, and `count` comments that each link an entry `/beitrag-N/`. */
async function startBlog(
  comments: number,
  route: (url: URL, origin: string, count: number) => Page,
): Promise<ScriptedBlog> {
  let count = comments;
  const requests: ScriptedBlog['requests'] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    const page: Page =
      url.pathname === '/robots.txt'
        ? { type: 'text/plain', body: 'User-agent: *\nAllow: /\n' }
        : route(url, origin, count);
    if (page === null) {
      requests.push({ url: `${url.pathname}${url.search}`, conditional: false, status: 404 });
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    const etag = `"${createHash('sha1').update(page.body).digest('hex').slice(0, 16)}"`;
    const notModified = req.headers['if-none-match'] === etag;
    requests.push({
      url: `${url.pathname}${url.search}`,
      conditional: req.headers['if-none-match'] !== undefined,
      status: notModified ? 304 : 200,
    });
    res.writeHead(
      notModified ? 304 : 200,
      notModified ? { ETag: etag } : { 'Content-Type': page.type, ETag: etag },
    );
    res.end(notModified ? undefined : page.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    callUrl: `${origin}/2026/02/blogparade-lieblingswerkzeug.html`,
    entryUrl: (n) => `${origin}/beitrag-${n}/`,
    requests,
    addComment: () => {
      count++;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

const callPage = (count: number, feedLink: string) => ({
  type: 'text/html; charset=UTF-8',
  body: `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Blogparade: Mein Lieblingswerkzeug</title>
${feedLink}
<meta property="article:published_time" content="2026-02-01T08:00:00+01:00"></head>
<body><div class="post-body entry-content"><p>Welches Werkzeug liebt ihr? Schreibt es auf!</p></div>
<div class="comments" id="comments"><h4>${count} Kommentare:</h4><div id="comment-holder"><p class="loading">Kommentare werden geladen …</p></div></div></body></html>`,
});

const newestFirst = (count: number) => Array.from({ length: count }, (_, i) => count - i);

/**
 * A Blogger call that shows its comments only through a script, so its comment feed is the road:
 * Atom, newest first, five per page, paged by start-index/max-results with OpenSearch counts and
 * rel="next", as Blogger writes it.
 */
function startScriptedBlog(comments: number): Promise<ScriptedBlog> {
  return startBlog(comments, (url, origin, count) => {
    if (url.pathname === '/2026/02/blogparade-lieblingswerkzeug.html') {
      return callPage(
        count,
        `<link rel="alternate" type="application/atom+xml" title="Werkbank - Atom" href="${origin}/feeds/posts/default">
<link rel="alternate" type="application/atom+xml" title="Werkbank - Atom" href="${origin}/feeds/3861/comments/default">`,
      );
    }
    if (url.pathname !== '/feeds/3861/comments/default') return null;
    const start = Number(url.searchParams.get('start-index') ?? 1);
    const max = Number(url.searchParams.get('max-results') ?? PER_PAGE);
    const self = `${origin}/feeds/3861/comments/default`;
    const shown = newestFirst(count).slice(start - 1, start - 1 + max);
    const next =
      start + max <= count
        ? `<link rel='next' type='application/atom+xml' href='${self}?start-index=${start + max}&amp;max-results=${max}'/>`
        : '';
    return {
      type: 'application/atom+xml; charset=UTF-8',
      body: `<?xml version='1.0' encoding='UTF-8'?><feed xmlns='http://www.w3.org/2005/Atom' xmlns:openSearch='http://a9.com/-/spec/opensearchrss/1.0/'><id>tag:blogger.com,1999:blog-1.post3861..comments</id><updated>2026-02-20T10:00:00.000+01:00</updated><title type='text'>Werkbank: Kommentare</title><link rel='self' type='application/atom+xml' href='${self}?start-index=${start}&amp;max-results=${max}'/>${next}<generator version='7.00' uri='http://www.blogger.com'>Blogger</generator><openSearch:totalResults>${count}</openSearch:totalResults><openSearch:startIndex>${start}</openSearch:startIndex><openSearch:itemsPerPage>${max}</openSearch:itemsPerPage>${shown
        .map(
          (n) =>
            `<entry><id>tag:blogger.com,1999:blog-1.post-${1000 + n}</id><published>2026-02-${String(2 + (n % 20)).padStart(2, '0')}T10:00:00.000+01:00</published><title type='text'>Kommentar ${n}</title><content type='html'>Hier ist mein Beitrag: &lt;a href="${origin}/beitrag-${n}/"&gt;Mein Lieblingswerkzeug&lt;/a&gt;</content><link rel='alternate' type='text/html' href='${origin}/2026/02/blogparade-lieblingswerkzeug.html?showComment=${n}#c${1000 + n}'/><author><name>Leser ${n}</name></author></entry>`,
        )
        .join('')}</feed>`,
    };
  });
}

/** A WordPress call whose theme loads comments by script: its RSS comment feed has ten per page at ?paged=N, unadvertised. */
function startWordpressBlog(comments: number): Promise<ScriptedBlog> {
  return startBlog(comments, (url, origin, count) => {
    const call = '/2026/02/blogparade-lieblingswerkzeug.html';
    if (url.pathname === call) {
      return callPage(
        count,
        `<link rel="alternate" type="application/rss+xml" title="Werkbank » Kommentar-Feed zu Mein Lieblingswerkzeug" href="${origin}${call}/feed/">`,
      );
    }
    if (url.pathname !== `${call}/feed/`) return null;
    const paged = Number(url.searchParams.get('paged') ?? 1);
    const shown = newestFirst(count).slice((paged - 1) * 10, paged * 10);
    if (shown.length === 0) return null;
    return {
      type: 'application/rss+xml; charset=UTF-8',
      body: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Kommentare zu: Mein Lieblingswerkzeug</title><link>${origin}${call}</link><generator>https://wordpress.org/?v=6.5.3</generator>${shown
        .map(
          (n) =>
            `<item><title>Von: Leser ${n}</title><link>${origin}${call}#comment-${n}</link><guid isPermaLink="false">${origin}/?p=7#comment-${n}</guid><pubDate>Mon, 0${1 + (n % 9)} Feb 2026 10:00:00 +0000</pubDate><description><![CDATA[Mein Beitrag: ${origin}/beitrag-${n}/]]></description></item>`,
        )
        .join('')}</channel></rss>`,
    };
  });
}

async function paradeOn(
  database: TestDatabase,
  blog: ScriptedBlog,
  clock: FakeClock,
  config: Record<string, string> = {},
) {
  const runtime = await testRuntime(database, { clock, config });
  const { parade } = await createParade(runtime.ctx, {
    callUrl: blog.callUrl,
    title: 'Mein Lieblingswerkzeug',
  });
  const entryUrls = async () => (await listEntries(runtime.ctx.db, parade.id)).map((e) => e.url).sort();
  return { runtime, paradeId: parade.id, entryUrls };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe.each(databaseFactories())("a Blogger call's paged comment feed on %s", (_name, factory) => {
  let database: TestDatabase;
  let blog: ScriptedBlog;
  let runtime: Runtime;
  let paradeId = 0;
  let entryUrls: () => Promise<string[]>;
  const clock = new FakeClock(new Date('2026-02-20T12:00:00Z'));

  beforeAll(async () => {
    database = await factory();
    blog = await startScriptedBlog(12);
    ({ runtime, paradeId, entryUrls } = await paradeOn(database, blog, clock));
  });

  afterAll(async () => {
    await runtime?.close();
    await blog?.close();
    await database?.drop();
  });

  it('reads every page of the comment feed on the first pass', async () => {
    const found = await runDiscoveryPass(runtime.ctx, { paradeId });
    expect(found).toMatchObject({ failedSources: 0, newEntries: 12, pages: 2, deferred: 0 });
    expect(await entryUrls()).toEqual(range(1, 12).map(blog.entryUrl).sort());
    expect(blog.requests.map((r) => r.url).filter((u) => u.startsWith('/feeds/'))).toEqual([
      '/feeds/3861/comments/default',
      '/feeds/3861/comments/default?start-index=6&max-results=5',
      '/feeds/3861/comments/default?start-index=11&max-results=5',
    ]);
  });

  it('asks only whether the first page changed on the next pass', async () => {
    clock.advance(15 * 60 * 1000);
    blog.requests.length = 0;
    expect(await runDiscoveryPass(runtime.ctx, { paradeId })).toMatchObject({ newEntries: 0, pages: 0 });
    expect(blog.requests.filter((r) => r.url !== '/robots.txt')).toEqual([
      { url: '/2026/02/blogparade-lieblingswerkzeug.html', conditional: true, status: 304 },
      { url: '/feeds/3861/comments/default', conditional: true, status: 304 },
    ]);
  });

  it('reads a new comment on the first page and stops at the first comment it knows', async () => {
    blog.addComment();
    clock.advance(15 * 60 * 1000);
    blog.requests.length = 0;
    expect(await runDiscoveryPass(runtime.ctx, { paradeId })).toMatchObject({ newEntries: 1, pages: 0 });
    expect(await entryUrls()).toContain(blog.entryUrl(13));
    expect(blog.requests.filter((r) => r.url.startsWith('/feeds/'))).toEqual([
      { url: '/feeds/3861/comments/default', conditional: true, status: 200 },
    ]);
  });
});

describe.each(databaseFactories())('a comment feed longer than the page cap on %s', (_name, factory) => {
  let database: TestDatabase;
  let blog: ScriptedBlog;
  let runtime: Runtime;
  let paradeId = 0;
  let entryUrls: () => Promise<string[]>;
  const clock = new FakeClock(new Date('2026-02-20T12:00:00Z'));

  beforeAll(async () => {
    database = await factory();
    blog = await startScriptedBlog(12);
    ({ runtime, paradeId, entryUrls } = await paradeOn(database, blog, clock, {
      KORSO_DISCOVER_PAGES_PER_PASS: '1',
    }));
  });

  afterAll(async () => {
    await runtime?.close();
    await blog?.close();
    await database?.drop();
  });

  it('stops at the cap, remembers where, and goes on from there next pass', async () => {
    expect(await runDiscoveryPass(runtime.ctx, { paradeId })).toMatchObject({
      newEntries: 10,
      pages: 1,
      deferred: 1,
    });
    expect(await entryUrls()).toEqual(range(3, 12).map(blog.entryUrl).sort());
    const [call] = await listDiscoverySources(runtime.ctx.db, paradeId);
    expect(call?.resume_url).toMatch(/start-index=11&max-results=5$/);

    clock.advance(15 * 60 * 1000);
    blog.requests.length = 0;
    expect(await runDiscoveryPass(runtime.ctx, { paradeId })).toMatchObject({
      newEntries: 2,
      pages: 1,
      deferred: 0,
    });
    expect(await entryUrls()).toEqual(range(1, 12).map(blog.entryUrl).sort());
    expect(blog.requests.filter((r) => !r.conditional).map((r) => r.url)).toEqual([
      '/feeds/3861/comments/default?start-index=11&max-results=5',
    ]);
    const [after] = await listDiscoverySources(runtime.ctx.db, paradeId);
    expect(after?.resume_url).toBeNull();
  });
});

describe.each(databaseFactories())(
  'a WordPress call whose comments only its feed shows, on %s',
  (_name, factory) => {
    let database: TestDatabase;
    let blog: ScriptedBlog;
    let runtime: Runtime;
    const clock = new FakeClock(new Date('2026-02-20T12:00:00Z'));

    beforeAll(async () => {
      database = await factory();
      blog = await startWordpressBlog(23);
    });

    afterAll(async () => {
      await runtime?.close();
      await blog?.close();
      await database?.drop();
    });

    it('goes back through ?paged=N until a page is short', async () => {
      const parade = await paradeOn(database, blog, clock);
      runtime = parade.runtime;
      expect(await runDiscoveryPass(runtime.ctx, { paradeId: parade.paradeId })).toMatchObject({
        newEntries: 23,
        pages: 2,
      });
      expect(await parade.entryUrls()).toEqual(range(1, 23).map(blog.entryUrl).sort());
      expect(blog.requests.map((r) => r.url).filter((u) => u.includes('/feed/'))).toEqual([
        '/2026/02/blogparade-lieblingswerkzeug.html/feed/',
        '/2026/02/blogparade-lieblingswerkzeug.html/feed/?paged=2',
        '/2026/02/blogparade-lieblingswerkzeug.html/feed/?paged=3',
      ]);
    });
  },
);

/** A pager that never ends: every `?cpage=N` links `?cpage=N+1` as newer, and every third page links back to the first as "newer". */
function startEndlessPager(): Promise<ScriptedBlog> {
  return startBlog(0, (url, origin) => {
    if (url.pathname !== '/2026/02/blogparade-lieblingswerkzeug.html') return null;
    const n = Number(url.searchParams.get('cpage') ?? 1);
    const at = (k: number) => `${origin}${url.pathname}?cpage=${k}#comments`;
    const back = n % 3 === 0 ? `<div class="nav-next"><a href="${at(1)}">Neuere Kommentare</a></div>` : '';
    return {
      type: 'text/html; charset=UTF-8',
      body: `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Endlos</title></head><body><div id="comments"><ol class="comment-list"><li id="comment-${n}" class="comment"><div class="comment-content"><p>Seite ${n}</p></div></li></ol>
<nav class="navigation comment-navigation"><div class="nav-links">${n > 1 ? `<div class="nav-previous"><a href="${at(n - 1)}">Ältere Kommentare</a></div>` : ''}<div class="nav-next"><a href="${at(n + 1)}">Neuere Kommentare</a></div>${back}</div></nav></div></body></html>`,
    };
  });
}

describe.each(databaseFactories())('a comment pager that never ends, on %s', (_name, factory) => {
  let database: TestDatabase;
  let blog: ScriptedBlog;
  let runtime: Runtime;
  const clock = new FakeClock(new Date('2026-02-20T12:00:00Z'));

  beforeAll(async () => {
    database = await factory();
    blog = await startEndlessPager();
  });

  afterAll(async () => {
    await runtime?.close();
    await blog?.close();
    await database?.drop();
  });

  it('reads at most the cap of pages per pass, each once, and goes on from there the next pass', async () => {
    const parade = await paradeOn(database, blog, clock, { KORSO_DISCOVER_PAGES_PER_PASS: '4' });
    runtime = parade.runtime;
    const pages = () =>
      blog.requests
        .map((r) => r.url)
        .filter((u) => u.startsWith('/2026/02/blogparade-lieblingswerkzeug.html?cpage='));
    const first = await runDiscoveryPass(runtime.ctx, { paradeId: parade.paradeId });
    expect(first).toMatchObject({ failedSources: 0, pages: 4, deferred: 1 });
    expect(pages()).toEqual([2, 3, 4, 5].map((n) => `/2026/02/blogparade-lieblingswerkzeug.html?cpage=${n}`));

    clock.advance(15 * 60 * 1000);
    blog.requests.length = 0;
    expect(await runDiscoveryPass(runtime.ctx, { paradeId: parade.paradeId })).toMatchObject({
      pages: 4,
      deferred: 1,
    });
    // Pages with a newer page after them are settled; the first one linked back to is not read again.
    expect(pages()).toEqual([6, 7, 8, 9].map((n) => `/2026/02/blogparade-lieblingswerkzeug.html?cpage=${n}`));
  });
});
