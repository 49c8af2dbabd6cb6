import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureSite, startFixtureSite } from '../../src/demo/fixture-site.js';
import { readCallPage } from '../../src/discover/call-page.js';
import { readCommentPager } from '../../src/discover/comment-pages.js';
import { advertisedFeeds, blogHomeFor } from '../../src/discover/feed-discovery.js';
import { matchFeedItem } from '../../src/discover/feed-match.js';
import { type FeedItem, parseFeed } from '../../src/discover/feed-parser.js';

const now = new Date('2025-05-20T09:00:00Z');
const site: FixtureSite = await startFixtureSite({ port: 0, now });
const { discovery, popular } = site;

async function get(url: string): Promise<{ status: number; type: string; bytes: Buffer; text: string }> {
  const res = await fetch(url);
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type') ?? '', bytes, text: bytes.toString('utf8') };
}

async function feedItems(url: string): Promise<FeedItem[]> {
  const res = await get(url);
  const feed = await parseFeed(res.bytes, res.type, url);
  if (!feed.ok) throw new Error(feed.reason);
  return feed.items;
}

const sameResource = (href: string, base: string, target: string) => {
  const a = new URL(href, base);
  const b = new URL(target);
  return a.origin === b.origin && a.pathname.replace(/\/$/, '') === b.pathname.replace(/\/$/, '');
};

