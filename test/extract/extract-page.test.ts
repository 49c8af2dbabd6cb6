import { describe, expect, it } from 'vitest';
import { checkBacklink, extractPage } from '../../src/extract/index.js';
import { blogPage, paragraphs } from './page-builder.js';

const URL = 'https://texterei.example/2013/04/wunschkunde/';
const CALL = 'https://call.example/blogparade-wunschkunde/';

const wordpressPost = blogPage({
  content: `${paragraphs()}
<p>Den Aufruf zur Blogparade findet ihr <a href="${CALL}">bei Petra</a>.</p>
<figure><img src="/wp-content/uploads/kunde.jpg" alt="Eine Kundin"><figcaption>Eine Kundin, Foto: Pixabay</figcaption></figure>
<p>„Mein Wunschkunde ist jemand, mit dem wir …“</p>
<ul>
  <li>offen über Ziele und Budget <strong>reden</strong> können,</li>
  <li>Termine einhalten,</li>
  <li>pünktlich zahlen.</li>
</ul>
<p>Und wie sieht eure Wunschkundin aus? Schreibt es mir in die Kommentare!</p>`,
  sidebar: `<section class="widget widget_text"><p>Ich mache mit bei der <a href="https://call.example/sidebar-only/">Sidebar-Blogparade</a>.</p></section>`,
});

describe('extractPage on an ordinary WordPress post', () => {
  const page = extractPage({ html: wordpressPost, url: URL });

  it('reads title, author, date, language, canonical URL and feeds', () => {
    expect(page.title).toBe('Mein Wunschkunde ist …');
    expect(page.author).toBe('Anna Sonnenschein');
    expect(page.published).toBe('2013-04-22T09:15:00+02:00');
    expect(page.lang).toBe('de');
    expect(page.canonicalUrl).toBe(URL);
    expect(page.feeds).toEqual(['https://texterei.example/feed/', 'https://texterei.example/comments/feed/']);
  });

  it('returns only the post list with its lead-in, none of the chrome lists', () => {
    expect(page.lists).toEqual([
      {
        ordered: false,
        intro: '„Mein Wunschkunde ist jemand, mit dem wir …“',
        items: ['offen über Ziele und Budget reden können,', 'Termine einhalten,', 'pünktlich zahlen.'],
        itemsHtml: [
          'offen über Ziele und Budget <strong>reden</strong> können,',
          'Termine einhalten,',
          'pünktlich zahlen.',
        ],
      },
    ]);
  });

  it('keeps the post text in blocks and leaves menu, sidebar, related posts and comments out', () => {
    expect(page.text).toContain('Als ich den Aufruf zur Blogparade gelesen habe');
    expect(page.text).toContain('\n\noffen über Ziele und Budget reden können,\n\n');
    for (const chrome of [
      'Über mich',
      'Neueste Beiträge',
      'könnten Sie außerdem',
      'Toller Beitrag',
      'Impressum',
      'Cookies',
    ]) {
      expect(page.text).not.toContain(chrome);
    }
  });

  it('splits links into post links and the rest, all absolute', () => {
    expect(page.links).toEqual([CALL]);
    expect(page.otherLinks).toContain('https://texterei.example/ueber-mich/');
    expect(page.otherLinks).toContain('https://call.example/sidebar-only/');
    expect(page.otherLinks).toContain('https://texterei.example/2013/03/texten-lernen/');
  });

  it('sanitizes the content HTML', () => {
    expect(page.html).toContain(`<a href="${CALL}" rel="nofollow noopener ugc">bei Petra</a>`);
    expect(page.html).toContain(
      '<img src="https://texterei.example/wp-content/uploads/kunde.jpg" alt="Eine Kundin" />',
    );
    expect(page.html).not.toMatch(/class=|<div|<script/);
  });

  it.each([
    ['the call linked in the post', [CALL], 'content'],
    ['the call linked only in the sidebar', ['https://call.example/sidebar-only/'], 'elsewhere'],
    ['a call the page never links', ['https://other.example/aufruf/'], 'none'],
  ] as const)('finds %s', (_label, callUrls, place) => {
    expect(checkBacklink(page, [...callUrls]).place).toBe(place);
  });
});

describe('extractPage input handling', () => {
  it('decodes bytes with the charset of the Content-Type header', () => {
    const html = blogPage({ content: `${paragraphs()}<p>Grüße aus Köln</p>` });
    const bytes = Buffer.from(html.replace('<meta charset="utf-8">', ''), 'latin1');
    const page = extractPage({ bytes, url: URL, contentType: 'text/html; charset=ISO-8859-1' });
    expect(page.text).toContain('Grüße aus Köln');
  });

  it.each([
    [
      'a fragment without <html> and <body>',
      `<h1>Titel</h1>${paragraphs()}<ul><li>eins</li><li>zwei</li></ul>`,
    ],
    [
      'a document without <body>',
      `<html><head><title>Titel</title></head>${paragraphs()}<ul><li>eins</li><li>zwei</li></ul></html>`,
    ],
  ])('reads %s', (_case, html) => {
    const page = extractPage({ html, url: URL });
    expect(page.lists.map((list) => list.items)).toEqual([['eins', 'zwei']]);
    expect(page.text).toContain('Als ich den Aufruf');
  });

  it('survives markup nested 20 000 levels deep', () => {
    const html = `<body>${'<div>'.repeat(20_000)}<p>${'Tief verschachtelter Text, '.repeat(30)}</p>${'</div>'.repeat(20_000)}</body>`;
    expect(extractPage({ html, url: URL }).text).toContain('Tief verschachtelter Text');
  });

  it('copes with an empty document', () => {
    const page = extractPage({ html: '', url: URL });
    expect(page.lists).toEqual([]);
    expect(page.title).toBeNull();
    expect(page.text).toBe('');
  });

  it('resolves links against <base href>', () => {
    const html = blogPage({
      head: '<base href="https://cdn.example/base/">',
      content: `${paragraphs()}<p>Mehr dazu <a href="artikel.html">im Artikel</a>, den ich sehr mag.</p>`,
    });
    expect(extractPage({ html, url: URL }).links).toContain('https://cdn.example/base/artikel.html');
  });
});
