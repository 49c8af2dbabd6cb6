import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeXml, type FeedItem, type ParsedFeed, parseFeed } from '../../src/discover/feed-parser.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

async function parsed(bytes: Buffer, contentType?: string | null, feedUrl?: string) {
  const feed = await parseFeed(bytes, contentType, feedUrl);
  if (!feed.ok) throw new Error(`expected a feed, got: ${feed.reason}`);
  return feed;
}

const rss = (channel: string, encoding = 'UTF-8') =>
  `<?xml version="1.0" encoding="${encoding}"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>${channel}</channel></rss>`;

describe('parseFeed', () => {
  it('reads a WordPress post feed: content:encoded, dc:creator, guids, relative links', async () => {
    const feed = await parsed(fixture('wordpress-feed.xml'), 'application/rss+xml; charset=UTF-8');
    expect(feed.title).toBe('Zeilenreich');
    expect(feed.link).toBe('https://zeilen.example/');
    expect(feed.items).toEqual<FeedItem[]>([
      {
        key: 'https://zeilen.example/?p=214',
        link: 'https://zeilen.example/wunschkundin-schreibt/',
        title: 'Meine Wunschkundin schreibt – und zweifelt',
        published: '2025-05-15T06:45:00.000Z',
        author: 'Clara Winter',
        contentHtml: expect.stringContaining(
          '<a href="https://sichtbar.example/blog/blogparade-mein-wunschkunde/">Blogparade</a>',
        ),
        contentText:
          'Sabine fragt in ihrer Blogparade nach unseren Wunschkunden. Sie schreibt jeden Tag. Sie zweifelt laut.',
      },
      {
        key: 'https://zeilen.example/kommas-retten-leben/',
        link: 'https://zeilen.example/kommas-retten-leben/',
        title: 'Kommas retten Leben',
        published: '2025-04-14T05:00:00.000Z',
        author: 'Clara Winter',
        contentHtml: 'Warum ich das Komma liebe.',
        contentText: 'Warum ich das Komma liebe.',
      },
    ]);
  });

  it("reads a WordPress comment feed: the items link the call's comment anchors", async () => {
    const feed = await parsed(fixture('wordpress-comment-feed.xml'));
    expect(feed.title).toBe('Kommentare zu: Blogparade: Mein Wunschkunde ist …');
    expect(feed.items.map((i) => [i.key, i.link, i.author])).toEqual([
      [
        'https://sichtbar.example/?p=412#comment-23',
        'https://sichtbar.example/blog/blogparade-mein-wunschkunde/#comment-23',
        'Jonas Ebert',
      ],
      [
        'https://sichtbar.example/?p=412#comment-17',
        'https://sichtbar.example/blog/blogparade-mein-wunschkunde/#comment-17',
        'Mein Wunschkunde ist … ehrlich – Texte mit Herz',
      ],
    ]);
    expect(feed.items[0]?.contentHtml).toContain('href="https://werkstatt.example/posts/mein-wunschkunde/"');
    expect(feed.items[1]?.contentText).toBe('[…] Sabine Albrecht hat zur Blogparade aufgerufen. […]');
  });

  it('reads Atom: html and xhtml content, summaries, relative links, updated as the date', async () => {
    const feed = await parsed(fixture('atom.xml'), 'application/atom+xml');
    expect(feed.title).toBe('Werkstattnotizen');
    expect(feed.link).toBe('https://werkstatt.example/posts/');
    const [entry, older, undated] = feed.items;
    expect(entry).toMatchObject({
      key: 'tag:werkstatt.example,2025-05-16:/posts/mein-wunschkunde/',
      link: 'https://werkstatt.example/posts/mein-wunschkunde/',
      title: 'Mein Wunschkunde ist … einer, der Holz noch riecht',
      published: '2025-05-16T17:00:00.000Z',
      author: 'Jonas Ebert',
      contentText: 'Als ich bei Sabine den Aufruf gelesen habe …',
    });
    expect(entry?.contentHtml).toContain('?ref=werkstatt');
    expect(older).toMatchObject({
      link: 'https://werkstatt.example/posts/eiche-oder-esche/',
      published: '2025-04-02T08:00:00.000Z',
      author: null,
      contentHtml: 'Welches Holz für den Esstisch?',
    });
    // An unreadable date costs the entry its date, not the feed its entries.
    expect(undated).toMatchObject({ link: null, published: null, contentText: 'Er kann jetzt hobeln.' });
  });

  it('reads RDF / RSS 1.0 with dc:date and dc:creator', async () => {
    const feed = await parsed(fixture('rdf.xml'));
    expect(feed).toMatchObject({ title: 'Praxis Sommer – Aktuelles', link: 'https://praxis.example/' });
    expect(feed.items).toEqual([
      {
        key: 'https://praxis.example/wunschkunde.htm',
        link: 'https://praxis.example/wunschkunde.htm',
        title: 'Mein Wunschpatient',
        published: '2025-05-17T09:30:00.000Z',
        author: 'Ulrike Sommer',
        contentHtml: 'Unser Beitrag zur Blogparade „Mein Wunschkunde ist …“.',
        contentText: 'Unser Beitrag zur Blogparade „Mein Wunschkunde ist …“.',
      },
    ]);
  });

  it.each<[string, string | null]>([
    ['application/feed+json', 'application/feed+json'],
    ['application/json', 'application/json; charset=utf-8'],
    ['no content type', null],
  ])('reads JSON Feed 1.1 (%s)', async (_name, type) => {
    const feed = await parsed(fixture('json-feed.json'), type);
    expect(feed).toMatchObject({ title: 'Kaffeesatz', link: 'https://kaffeesatz.example/' });
    expect(feed.items).toEqual<FeedItem[]>([
      {
        key: 'https://kaffeesatz.example/wunschkunde/',
        link: 'https://kaffeesatz.example/wunschkunde/',
        title: 'Mein Wunschkunde trinkt Filterkaffee',
        published: '2025-05-12T07:15:00.000Z',
        author: 'Mia Krüger',
        contentHtml:
          '<p>Zur <a href="http://www.sichtbar.example/blog/blogparade-mein-wunschkunde">Blogparade</a> von Sabine.</p>',
        contentText: 'Zur Blogparade von Sabine.',
      },
      {
        key: '42',
        link: 'https://kaffeesatz.example/bohnen/',
        title: null,
        published: '2025-05-01T08:00:00.000Z',
        author: 'Gast: Ole',
        contentHtml: '<p>Bohnen aus Äthiopien &amp; Kenia. #Kaffee</p>',
        contentText: 'Bohnen aus Äthiopien & Kenia. #Kaffee',
      },
    ]);
  });

  it('reads JSON Feed 1.0 with a single author', async () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1',
      title: 'Alt',
      author: { name: 'Bernd' },
      items: [
        { id: 'a', url: 'https://alt.example/a', summary: 'Kurz.', date_published: '2025-01-02T03:04:05Z' },
      ],
    });
    const feed = await parsed(Buffer.from(json), 'application/json');
    expect(feed.items[0]).toMatchObject({
      key: 'a',
      author: 'Bernd',
      contentHtml: 'Kurz.',
      published: '2025-01-02T03:04:05.000Z',
    });
  });

  it('resolves relative item links against the feed URL when the channel has no link', async () => {
    const xml = rss('<title>Ohne Link</title><item><title>Eins</title><link>eins/</link></item>');
    const feed = await parsed(Buffer.from(xml), null, 'https://ohne.example/blog/feed/');
    expect(feed.link).toBeNull();
    expect(feed.items[0]?.link).toBe('https://ohne.example/blog/feed/eins/');
  });

  it.each<[string, string, string | null]>([
    [
      'a permalink guid stands in for a missing link',
      '<guid>https://g.example/post/</guid>',
      'https://g.example/post/',
    ],
    ['a guid that is no permalink does not', '<guid isPermaLink="false">https://g.example/?p=3</guid>', null],
    ['rdf:about-less items without anything stay linkless', '<title>Nur Titel</title>', null],
  ])('%s', async (_name, itemXml, link) => {
    const feed = await parsed(Buffer.from(rss(`<title>G</title><item>${itemXml}</item>`)));
    expect(feed.items[0]?.link).toBe(link);
  });

  it('keys items without guid or link by a stable hash of title and date', async () => {
    const xml = (title: string) =>
      rss(
        `<title>H</title><item><title>${title}</title><pubDate>Mon, 12 May 2025 08:00:00 +0000</pubDate></item>`,
      );
    const [a1, a2, b] = await Promise.all([
      parsed(Buffer.from(xml('Eins'))),
      parsed(Buffer.from(xml('Eins'))),
      parsed(Buffer.from(xml('Zwei'))),
    ]);
    expect(a1.items[0]?.key).toMatch(/^sha1:[0-9a-f]{40}$/);
    expect(a1.items[0]?.key).toBe(a2.items[0]?.key);
    expect(b.items[0]?.key).not.toBe(a1.items[0]?.key);
  });

  const umlautItem =
    '<title>Praxis</title><item><title>Grüße aus der Praxis – „Wunschpatient“ für 5 €</title><link>https://praxis.example/</link></item>';
  const expectedTitle = 'Grüße aus der Praxis – „Wunschpatient“ für 5 €';

  it.each<[string, Buffer, string | null]>([
    ['windows-1252, declared in the XML', iconv.encode(rss(umlautItem, 'windows-1252'), 'win1252'), null],
    // Feeds labelled ISO-8859-1 carry „“ and € from windows-1252; WHATWG reads the label that way too.
    ['ISO-8859-1, declared in the XML', iconv.encode(rss(umlautItem, 'ISO-8859-1'), 'win1252'), null],
    [
      'ISO-8859-1 in the HTTP header, over a wrong UTF-8 declaration',
      iconv.encode(rss(umlautItem, 'UTF-8'), 'win1252'),
      'text/xml; charset=ISO-8859-1',
    ],
    [
      'windows-1252 with no declaration at all (not valid UTF-8)',
      iconv.encode(rss(umlautItem).replace(' encoding="UTF-8"', ''), 'win1252'),
      'application/rss+xml',
    ],
    ['UTF-8 without a declaration', Buffer.from(rss(umlautItem).replace(' encoding="UTF-8"', '')), null],
    [
      'a UTF-8 BOM over a wrong declaration',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rss(umlautItem, 'ISO-8859-1'))]),
      null,
    ],
    [
      'a UTF-16LE BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(rss(umlautItem, 'UTF-16'), 'utf16le')]),
      null,
    ],
  ])('decodes umlauts and typographic quotes: %s', async (_name, bytes, type) => {
    const feed = await parsed(bytes, type);
    expect(feed.items[0]?.title).toBe(expectedTitle);
  });

  it.each<[string, string | Buffer, string | null, string | RegExp]>([
    ['an empty body', '', null, 'the feed is empty'],
    ['whitespace only', '  \n\t', 'application/rss+xml', 'the feed is empty'],
    [
      'an HTML error page',
      '<!DOCTYPE html>\n<html lang="de"><head><title>Seite nicht gefunden</title></head><body><h1>404</h1></body></html>',
      'text/html; charset=UTF-8',
      'the address serves an HTML page, not a feed',
    ],
    [
      'an HTML fragment sent as text/html',
      '<p>Wartungsmodus</p>',
      'text/html',
      'the address serves an HTML page, not a feed',
    ],
    [
      'a feed cut off mid-item',
      rss('<title>Abgebrochen</title><item><title>Eins</title><link>https://a.example/1</li').replace(
        /<\/channel><\/rss>$/,
        '',
      ),
      'application/rss+xml',
      /^the feed is not valid XML \(.+\)$/,
    ],
    [
      'plain text',
      'Dieser Feed ist umgezogen.',
      'text/plain',
      'the feed is not valid XML (it does not start with a tag)',
    ],
    [
      'an image',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      'image/png',
      /^the feed is not valid XML/,
    ],
    [
      'an unescaped ampersand',
      rss('<title>Kaffee & Kuchen</title>'),
      null,
      /^the feed is not valid XML \(.+\)$/,
    ],
    [
      'XML that is no feed',
      '<?xml version="1.0"?><urlset><url><loc>https://a.example/</loc></url></urlset>',
      'application/xml',
      'the XML is not an RSS, Atom or RDF feed',
    ],
    [
      'broken JSON',
      '{"version": "https://jsonfeed.org/version/1.1", "items": [',
      'application/feed+json',
      /^the feed is not valid JSON \(.+\)$/,
    ],
    ['JSON that is no feed', '{"posts": []}', 'application/json', 'the JSON is not a JSON Feed'],
    ['a JSON array', '[1, 2, 3]', null, 'the JSON is not a JSON Feed'],
  ])('refuses %s with a readable reason, without throwing', async (_name, body, type, reason) => {
    const feed: ParsedFeed = await parseFeed(typeof body === 'string' ? Buffer.from(body) : body, type);
    expect(feed.ok).toBe(false);
    if (!feed.ok) expect(feed.reason).toMatch(reason);
  });

  it('accepts an empty but valid feed', async () => {
    const feed = await parsed(Buffer.from(rss('<title>Leer</title><link>https://leer.example/</link>')));
    expect(feed).toEqual({ ok: true, title: 'Leer', link: 'https://leer.example/', items: [] });
  });
});

describe('decodeXml', () => {
  it.each<[string, Buffer, string | null, string]>([
    ['the BOM', Buffer.from([0xef, 0xbb, 0xbf, 0x3c]), 'text/xml; charset=windows-1252', 'utf-8'],
    [
      'the header',
      Buffer.from('<?xml version="1.0" encoding="UTF-8"?><a/>'),
      'text/xml; charset="iso-8859-15"',
      'iso-8859-15',
    ],
    [
      'the declaration',
      Buffer.from("<?xml version='1.0' encoding='iso-8859-15'?><a/>"),
      'text/xml',
      'iso-8859-15',
    ],
    [
      'an unknown label, then valid UTF-8',
      Buffer.from('<?xml version="1.0" encoding="x-klingonisch"?><a>ä</a>'),
      null,
      'utf-8',
    ],
    [
      'windows-1252 as the last resort',
      Buffer.from([0x3c, 0x61, 0x3e, 0xe4, 0x3c, 0x2f, 0x61, 0x3e]),
      null,
      'windows-1252',
    ],
  ])('decides by %s', (_name, bytes, type, charset) => {
    expect(decodeXml(bytes, type).charset).toBe(charset);
  });
});
