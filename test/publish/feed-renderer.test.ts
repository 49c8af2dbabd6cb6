import * as cheerio from 'cheerio';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import {
  type FeedLinks,
  renderAtom,
  renderJsonFeed,
  renderParadesAtom,
  renderParadesJsonFeed,
  renderParadesRss,
  renderRss,
} from '../../src/publish/feed-renderer.js';
import type { PublishedEntry, PublishedParade } from '../../src/publish/types.js';
import { RFC822, RFC3339, xmlErrors } from './xml-check.js';

const parade: PublishedParade = {
  slug: 'wunschkunde',
  title: 'Blogparade: Mein <Wunschkunde> & ich',
  callUrl: 'https://host.example/aufruf/',
  prompt: 'Mein Wunschkunde ist …',
  lang: 'de',
  deadline: '2026-11-15T22:59:59.000Z',
  createdAt: '2026-11-01T00:00:00.000Z',
  hashtag: null,
  hostName: 'Hanna Host',
  timeZone: 'Europe/Berlin',
  state: 'closed',
  url: 'https://korso.example/p/wunschkunde',
  roundupIntro: null,
};

const entries: PublishedEntry[] = [
  {
    id: 1,
    late: false,
    blogName: 'Annas Blog',
    blogUrl: 'https://anna.example/',
    feedUrl: null,
    url: 'https://anna.example/wunschkunde/?a=1&b=2',
    title: 'Über <script>alert(1)</script> Kunden',
    author: 'Anna Müller',
    published: '2026-11-02T08:00:00.000Z',
    excerpt: 'Warum ich „Ja“ sage & wann nicht',
    lists: [
      {
        ordered: false,
        intro: 'Mein Wunschkunde ist …',
        items: [
          { text: 'neugierig', html: '<strong>neugierig</strong>' },
          { text: 'zahlt pünktlich', html: '' },
        ],
      },
    ],
    firstSeen: '2026-11-02T09:00:00.000Z',
    updated: '2026-11-03T09:00:00.000Z',
  },
  {
    id: 2,
    late: true,
    blogName: 'jonas.example',
    blogUrl: 'https://jonas.example/',
    feedUrl: null,
    url: 'https://jonas.example/post',
    title: null,
    author: null,
    published: null,
    excerpt: null,
    lists: [],
    firstSeen: '2026-11-16T09:00:00.000Z',
    updated: '2026-11-16T09:00:00.000Z',
  },
];

const links: FeedLinks = {
  page: 'https://korso.example/p/wunschkunde',
  rss: 'https://korso.example/p/wunschkunde/feed.xml',
  atom: 'https://korso.example/p/wunschkunde/atom.xml',
  json: 'https://korso.example/p/wunschkunde/feed.json',
};

const paged: FeedLinks = {
  ...links,
  paging: {
    first: 'https://korso.example/p/wunschkunde/atom.xml',
    next: 'https://korso.example/p/wunschkunde/atom.xml?page=3&size=50',
    previous: 'https://korso.example/p/wunschkunde/atom.xml?page=1&size=50',
    last: 'https://korso.example/p/wunschkunde/atom.xml?page=9&size=50',
  },
};

type Render = (p: PublishedParade, e: PublishedEntry[], l: FeedLinks) => string;
const xmlFormats: [string, Render][] = [
  ['RSS 2.0', renderRss],
  ['Atom 1.0', renderAtom],
];

/** Text no feed may break on: markup, quotes, C0 and C1 controls, a lone surrogate. */
const hostile: PublishedEntry = {
  ...entries[0]!,
  id: 3,
  url: 'https://evil.example/"><x>?q=\u0001',
  title: 'Bell\u0007 und Nul\u0000l, C1\u0085 und \uD800 allein ]]> <![CDATA[',
  author: 'Eve "&" <Mallory>',
  excerpt: 'Tab\tund\nZeile\u001B',
};