describe('the fixture world for discovery', () => {
  afterAll(async () => {
    await site.close();
  });

  it('keeps the registered entries apart from the pages only discovery reaches', () => {
    const registered = new Set(site.entries.map((e) => e.url));
    for (const url of [
      discovery.feedOnlyEntryUrl,
      discovery.hashtagOnlyUrl,
      discovery.unrelatedPostUrl,
      discovery.spamPingbackUrl,
    ]) {
      expect(registered.has(url), url).toBe(false);
    }
    expect(discovery.entries.map((e) => [e.url, e.linksCall])).toEqual([
      [discovery.feedOnlyEntryUrl, 'content'],
      [discovery.hashtagOnlyUrl, 'none'],
      [discovery.spamPingbackUrl, 'none'],
    ]);
    expect(discovery.commenterBlogHome).toBe(site.url('/zeilenreich/'));
    expect(discovery.commenterFeedUrl).toBe(site.url('/zeilenreich/feed/'));
    expect(discovery.pingbackEntryUrls).toEqual([site.entries.find((e) => e.blog === 'anna')?.url]);
    expect(discovery.commentLinkedEntryUrls).toEqual([site.entries.find((e) => e.blog === 'handwerk-jonas')?.url]);
    expect(discovery.blogs.map((b) => b.home)).toEqual([discovery.commenterBlogHome, site.url('/backlink-turbo/')]);
  });

  describe('the call page', () => {
    let html = '';
    beforeAll(async () => {
      html = (await get(site.callUrl)).text;
    });

    it('shows both pingbacks, the commenters with websites, the linked entry and the comment feed', () => {
      expect(readCallPage(html, site.callUrl)).toEqual({
        pingbacks: [...discovery.pingbackEntryUrls, discovery.spamPingbackUrl],
        commenterSites: discovery.commenterSites,
        commentLinks: discovery.commentLinkedEntryUrls,
        commentFeedUrl: site.commentFeedUrl,
      });
      expect(discovery.commenterSites).toEqual([discovery.commenterBlogHome, site.url('/handwerk-jonas/')]);
    });

    it("carries Clara's website in the WordPress author link of her comment", () => {
      const $ = cheerio.load(html);
      const clara = $('.comment-list > li.comment').filter((_i, el) => $(el).find('.fn').text() === 'Clara Winter');
      expect(clara.find('.comment-author a.url').attr('href')).toBe(discovery.commenterBlogHome);
      expect(clara.find('.comment-content a')).toHaveLength(0);
    });

    it("does not lead to Clara's entry", () => {
      expect(html).not.toContain(discovery.feedOnlyEntryUrl);
    });
  });

  it('lists the new comment and pingback in the comment feed, newest first, without their source URLs', async () => {
    const res = await get(site.commentFeedUrl);
    const items = await feedItems(site.commentFeedUrl);
    expect(items.map((i) => i.title)).toEqual([
      'Von: Die 50 besten Marketing-Blogs 2025 – jetzt Backlinks sichern – Backlink Turbo 24',
      'Von: Jonas Ebert',
      'Von: Clara Winter',
      'Von: Miriam Kessler',
      'Von: Mein Wunschkunde ist … ehrlich, neugierig und ein bisschen mutig – Texte mit Herz',
    ]);
    const dates = items.map((i) => Date.parse(i.published ?? ''));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    expect(items.every((i) => i.link?.startsWith(`${site.callUrl}#comment-`))).toBe(true);
    for (const hidden of [
      discovery.commenterBlogHome,
      discovery.spamPingbackUrl,
      discovery.feedOnlyEntryUrl,
      ...discovery.pingbackEntryUrls,
    ]) {
      expect(res.text).not.toContain(hidden);
    }
    expect(items[1]?.contentHtml).toContain(`href="${discovery.commentLinkedEntryUrls[0]}"`);
  });

  it("finds Clara's feed on her blog home, and her blog home from her entry", async () => {
    const home = await get(discovery.commenterBlogHome);
    expect(home.status).toBe(200);
    expect(advertisedFeeds(home.text, discovery.commenterBlogHome)).toEqual([discovery.commenterFeedUrl]);
    const entry = await get(discovery.feedOnlyEntryUrl);
    const feeds = advertisedFeeds(entry.text, discovery.feedOnlyEntryUrl, { excludeComments: true });
    expect(feeds).toEqual([discovery.commenterFeedUrl]);
    expect(blogHomeFor(discovery.feedOnlyEntryUrl, feeds[0])).toBe(discovery.commenterBlogHome);
  });

  it("holds in Clara's feed one entry linking the call, one naming the hashtag, one unrelated post", async () => {
    const items = await feedItems(discovery.commenterFeedUrl);
    const ctx = { callUrls: [site.callUrl], prompt: site.parade.prompt, hashtag: site.parade.hashtag };
    expect(items.map((i) => [i.link, matchFeedItem(i, ctx).why])).toEqual([
      [discovery.hashtagOnlyUrl, 'names-hashtag'],
      [discovery.feedOnlyEntryUrl, 'links-call'],
      [discovery.unrelatedPostUrl, null],
    ]);
  });

  describe.each(discovery.entries)('page $url', (entry) => {
    let $: cheerio.CheerioAPI;
    let status = 0;
    beforeAll(async () => {
      const res = await get(entry.url);
      status = res.status;
      $ = cheerio.load(res.text);
    });

    it('is served with its title, lists and a link to the call exactly where it says', () => {
      expect(status).toBe(200);
      expect($('meta[property="og:title"]').attr('content')).toBe(entry.title);
      const root = entry.layout === 'wordpress-block' ? '.wp-block-post-content' : '.entry-content';
      const text = $(root).text().replace(/\s+/g, ' ');
      for (const list of entry.lists) {
        if (list.intro) expect(text).toContain(list.intro);
        for (const item of list.items) expect(text).toContain(item);
      }
      const toCall = (selector: string) =>
        $(selector)
          .map((_i, el) => $(el).attr('href') ?? '')
          .get()
          .filter((href) => sameResource(href, entry.url, site.callUrl));
      if (entry.linksCall === 'content') expect(toCall(`${root} a[href]`).length).toBeGreaterThan(0);
      else expect(toCall('a[href]')).toEqual([]);
    });
  });

  it('answers a forced status on the new pages and feeds too', async () => {
    for (const url of [discovery.spamPingbackUrl, discovery.feedOnlyEntryUrl, discovery.commenterFeedUrl]) {
      site.setStatus(url, 410);
      expect((await get(url)).status).toBe(410);
      site.setStatus(new URL(url).pathname, null);
      expect((await get(url)).status).toBe(200);
    }
  });

  describe('the popular call', () => {
    it('splits its fifteen comments into three WordPress pages, the newest at the call itself', async () => {
      const pagers = [];
      for (const url of popular.commentPageUrls) {
        const res = await get(url);
        expect(res.status, url).toBe(200);
        pagers.push(readCommentPager(res.text, url));
      }
      expect(popular.commentPageUrls.at(-1)).toBe(popular.callUrl);
      expect(pagers.map((p) => [p.current, p.comments, p.hasNewer])).toEqual([
        [1, 6, true],
        [2, 6, true],
        [3, 3, false],
      ]);
      expect(pagers[1]?.links.map((l) => l.url)).toEqual([popular.commentPageUrls[0], popular.callUrl]);
      expect(await get(`${popular.callUrl}comment-page-3/`)).toMatchObject({ status: 200 });
    });

    it('leads from each page to entries; Greta says she is in on page two, with her website', async () => {
      const findings = [];
      for (const url of popular.commentPageUrls) findings.push(readCallPage((await get(url)).text, url));
      expect(findings.map((f) => [...f.pingbacks, ...f.commentLinks])).toEqual(popular.entryUrlsByPage);
      expect(findings[1]?.commenterSites).toContain(popular.teaserBlogHome);
      for (const f of findings) {
        expect(f.commentFeedUrl).toBe(popular.commentFeedUrl);
        // The host's own replies are not a participant blog.
        expect(f.commenterSites).not.toContain(site.url('/kompass/'));
        expect([...f.pingbacks, ...f.commentLinks]).not.toContain(popular.teaserEntryUrl);
      }
    });

    it('carries the newest ten comments in its comment feed and the older ones at ?paged=2', async () => {
      const first = await feedItems(popular.commentFeedUrl);
      const second = await feedItems(`${popular.commentFeedUrl}?paged=2`);
      expect([first.length, second.length]).toEqual([10, 5]);
      expect((await get(`${popular.commentFeedUrl}?paged=3`)).status).toBe(404);
    });

    it("shows only teasers in Greta's feed: her entry's item names neither call, prompt nor hashtag", async () => {
      const res = await get(popular.teaserFeedUrl);
      expect(res.text).not.toContain('content:encoded>');
      const items = await feedItems(popular.teaserFeedUrl);
      const ctx = {
        callUrls: [popular.callUrl],
        prompt: popular.parade.prompt,
        hashtag: popular.parade.hashtag,
      };
      expect(items.map((i) => [i.link, matchFeedItem(i, ctx).why])).toEqual([
        [popular.teaserEntryUrl, null],
        [popular.windowUnrelatedUrl, null],
        [popular.outsideWindowUrl, null],
      ]);
      expect(items[0]?.contentText).toContain('mein Beitrag zur Blogparade');
      const entry = cheerio.load((await get(popular.teaserEntryUrl)).text);
      const toCall = entry('.wp-block-post-content a[href]')
        .map((_i, el) => entry(el).attr('href') ?? '')
        .get()
        .filter((href) => sameResource(href, popular.teaserEntryUrl, popular.callUrl));
      expect(toCall.length).toBeGreaterThan(0);
    });

    it('logs every request with whether it was conditional', async () => {
      site.clearRequests();
      const first = await fetch(popular.callUrl);
      const etag = first.headers.get('etag') ?? '';
      await first.arrayBuffer();
      await (await fetch(popular.callUrl, { headers: { 'If-None-Match': etag } })).arrayBuffer();
      expect(site.requests()).toEqual([
        {
          method: 'GET',
          path: new URL(popular.callUrl).pathname,
          search: '',
          conditional: false,
          status: 200,
        },
        {
          method: 'GET',
          path: new URL(popular.callUrl).pathname,
          search: '',
          conditional: true,
          status: 304,
        },
      ]);
    });
  });
});
