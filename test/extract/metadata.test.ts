import { describe, expect, it } from 'vitest';
import { extractPage } from '../../src/extract/index.js';
import { FILLER } from './page-builder.js';

function page(head: string, body: string, lang = 'de'): string {
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8">${head}</head><body>
<nav><ul><li><a href="/">Start</a></li><li><a href="/blog/">Blog</a></li></ul></nav>
<article>${body}<div class="content">${FILLER.map((text) => `<p>${text}</p>`).join('')}</div></article></body></html>`;
}

const extract = (html: string) => extractPage({ html, url: 'https://blog.example/post/' });

describe('title', () => {
  it.each([
    [
      'og:title',
      page('<title>X – Blog</title><meta property="og:title" content="Mein Wunschkunde ist …">', ''),
      'Mein Wunschkunde ist …',
    ],
    [
      'JSON-LD headline',
      page(
        '<title>X</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting","headline":"Wunschkunden: eine Liste"}</script>',
        '',
      ),
      'Wunschkunden: eine Liste',
    ],
    [
      'JSON-LD @graph (Yoast)',
      page(
        '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Blog"},{"@type":"Article","headline":"Aus dem Graph"}]}</script>',
        '',
      ),
      'Aus dem Graph',
    ],
    [
      '<title> minus site name',
      page('<title>Meine liebsten Kunden und warum | Texterei Sonnenschein</title>', ''),
      'Meine liebsten Kunden und warum',
    ],
    [
      '<title> with en dash separator',
      page('<title>Meine liebsten Kunden und warum – Texterei</title>', ''),
      'Meine liebsten Kunden und warum',
    ],
    [
      'the heading settles which <title> part is the post',
      page(
        '<title>Hildes Küche » Blog Archive » Was nie fehlen darf</title>',
        '<h1><a href="/">Hildes Küche</a></h1><h2>Was nie fehlen darf</h2>',
      ),
      'Was nie fehlen darf',
    ],
    [
      'og:site_name cut off',
      page(
        '<meta property="og:title" content="Mein Fahrrad und ich | Pedalritter"><meta property="og:site_name" content="Pedalritter">',
        '',
      ),
      'Mein Fahrrad und ich',
    ],
    [
      'the main heading wins over a short page name',
      page(
        '<meta property="og:title" content="Morgenroutine">',
        '<h1>Meine Morgenroutine – so starte ich in den Tag</h1>',
      ),
      'Meine Morgenroutine – so starte ich in den Tag',
    ],
    [
      'Blogger: "Blog name: Post title" <title> and the post heading',
      page(
        '<title>Ankes Backstube: Apfelkuchen</title>',
        "<h1 class='title'><a href='https://blog.example/'>Ankes Backstube</a></h1><h3 class='post-title entry-title'>Apfelkuchen</h3>",
      ),
      'Apfelkuchen',
    ],
    [
      'Blogger: a post title with a colon of its own',
      page(
        '<title>Ankes Backstube: Backfehler: meine Liste</title>',
        "<h1 class='title'><a href='https://blog.example/'>Ankes Backstube</a></h1><h3 class='post-title entry-title'>Backfehler: meine Liste</h3>",
      ),
      'Backfehler: meine Liste',
    ],
    [
      'entities in meta decoded',
      page('<meta property="og:title" content="Tom &amp;amp; Jerry">', ''),
      'Tom & Jerry',
    ],
  ])('%s', (_case, html, title) => {
    expect(extract(html).title).toBe(title);
  });
});

describe('author', () => {
  it.each([
    [
      'JSON-LD author object',
      '<script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting","author":{"@type":"Person","name":"Anna Sonne"}}</script>',
      '',
      'Anna Sonne',
    ],
    [
      'JSON-LD author list',
      '<script type="application/ld+json">{"@context":"http://schema.org","@type":"NewsArticle","author":[{"name":"Anna"},{"name":"Bernd"}]}</script>',
      '',
      'Anna, Bernd',
    ],
    ['meta author', '<meta name="author" content="Anna Sonne">', '', 'Anna Sonne'],
    ['article:author name', '<meta property="article:author" content="Anna Sonne">', '', 'Anna Sonne'],
    [
      'h-entry p-author',
      '',
      '<div class="h-entry"><a class="p-author h-card" href="/anna">Anna Sonne</a></div>',
      'Anna Sonne',
    ],
    ['rel=author', '', '<p>Ein Beitrag von <a rel="author" href="/anna">Anna Sonne</a></p>', 'Anna Sonne'],
    [
      'WordPress .byline',
      '',
      '<span class="byline"> von <span class="author vcard"><a class="url fn n" href="/a">Anna Sonne</a></span></span>',
      'Anna Sonne',
    ],
    ['WordPress .entry-author', '', '<div class="entry-author">Anna Sonne</div>', 'Anna Sonne'],
    [
      'Blogger .post-author',
      '',
      '<span class="post-author vcard">Posted by <span class="fn">Anna Sonne</span></span>',
      'Anna Sonne',
    ],
    ['"von X" line', '', '<p>von Anna Sonne</p>', 'Anna Sonne'],
    ['"By X" byline', '', '<div class="byline">By Anna Sonne</div>', 'Anna Sonne'],
    [
      'date and "von" next to the title',
      '',
      '<h2>Beitrag</h2><small>22. April 2013 von Hildegard Sommer</small>',
      'Hildegard Sommer',
    ],
    [
      '"Geschrieben am … von …"',
      '',
      '<h2>Beitrag</h2><p class="info">Geschrieben am 05.08.2010 von Jens Pohl · Kategorie: Rad</p>',
      'Jens Pohl',
    ],
    [
      'name followed by "am"',
      '',
      '<span class="serendipity_byline">Geschrieben von <a href="/a">Klaus Demmer</a> am Mittwoch, 14. März 2012</span>',
      'Klaus Demmer',
    ],
    [
      'a Tumblr handle',
      '',
      '<p class="date">Gepostet am 28. November 2023 von <a href="/">merle-schreibt</a> · 12 Anmerkungen</p>',
      'merle-schreibt',
    ],
  ])('%s', (_case, head, body, author) => {
    expect(extract(page(head, body)).author).toBe(author);
  });

  it('does not take a commenter for the author', () => {
    const html = page(
      '',
      '<div id="comments"><div class="comment-author vcard"><b class="fn">Rosi</b></div></div>',
    );
    expect(extract(html).author).toBeNull();
  });

  it('does not read "by" in prose as a byline', () => {
    expect(
      extract(page('', '<h2>Beitrag</h2><p>Getestet habe ich das mit Mocha, geschrieben by Hand.</p>'))
        .author,
    ).toBeNull();
  });

  it('ignores an article:author that is a profile URL', () => {
    expect(
      extract(page('<meta property="article:author" content="https://facebook.com/anna">', '')).author,
    ).toBeNull();
  });
});

describe('published', () => {
  it.each([
    [
      'JSON-LD datePublished',
      '<script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting","datePublished":"2013-04-22T09:15:00+02:00"}</script>',
      '',
      '2013-04-22T09:15:00+02:00',
    ],
    [
      'article:published_time',
      '<meta property="article:published_time" content="2013-04-22T07:15:00Z">',
      '',
      '2013-04-22T07:15:00Z',
    ],
    [
      '<time datetime>',
      '',
      '<time class="entry-date published" datetime="2013-04-22T09:15:00+02:00">22. April 2013</time>',
      '2013-04-22T09:15:00+02:00',
    ],
    ['h-entry dt-published', '', '<span class="dt-published">2013-04-22</span>', '2013-04-22'],
    [
      'German written date in a date element',
      '',
      '<span class="post-date">22. April 2013</span>',
      '2013-04-22',
    ],
    ['German numeric date', '', '<div class="entry-date">22.04.2013</div>', '2013-04-22'],
    ['English written date', '', '<span class="date">April 22, 2013</span>', '2013-04-22'],
    [
      'Blogger abbr title',
      '',
      '<abbr class="published" itemprop="datePublished" title="2019-09-09T19:30:00+02:00">19:30</abbr>',
      '2019-09-09T19:30:00+02:00',
    ],
    ['visible date under the title', '', '<h2>Beitrag</h2><p>22.04.2011 · von Ute Kranich</p>', '2011-04-22'],
  ])('%s', (_case, head, body, published) => {
    expect(extract(page(head, body)).published).toBe(published);
  });
});

describe('lang', () => {
  it.each([
    ['html lang, primary subtag', page('', '', 'de-DE'), 'de'],
    ['og:locale', page('<meta property="og:locale" content="de_DE">', '', '').replace(' lang=""', ''), 'de'],
    ['upper case', page('', '', 'DE'), 'de'],
    [
      'content-language',
      page('<meta http-equiv="Content-Language" content="de">', '', '').replace(' lang=""', ''),
      'de',
    ],
  ])('%s', (_case, html, lang) => {
    expect(extract(html).lang).toBe(lang);
  });
});