describe('feeds of a parade', () => {
  it('RSS 2.0 parses in a feed reader with titles as plain text and lists as HTML', async () => {
    const feed = await new Parser().parseString(renderRss(parade, entries, links));
    expect(feed.title).toBe(parade.title);
    expect(feed.items).toHaveLength(2);
    const [anna, jonas] = feed.items;
    expect(anna?.title).toBe('Über <script>alert(1)</script> Kunden');
    expect(anna?.link).toBe('https://anna.example/wunschkunde/?a=1&b=2');
    expect(anna?.creator).toBe('Anna Müller');
    expect(anna?.content).toContain('<ul><li><strong>neugierig</strong></li><li>zahlt pünktlich</li></ul>');
    expect(anna?.content).toContain('Warum ich „Ja“ sage &amp; wann nicht');
    expect(anna?.content).not.toContain('<script>');
    expect(jonas?.title).toBe('https://jonas.example/post (verspätet)');
    expect(jonas?.creator).toBe('jonas.example');
    expect(new Date(jonas?.isoDate ?? '').toISOString()).toBe('2026-11-16T09:00:00.000Z');
  });

  it('Atom parses with text titles and html content', async () => {
    const xml = renderAtom(parade, entries, links);
    expect(xml).toContain('<title type="text">Über &lt;script&gt;alert(1)&lt;/script&gt; Kunden</title>');
    const feed = await new Parser().parseString(xml);
    expect(feed.items[0]?.title).toBe('Über <script>alert(1)</script> Kunden');
    expect(feed.items[0]?.id).toBe('https://anna.example/wunschkunde/?a=1&b=2');
  });

  it('JSON Feed 1.1 carries authors with their blog, content and the late tag', () => {
    const feed = JSON.parse(renderJsonFeed(parade, entries, links));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items[0].authors).toEqual([{ name: 'Anna Müller', url: 'https://anna.example/' }]);
    expect(feed.items[0].content_html).toContain('<li><strong>neugierig</strong></li>');
    expect(feed.items[0].tags).toBeUndefined();
    expect(feed.items[1].authors).toEqual([{ name: 'jonas.example', url: 'https://jonas.example/' }]);
    expect(feed.items[1].title).toBe('https://jonas.example/post (verspätet)');
    expect(feed.items[1].tags).toEqual(['verspätet']);
  });

  it.each([...xmlFormats, ['JSON Feed', renderJsonFeed] as [string, Render]])(
    '%s stays sound with markup, quotes and control characters in every field',
    async (format, render) => {
      const out = render(parade, [hostile, ...entries], paged);
      if (format === 'JSON Feed') {
        const feed = JSON.parse(out);
        expect(feed.items[0].title).toBe(
          'Bell\u0007 und Nul\u0000l, C1\u0085 und \uD800 allein ]]> <![CDATA[',
        );
        return;
      }
      expect(xmlErrors(out)).toEqual([]);
      const feed = await new Parser().parseString(out);
      expect(feed.items[0]?.title).toBe('Bell und Null, C1 und  allein ]]> <![CDATA[');
      expect(feed.items[0]?.link).toBe('https://evil.example/"><x>?q=');
    },
  );

  it.each([
    ['de', 'verspätet'],
    ['en', 'late'],
  ])('marks late entries in %s the same way in all three formats', async (lang, word) => {
    const p = { ...parade, lang };
    const rss = cheerio.load(renderRss(p, entries, links), { xml: true });
    const atom = cheerio.load(renderAtom(p, entries, links), { xml: true });
    const json = JSON.parse(renderJsonFeed(p, entries, links));
    const titled = `https://jonas.example/post (${word})`;
    expect(rss('item').eq(1).find('title').text()).toBe(titled);
    expect(rss('item').eq(1).find('category').text()).toBe(word);
    expect(rss('item').eq(0).find('category')).toHaveLength(0);
    expect(atom('entry').eq(1).find('title').text()).toBe(titled);
    expect(atom('entry').eq(1).find('category').attr('term')).toBe(word);
    expect(atom('entry').eq(0).find('category')).toHaveLength(0);
    expect(json.items[1].title).toBe(titled);
    expect(json.items[1].tags).toEqual([word]);
  });

  it('dates items by the post and the feed by its newest post change, never by the crawl', () => {
    const atom = cheerio.load(renderAtom(parade, entries, links), { xml: true });
    const rss = cheerio.load(renderRss(parade, entries, links), { xml: true });
    const json = JSON.parse(renderJsonFeed(parade, entries, links));
    expect(atom('feed > updated').text()).toBe('2026-11-16T09:00:00.000Z');
    expect(atom('entry').eq(0).find('published').text()).toBe('2026-11-02T08:00:00.000Z');
    expect(atom('entry').eq(0).find('updated').text()).toBe('2026-11-03T09:00:00.000Z');
    expect(json.items[0].date_published).toBe('2026-11-02T08:00:00.000Z');
    expect(json.items[0].date_modified).toBe('2026-11-03T09:00:00.000Z');
    expect(rss('lastBuildDate').text()).toBe('Mon, 16 Nov 2026 09:00:00 GMT');
    expect(rss('item').eq(0).find('pubDate').text()).toBe('Mon, 02 Nov 2026 08:00:00 GMT');
    // A post that claims an update before its publication is dated by its publication.
    const odd = { ...entries[0]!, updated: '2026-10-01T00:00:00.000Z' };
    const oddJson = JSON.parse(renderJsonFeed(parade, [odd], links));
    expect(oddJson.items[0].date_modified).toBe('2026-11-02T08:00:00.000Z');
  });

  it('dates an empty feed by the parade, not by the time of rendering', () => {
    const atom = cheerio.load(renderAtom({ ...parade, changedAt: '2026-11-05T10:00:00.000Z' }, [], links), {
      xml: true,
    });
    expect(atom('feed > updated').text()).toBe('2026-11-05T10:00:00.000Z');
    expect(atom('entry')).toHaveLength(0);
  });

  it('renders the same document twice: ids and dates are stable', () => {
    expect(renderAtom(parade, entries, paged)).toBe(renderAtom(parade, entries, paged));
    expect(renderRss(parade, entries, paged)).toBe(renderRss(parade, entries, paged));
  });

  it('RSS carries the elements RSS 2.0 requires, in RFC 822 dates, with unique guids', () => {
    const xml = renderRss(parade, [hostile, ...entries], paged);
    const $ = cheerio.load(xml, { xml: true });
    for (const name of ['title', 'link', 'description']) expect($(`channel > ${name}`).text()).not.toBe('');
    expect($('channel > lastBuildDate').text()).toMatch(RFC822);
    const guids = $('item > guid')
      .map((_i, g) => $(g).text())
      .get();
    expect(guids).toHaveLength(3);
    expect(new Set(guids).size).toBe(3);
    $('item').each((_i, item) => {
      expect($(item).find('title').text()).not.toBe('');
      expect($(item).find('pubDate').text()).toMatch(RFC822);
    });
    expect($('channel > atom\\:link[rel="self"]').attr('href')).toBe(links.rss);
  });

  it('Atom carries the elements RFC 4287 requires, in RFC 3339 dates, with unique ids', () => {
    const $ = cheerio.load(renderAtom(parade, [hostile, ...entries], paged), { xml: true });
    expect($('feed > id').text()).toBe(links.page);
    expect($('feed > title').text()).toBe(parade.title);
    expect($('feed > updated').text()).toMatch(RFC3339);
    expect($('feed > author > name').text()).toBe('Hanna Host');
    const ids = $('entry > id')
      .map((_i, g) => $(g).text())
      .get();
    expect(new Set(ids).size).toBe(3);
    $('entry').each((_i, entry) => {
      const e = $(entry);
      expect(e.find('title').text()).not.toBe('');
      expect(e.find('updated').text()).toMatch(RFC3339);
      expect(e.find('published').text()).toMatch(RFC3339);
      expect(e.find('link[rel="alternate"]').attr('href')).toBeTruthy();
      expect(e.find('author > name').text()).not.toBe('');
    });
  });

  it('links RFC 5005 pages in RSS and Atom and the next page in JSON Feed', () => {
    const rss = cheerio.load(renderRss(parade, entries, paged), { xml: true });
    const atom = cheerio.load(renderAtom(parade, entries, paged), { xml: true });
    const json = JSON.parse(renderJsonFeed(parade, entries, paged));
    for (const rel of ['first', 'next', 'previous', 'last'] as const) {
      expect(rss(`channel > atom\\:link[rel="${rel}"]`).attr('href')).toBe(paged.paging?.[rel]);
      expect(atom(`feed > link[rel="${rel}"]`).attr('href')).toBe(paged.paging?.[rel]);
    }
    expect(json.next_url).toBe(paged.paging?.next);
    const unpaged = cheerio.load(renderAtom(parade, entries, links), { xml: true });
    expect(
      unpaged('feed > link')
        .map((_i, l) => unpaged(l).attr('rel'))
        .get(),
    ).toEqual(['alternate', 'self']);
    expect(JSON.parse(renderJsonFeed(parade, entries, links)).next_url).toBeUndefined();
  });

  it('JSON Feed items carry what JSON Feed 1.1 requires, in RFC 3339 dates', () => {
    const feed = JSON.parse(renderJsonFeed(parade, [hostile, ...entries], paged));
    expect(feed.title).toBe(parade.title);
    expect(feed.feed_url).toBe(links.json);
    expect(new Set(feed.items.map((i: { id: string }) => i.id)).size).toBe(3);
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string');
      expect(item.content_html).toEqual(expect.any(String));
      expect(item.date_published).toMatch(RFC3339);
      expect(item.date_modified).toMatch(RFC3339);
    }
  });
});

