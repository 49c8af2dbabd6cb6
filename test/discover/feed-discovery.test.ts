import { describe, expect, it } from 'vitest';
import { advertisedFeeds, blogHomeFor, usualFeedPaths } from '../../src/discover/feed-discovery.js';

const home = (head: string) =>
  `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Zeilenreich</title>${head}</head><body><p>Hallo</p></body></html>`;

describe('advertisedFeeds', () => {
  const pageUrl = 'https://zeilen.example/blog/';

  it.each<[string, string, string[]]>([
    [
      'a WordPress home with its post and comment feeds',
      '<link rel="alternate" type="application/rss+xml" title="Zeilenreich » Feed" href="https://zeilen.example/blog/feed/">' +
        '<link rel="alternate" type="application/rss+xml" title="Zeilenreich » Kommentar-Feed" href="https://zeilen.example/blog/comments/feed/">',
      ['https://zeilen.example/blog/feed/', 'https://zeilen.example/blog/comments/feed/'],
    ],
    [
      'RSS, Atom, RDF and JSON Feed, relative hrefs resolved',
      '<link rel="alternate" type="application/rss+xml" href="rss.xml">' +
        '<link rel="alternate" type="application/atom+xml" href="/atom.xml">' +
        '<link rel="alternate" type="application/rdf+xml" href="index.rdf">' +
        '<link rel="alternate" type="application/feed+json" href="feed.json">',
      [
        'https://zeilen.example/blog/rss.xml',
        'https://zeilen.example/atom.xml',
        'https://zeilen.example/blog/index.rdf',
        'https://zeilen.example/blog/feed.json',
      ],
    ],
    [
      'upper-case attributes, a charset parameter and several rel tokens',
      '<LINK REL="Alternate Home" TYPE="Application/RSS+XML; charset=UTF-8" HREF="/feed/">',
      ['https://zeilen.example/feed/'],
    ],
    [
      'a <base href> for relative feed links',
      '<base href="https://cdn.zeilen.example/site/"><link rel="alternate" type="application/atom+xml" href="atom.xml">',
      ['https://cdn.zeilen.example/site/atom.xml'],
    ],
    [
      'the same feed twice',
      '<link rel="alternate" type="application/rss+xml" href="/feed/"><link rel="alternate" type="application/rss+xml" href="https://zeilen.example/feed/">',
      ['https://zeilen.example/feed/'],
    ],
    [
      'no feed: stylesheets, the REST API, oEmbed, translations, a non-http href',
      '<link rel="stylesheet" type="text/css" href="/style.css">' +
        '<link rel="alternate" type="application/json" href="https://zeilen.example/wp-json/wp/v2/posts/12">' +
        '<link rel="alternate" type="application/json+oembed" href="/oembed?url=x">' +
        '<link rel="alternate" hreflang="en" href="/en/">' +
        '<link rel="alternate" type="application/rss+xml" href="javascript:void(0)">',
      [],
    ],
  ])('finds %s', (_name, head, expected) => {
    expect(advertisedFeeds(home(head), pageUrl)).toEqual(expected);
  });

  it.each<[string, string, string[]]>([
    [
      'WordPress (site-wide and per-post comment feeds)',
      '<link rel="alternate" type="application/rss+xml" title="Zeilenreich » Feed" href="/blog/feed/">' +
        '<link rel="alternate" type="application/rss+xml" title="Zeilenreich » Kommentar-Feed" href="/blog/comments/feed/">' +
        '<link rel="alternate" type="application/rss+xml" title="Zeilenreich » Lesen-Kommentar-Feed" href="/blog/lesen/feed/">',
      ['https://zeilen.example/blog/feed/'],
    ],
    [
      'English titles',
      '<link rel="alternate" type="application/rss+xml" title="Lines » Comments Feed" href="/c.xml">' +
        '<link rel="alternate" type="application/rss+xml" title="Lines" href="/p.xml">',
      ['https://zeilen.example/p.xml'],
    ],
    [
      'Blogger comment feeds by path',
      '<link rel="alternate" type="application/atom+xml" title="Z - Atom" href="https://z.blogspot.com/feeds/posts/default">' +
        '<link rel="alternate" type="application/atom+xml" title="Z - Atom" href="https://z.blogspot.com/feeds/123/comments/default">',
      ['https://z.blogspot.com/feeds/posts/default'],
    ],
  ])('leaves comment feeds out when asked: %s', (_name, head, expected) => {
    expect(advertisedFeeds(home(head), pageUrl, { excludeComments: true })).toEqual(expected);
  });
});

describe('usualFeedPaths', () => {
  it.each<[string, string]>([
    ['https://zeilen.example/', 'https://zeilen.example/'],
    ['https://zeilen.example', 'https://zeilen.example/'],
    ['https://host.example/zeilenreich/', 'https://host.example/zeilenreich/'],
    ['https://host.example/zeilenreich', 'https://host.example/zeilenreich/'],
    ['https://host.example/zeilenreich/index.html?x=1#top', 'https://host.example/zeilenreich/'],
  ])('tries the usual paths below %s', (homeUrl, base) => {
    expect(usualFeedPaths(homeUrl)).toEqual(
      [
        'feed/',
        'rss.xml',
        'feed.xml',
        'atom.xml',
        'index.xml',
        'rss/',
        'feeds/posts/default',
        'blog-feed.xml',
      ].map((p) => `${base}${p}`),
    );
  });

  it.each(['mailto:a@b.example', 'nicht eine URL', ''])('has nothing to try for %j', (homeUrl) => {
    expect(usualFeedPaths(homeUrl)).toEqual([]);
  });
});

describe('blogHomeFor', () => {
  it.each<[string, string | undefined, string]>([
    ['https://zeilen.example/2025/05/wunschkunde/', undefined, 'https://zeilen.example/'],
    ['https://host.example/zeilenreich/wunschkunde/', undefined, 'https://host.example/'],
    [
      'https://host.example/zeilenreich/wunschkunde/',
      'https://host.example/zeilenreich/feed/',
      'https://host.example/zeilenreich/',
    ],
    [
      'https://host.example/zeilenreich/wunschkunde/',
      '/zeilenreich/feed/atom/',
      'https://host.example/zeilenreich/',
    ],
    [
      'https://host.example/blog/posts/wunschkunde/',
      'https://host.example/blog/rss.xml',
      'https://host.example/blog/',
    ],
    [
      'https://z.blogspot.com/2025/05/wunsch.html',
      'https://z.blogspot.com/feeds/posts/default',
      'https://z.blogspot.com/',
    ],
    ['https://zeilen.example/wunsch/', 'https://zeilen.example/feed/', 'https://zeilen.example/'],
    ['https://zeilen.example/wunsch/', 'https://zeilen.example/?feed=rss2', 'https://zeilen.example/'],
    // A feed on another host (FeedBurner) or beside the entry says nothing about the entry's blog.
    [
      'https://zeilen.example/wunsch/',
      'https://feeds.feedburner.example/zeilen/feed/',
      'https://zeilen.example/',
    ],
    ['https://host.example/anna/wunsch/', 'https://host.example/lena/feed/', 'https://host.example/'],
  ])('%s with feed %s is on %s', (entryUrl, feedUrl, expected) => {
    expect(blogHomeFor(entryUrl, feedUrl)).toBe(expected);
  });

  it('returns an unparsable entry URL as given', () => {
    expect(blogHomeFor('kein-link')).toBe('kein-link');
  });
});
