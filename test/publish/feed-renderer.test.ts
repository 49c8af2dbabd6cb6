import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { renderAtom, renderJsonFeed, renderRss } from '../../src/publish/feed-renderer.js';
import type { PublishedEntry, PublishedParade } from '../../src/publish/types.js';

const parade: PublishedParade = {
  slug: 'wunschkunde',
  title: 'Blogparade: Mein <Wunschkunde> & ich',
  callUrl: 'https://host.example/aufruf/',
  prompt: 'Mein Wunschkunde ist …',
  lang: 'de',
  deadline: null,
  createdAt: '2026-11-01T00:00:00.000Z',
  hashtag: null,
  hostName: null,
  timeZone: 'Europe/Berlin',
  state: 'open',
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
    late: false,
    blogName: 'jonas.example',
    blogUrl: 'https://jonas.example/',
    feedUrl: null,
    url: 'https://jonas.example/post',
    title: null,
    author: null,
    published: null,
    excerpt: null,
    lists: [],
    firstSeen: '2026-11-04T09:00:00.000Z',
    updated: '2026-11-04T09:00:00.000Z',
  },
];

const links = {
  page: 'https://korso.example/p/wunschkunde',
  rss: 'https://korso.example/p/wunschkunde/feed.xml',
  atom: 'https://korso.example/p/wunschkunde/atom.xml',
  json: 'https://korso.example/p/wunschkunde/feed.json',
};

describe('feeds', () => {
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
    expect(jonas?.title).toBe('https://jonas.example/post');
    expect(new Date(jonas?.isoDate ?? '').toISOString()).toBe('2026-11-04T09:00:00.000Z');
  });

  it('Atom parses with text titles and html content', async () => {
    const xml = renderAtom(parade, entries, links);
    expect(xml).toContain('<title type="text">Über &lt;script&gt;alert(1)&lt;/script&gt; Kunden</title>');
    const feed = await new Parser().parseString(xml);
    expect(feed.items[0]?.title).toBe('Über <script>alert(1)</script> Kunden');
    expect(feed.items[0]?.id).toBe('https://anna.example/wunschkunde/?a=1&b=2');
  });

  it('JSON Feed 1.1 carries authors and content', () => {
    const feed = JSON.parse(renderJsonFeed(parade, entries, links));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items[0].authors).toEqual([{ name: 'Anna Müller' }]);
    expect(feed.items[0].content_html).toContain('<li><strong>neugierig</strong></li>');
    expect(feed.items[1].authors).toBeUndefined();
  });

  it('drops control characters XML cannot carry', async () => {
    const dirty = [{ ...entries[1]!, title: 'Bell\u0007 und Nul\u0000l' }];
    const feed = await new Parser().parseString(renderRss(parade, dirty, links));
    expect(feed.items[0]?.title).toBe('Bell und Null');
  });
});