const parades: PublishedParade[] = [
  { ...parade, changedAt: '2026-11-20T12:00:00.000Z' },
  {
    ...parade,
    slug: 'tools',
    title: 'My favourite tools',
    callUrl: 'https://en.example/call?x=1&y=2',
    prompt: null,
    hostName: null,
    lang: 'en',
    deadline: '2026-07-31T21:59:59.000Z',
    state: 'open',
    createdAt: '2026-06-01T08:00:00.000Z',
    url: 'https://korso.example/p/tools',
  },
];
const siteLinks: FeedLinks = {
  page: 'https://korso.example/',
  rss: 'https://korso.example/parades.xml',
  atom: 'https://korso.example/parades.atom',
  json: 'https://korso.example/parades.json',
};
const site = { title: 'korso: neue Blogparaden', description: 'Neue Blogparaden auf korso', lang: 'de' };

describe('feed of new parades', () => {
  it.each([
    ['RSS 2.0', renderParadesRss],
    ['Atom 1.0', renderParadesAtom],
  ])(
    '%s is well-formed and lists each parade with call link, question, deadline and state',
    async (_f, render) => {
      const xml = render(site, parades, siteLinks);
      expect(xmlErrors(xml)).toEqual([]);
      const feed = await new Parser().parseString(xml);
      expect(feed.items.map((i) => i.title)).toEqual([parades[0]!.title, 'My favourite tools']);
      expect(feed.items.map((i) => i.link)).toEqual([
        'https://host.example/aufruf/',
        'https://en.example/call?x=1&y=2',
      ]);
      const [de, en] = feed.items.map((i) => i.content ?? '');
      expect(de).toContain('Mein Wunschkunde ist …');
      expect(de).toContain('15. November 2026, 23:59 Uhr (MEZ)');
      expect(de).toContain('<dt>Stand</dt><dd>beendet</dd>');
      expect(de).toContain('Hanna Host');
      expect(en).toContain('31 July 2026, 23:59 (CEST)');
      expect(en).toContain('<dt>State</dt><dd>open</dd>');
      expect(en).toContain('href="https://korso.example/p/tools"');
    },
  );

  it('Atom gives each parade a stable id, its own language and the date of its last change', () => {
    const $ = cheerio.load(renderParadesAtom(site, parades, siteLinks), { xml: true });
    expect(
      $('entry > id')
        .map((_i, e) => $(e).text())
        .get(),
    ).toEqual(['https://korso.example/p/wunschkunde', 'https://korso.example/p/tools']);
    expect($('entry').eq(1).attr('xml:lang')).toBe('en');
    expect($('entry').eq(0).attr('xml:lang')).toBeUndefined();
    expect($('entry').eq(0).find('updated').text()).toBe('2026-11-20T12:00:00.000Z');
    expect($('entry').eq(1).find('updated').text()).toBe('2026-06-01T08:00:00.000Z');
    expect($('feed > updated').text()).toBe('2026-11-20T12:00:00.000Z');
  });

  it('JSON Feed of parades tags each with its state', () => {
    const feed = JSON.parse(renderParadesJsonFeed(site, parades, siteLinks));
    expect(feed.items.map((i: { tags: string[] }) => i.tags)).toEqual([['beendet'], ['open']]);
    expect(feed.items[1].language).toBe('en');
  });
});
