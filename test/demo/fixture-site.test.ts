import * as cheerio from 'cheerio';
import iconv from 'iconv-lite';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureEntry, type FixtureSite, startFixtureSite } from '../../src/demo/fixture-site.js';

// Where each platform keeps the post body; links to the call outside it are "elsewhere".
const contentRoot: Record<string, string> = {
  'wordpress-classic': '.entry-content',
  'wordpress-block': '.wp-block-post-content',
  blogger: '.post-body',
  ghost: '.gh-content',
  hugo: '.post-content',
  jimdo: '.j-blog-content',
  'legacy-html': 'td.inhalt',
};

interface Fetched {
  status: number;
  type: string;
  bytes: Buffer;
  text: string;
  headers: Headers;
}

async function get(url: string, init?: RequestInit): Promise<Fetched> {
  const res = await fetch(url, init);
  const bytes = Buffer.from(await res.arrayBuffer());
  const type = res.headers.get('content-type') ?? '';
  const charset = /charset=([^;\s]+)/i.exec(type)?.[1] ?? 'utf-8';
  return { status: res.status, type, bytes, text: iconv.decode(bytes, charset), headers: res.headers };
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

function sameResource(href: string, base: string, target: string): boolean {
  const a = new URL(href, base);
  const b = new URL(target);
  const path = (u: URL) => u.pathname.replace(/\/$/, '');
  return a.origin === b.origin && path(a) === path(b);
}

const now = new Date('2025-05-20T09:00:00Z');
// Started at import so the entry table below can name its cases.
const site: FixtureSite = await startFixtureSite({ port: 0, now, slowMs: 200 });

describe('the fixture blog world', () => {
  afterAll(async () => {
    await site.close();
  });

  it('describes a German parade whose deadline is four weeks ahead', () => {
    expect(site.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(site.callUrl).toBe(`${site.origin}/blog/blogparade-mein-wunschkunde/`);
    expect(site.parade).toEqual({
      title: 'Blogparade: Mein Wunschkunde ist …',
      prompt: 'Mein Wunschkunde ist',
      deadline: '2025-06-17T21:59:59.000Z',
      lang: 'de',
      hashtag: '#Wunschkunde',
    });
  });

  it('has entries on distinct blogs, six layouts among those linking the call, and one of each other kind', () => {
    const { entries } = site;
    expect(new Set(entries.map((e) => e.path.split('/')[1])).size).toBe(entries.length);
    const linking = entries.filter((e) => e.linksCall === 'content');
    expect(new Set(linking.map((e) => e.layout)).size).toBeGreaterThanOrEqual(6);
    expect(entries.filter((e) => e.linksCall === 'elsewhere')).toHaveLength(1);
    expect(entries.filter((e) => e.linksCall === 'none')).toHaveLength(1);
    expect(entries.filter((e) => e.charset === 'windows-1252')).toHaveLength(1);
    const typical = entries.find((e) => e.layout === 'wordpress-classic' && e.linksCall === 'content');
    expect(typical?.lists).toHaveLength(1);
    expect(typical?.lists[0]?.items).toHaveLength(15);
    expect(typical?.lists[0]?.intro).toMatch(/:$/);
    for (const e of entries) {
      if (e.published) expect(Date.parse(e.published)).toBeLessThan(now.getTime());
    }
  });

  it('serves the call with its comments, pingback and a link to its comment feed', async () => {
    const page = await get(site.callUrl);
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html; charset=UTF-8');
    const $ = cheerio.load(page.text);
    expect($('html').attr('lang')).toBe('de');
    expect($('h1').text()).toBe(site.parade.title);
    expect(
      $('link[rel=alternate][type="application/rss+xml"]')
        .map((_i, el) => $(el).attr('href'))
        .get(),
    ).toEqual([site.feedUrl, site.commentFeedUrl]);
    expect($('.comment-list > li.comment')).toHaveLength(3);
    const pingbacks = $('.comment-list > li.pingback a.url')
      .map((_i, el) => $(el).attr('href'))
      .get();
    expect(pingbacks).toEqual([
      site.entries.find((e) => e.layout === 'wordpress-classic')?.url,
      site.discovery.spamPingbackUrl,
    ]);
    expect($('#secondary .widget').length).toBeGreaterThan(2);
    expect($('footer#colophon li').length).toBeGreaterThan(1);
    expect($('.entry-content').text()).toContain('17. Juni 2025');
  });

  describe.each(site.entries)('$layout entry $path', (entry: FixtureEntry) => {
    let page: Fetched;
    let $: cheerio.CheerioAPI;

    beforeAll(async () => {
      page = await get(entry.url);
      $ = cheerio.load(page.text);
    });

    it('is served as HTML in its declared charset, with German metadata', () => {
      expect(page.status).toBe(200);
      expect(page.type.toLowerCase()).toBe(`text/html; charset=${entry.charset}`);
      expect($('html').attr('lang')).toBe('de');
      expect($('meta[property="og:title"]').attr('content')).toBe(entry.title);
      expect($('meta[property="og:url"]').attr('content')).toBe(entry.url);
      expect($('title').text().startsWith(entry.title)).toBe(true);
      expect($('title').text().length).toBeGreaterThan(entry.title.length);
      const published = $('meta[property="article:published_time"]').attr('content');
      if (entry.published) expect(Date.parse(published ?? '')).toBe(Date.parse(entry.published));
      else expect(published).toBeUndefined();
      if (entry.author) expect(squash($('body').text())).toContain(entry.author);
    });

    it('carries every expected list item and intro literally, inside the content root', () => {
      const root = $(contentRoot[entry.layout] ?? 'body');
      expect(root).toHaveLength(1);
      const text = squash(root.text());
      expect(entry.lists.length).toBeGreaterThan(0);
      for (const list of entry.lists) {
        if (list.intro) expect(text).toContain(list.intro);
        for (const item of list.items) expect(text).toContain(item);
      }
    });

    it('links the call exactly where it says', () => {
      const toCall = (selector: string) =>
        $(selector)
          .map((_i, el) => $(el).attr('href') ?? '')
          .get()
          .filter((href) => sameResource(href, entry.url, site.callUrl));
      const everywhere = toCall('a[href]');
      const inContent = toCall(`${contentRoot[entry.layout] ?? 'body'} a[href]`);
      if (entry.linksCall === 'content') expect(inContent.length).toBeGreaterThan(0);
      if (entry.linksCall === 'elsewhere') {
        expect(inContent).toEqual([]);
        expect(everywhere.length).toBeGreaterThan(0);
        expect(squash($('body').text())).toContain('Mein Wunschkunde ist …');
      }
      if (entry.linksCall === 'none') expect(everywhere).toEqual([]);
    });

    it('belongs to a blog whose home page and feed point back to it', async () => {
      const blog = site.blogs.find((b) => b.id === entry.blog);
      expect(blog?.feed).toBe(entry.feedUrl);
      const home = await get(blog?.home ?? '');
      expect(home.status).toBe(200);
      const h = cheerio.load(home.text);
      expect(h('link[rel=alternate][type="application/rss+xml"]').attr('href')).toBe(entry.feedUrl);
      expect(h(`a[href="${entry.url}"]`).length).toBeGreaterThan(0);
      const feed = await get(entry.feedUrl);
      expect(feed.type).toBe('application/rss+xml; charset=UTF-8');
      const parsed = await new Parser().parseString(feed.text);
      expect(parsed.items.map((i) => i.link)).toEqual([entry.url]);
      expect(parsed.items[0]?.title).toBe(entry.title);
    });
  });

  it('encodes the windows-1252 entry as such, umlauts included', async () => {
    const entry = site.entries.find((e) => e.charset === 'windows-1252')!;
    const page = await get(entry.url);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(page.bytes)).toThrow();
    expect(page.bytes.includes(Buffer.from([0xfc]))).toBe(true);
    expect(page.text).toContain('Übungen');
    expect(page.text).toContain('charset=windows-1252');
    expect(page.text).not.toContain('\ufffd');
  });

  it('serves well-formed RSS for the host blog and the call comments', async () => {
    const main = await new Parser().parseString((await get(site.feedUrl)).text);
    expect(main.items.map((i) => i.link)).toContain(site.callUrl);
    const commentFeed = await get(site.commentFeedUrl);
    expect(commentFeed.status).toBe(200);
    const comments = await new Parser({
      customFields: { item: ['dc:creator', 'content:encoded'] },
    }).parseString(commentFeed.text);
    expect(comments.title).toBe(`Kommentare zu: ${site.parade.title}`);
    expect(comments.items).toHaveLength(5);
    expect(comments.items.every((i) => i.link?.startsWith(`${site.callUrl}#comment-`))).toBe(true);
    const typical = site.entries.find((e) => e.layout === 'wordpress-classic')!;
    expect(comments.items.map((i) => i.title)).toContain(`Von: ${typical.title} – Texte mit Herz`);
    const jonas = site.entries.find((e) => e.layout === 'hugo')!;
    expect(
      comments.items.some((i) => (i['content:encoded'] as string | undefined)?.includes(jonas.url)),
    ).toBe(true);
  });

  it('answers robots.txt, a non-HTML URL and unknown paths like a real host', async () => {
    const robots = await get(site.url('/robots.txt'));
    expect(robots.text).toBe('User-agent: *\nAllow: /\n');
    const png = await get(site.url('/not-html'));
    expect(png.type).toBe('image/png');
    expect(png.bytes.subarray(0, 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const missing = await get(site.url('/gibt-es-nicht/'));
    expect(missing.status).toBe(404);
    expect(missing.type).toBe('text/html; charset=UTF-8');
    expect(missing.text).toContain('<html lang="de">');
  });

  it('redirects a call link without trailing slash, keeping the query', async () => {
    const res = await fetch(site.url('/blog/blogparade-mein-wunschkunde?utm_source=x'), {
      redirect: 'manual',
    });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe(`${site.callUrl}?utm_source=x`);
  });

  it('answers a conditional GET with 304', async () => {
    const first = await get(site.callUrl);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    const again = await fetch(site.callUrl, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });

  it('forces a status with setStatus and restores it with null', async () => {
    const entry = site.entries[0]!;
    site.setStatus(entry.path, 410);
    expect((await get(entry.url)).status).toBe(410);
    site.setStatus(entry.url, 500);
    expect((await get(entry.url)).status).toBe(500);
    site.setStatus(entry.path, null);
    expect((await get(entry.url)).status).toBe(200);
  });

  it('counts requests per path, ignoring the query', async () => {
    const entry = site.entries[1]!;
    const before = site.hits(entry.path);
    await get(entry.url);
    await get(`${entry.url}?utm_source=test`);
    expect(site.hits(entry.path)).toBe(before + 2);
    expect(site.hits(entry.url)).toBe(before + 2);
    expect(site.hits('/nie-gesehen/')).toBe(0);
  });

  it('answers /slow only after its delay', async () => {
    const res = await get(site.url('/slow'));
    expect(res.status).toBe(200);
  });
});

describe('the slow page', () => {
  it('outlasts a short client timeout and does not keep close() waiting', async () => {
    const site = await startFixtureSite();
    await expect(fetch(site.url('/slow'), { signal: AbortSignal.timeout(100) })).rejects.toThrow();
    const pending = fetch(site.url('/slow')).catch(() => 'closed');
    await new Promise((resolve) => setTimeout(resolve, 20));
    await site.close();
    expect(await pending).toBe('closed');
  });
});
