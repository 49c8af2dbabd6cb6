import { describe, expect, it } from 'vitest';
import {
  type CommentPageLink,
  feedPagingOf,
  readCommentPager,
  wordpressFeedPage,
} from '../../src/discover/comment-pages.js';
import { commentPageNumber, commentPostKey } from '../../src/discover/comment-urls.js';

const post = 'https://gruenzeug.example/blogparade-garten-glueck/';
const page = (head: string, body: string) =>
  `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Aufruf</title>${head}</head><body><article><p>Der Aufruf.</p></article>${body}</body></html>`;
// A comment's permalink names the page it is on, as WordPress writes it.
const comment = (id: number, at = post) =>
  `<li id="comment-${id}" class="comment even depth-1"><article class="comment-body"><footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Leserin ${id}</b></div><div class="comment-metadata"><a href="${at}#comment-${id}">1. Mai</a></div></footer><div class="comment-content"><p>Schön!</p></div></article></li>`;
const list = (...ids: number[]) => `<ol class="comment-list">${ids.map((id) => comment(id)).join('')}</ol>`;

describe('commentPageNumber and commentPostKey', () => {
  it.each([
    [`${post}comment-page-3/`, 3],
    [`${post}comment-page-3/#comments`, 3],
    [`${post}comment-page-12`, 12],
    ['https://gruenzeug.example/?p=412&cpage=2#comments', 2],
    ['https://lena.blogspot.com/2025/05/wunschkunde.html?commentPage=2', 2],
    [post, null],
    [`${post}comment-page-0/`, null],
    ['https://gruenzeug.example/comment-page-ideen/', null],
  ])('%s is comment page %s', (url, n) => {
    expect(commentPageNumber(url)).toBe(n);
  });

  it.each([
    [`${post}comment-page-3/#comments`, post],
    [`${post}?replytocom=17#respond`, post],
    ['http://www.gruenzeug.example/blogparade-garten-glueck', post],
    ['https://gruenzeug.example/?p=412&cpage=2', 'https://gruenzeug.example/?p=412'],
  ])('%s belongs to the post %s', (url, owner) => {
    expect(commentPostKey(url)).toBe(commentPostKey(owner));
  });

  it('keeps posts apart', () => {
    expect(commentPostKey('https://gruenzeug.example/?p=413&cpage=2')).not.toBe(
      commentPostKey('https://gruenzeug.example/?p=412'),
    );
    expect(commentPostKey('https://gruenzeug.example/anderer-beitrag/comment-page-2/')).not.toBe(
      commentPostKey(post),
    );
  });
});

describe('readCommentPager', () => {
  it.each<[string, string, string, { current: number | null; links: CommentPageLink[]; hasNewer: boolean }]>([
    [
      "a classic theme's the_comments_navigation() on the middle page",
      `${post}comment-page-2/`,
      page(
        '',
        `<div id="comments" class="comments-area"><h2 class="comments-title">14 Gedanken zu „Gartenglück“</h2>
<nav class="navigation comment-navigation" aria-label="Kommentare"><h2 class="screen-reader-text">Kommentar-Navigation</h2><div class="nav-links"><div class="nav-previous"><a href="${post}comment-page-1/#comments">Ältere Kommentare</a></div><div class="nav-next"><a href="${post}comment-page-3/#comments">Neuere Kommentare</a></div></div></nav>
<ol class="comment-list">${comment(21, `${post}comment-page-2/`)}${comment(22, `${post}comment-page-2/`)}</ol></div>`,
      ),
      {
        current: 2,
        links: [
          { url: `${post}comment-page-1/`, number: 1, direction: 'older' },
          { url: `${post}comment-page-3/`, number: 3, direction: 'newer' },
        ],
        hasNewer: true,
      },
    ],
    [
      'the post itself showing the newest page (WordPress default), linking only older comments',
      post,
      page(
        '',
        `<div id="comments" class="comments-area">${list(31)}
<nav class="navigation comment-navigation" aria-label="Kommentare"><div class="nav-links"><div class="nav-previous"><a href="${post}comment-page-2/#comments">Ältere Kommentare</a></div></div></nav></div>`,
      ),
      {
        current: 3,
        links: [{ url: `${post}comment-page-2/`, number: 2, direction: 'older' }],
        hasNewer: false,
      },
    ],
    [
      "the middle page whose newer link is the post's own address",
      `${post}comment-page-2/`,
      page(
        '',
        `<div id="comments">${list(21)}<nav class="navigation comment-navigation"><div class="nav-links"><div class="nav-previous"><a href="${post}comment-page-1/#comments">Ältere Kommentare</a></div><div class="nav-next"><a href="${post}#comments">Neuere Kommentare</a></div></div></nav></div>`,
      ),
      {
        current: 2,
        links: [
          { url: `${post}comment-page-1/`, number: 1, direction: 'older' },
          { url: post, number: null, direction: 'newer' },
        ],
        hasNewer: true,
      },
    ],
    [
      "Twenty Twelve's comment-nav-below with arrows in the text",
      `${post}comment-page-1/`,
      page(
        '',
        `<div id="comments">${list(3)}<nav id="comment-nav-below" class="navigation" role="navigation"><h1 class="assistive-text">Kommentar-Navigation</h1><div class="nav-previous"></div><div class="nav-next"><a href="${post}comment-page-2/#comments">Neuere Kommentare &rarr;</a></div></nav></div>`,
      ),
      {
        current: 1,
        links: [{ url: `${post}comment-page-2/`, number: 2, direction: 'newer' }],
        hasNewer: true,
      },
    ],
    [
      'the_comments_pagination() with page numbers (Twenty Twenty)',
      `${post}comment-page-2/`,
      page(
        '',
        `<div class="comments">${list(40)}</div><nav class="comments-pagination pagination" aria-label="Kommentare"><a class="prev page-numbers" href="${post}comment-page-1/#comments">Ältere Kommentare</a>
<a class="page-numbers" href="${post}comment-page-1/#comments">1</a>
<span aria-current="page" class="page-numbers current">2</span>
<a class="page-numbers" href="${post}comment-page-3/#comments">3</a>
<a class="page-numbers" href="${post}comment-page-4/#comments">4</a>
<a class="next page-numbers" href="${post}comment-page-3/#comments">Neuere Kommentare</a></nav>`,
      ),
      {
        current: 2,
        links: [
          { url: `${post}comment-page-1/`, number: 1, direction: 'older' },
          { url: `${post}comment-page-3/`, number: 3, direction: 'newer' },
          { url: `${post}comment-page-4/`, number: 4, direction: null },
        ],
        hasNewer: true,
      },
    ],
    [
      "a block theme's Comments Pagination block on the last page, shown at the post's address",
      post,
      page(
        '',
        `<div class="wp-block-comments"><ol class="wp-block-comment-template"><li id="comment-90" class="comment"><div class="wp-block-comment-content"><p>Toll</p></div></li></ol>
<div class="wp-block-comments-pagination is-layout-flex wp-block-comments-pagination-is-layout-flex" aria-label="Kommentar-Seitennummerierung"><a href="${post}comment-page-2/#comments" class="wp-block-comments-pagination-previous"><span class="wp-block-comments-pagination-previous-arrow is-arrow-arrow" aria-hidden="true">←</span>Ältere Kommentare</a><div class="wp-block-comments-pagination-numbers"><a class="page-numbers" href="${post}comment-page-1/#comments">1</a>
<a class="page-numbers" href="${post}comment-page-2/#comments">2</a>
<span aria-current="page" class="page-numbers current">3</span></div></div></div>`,
      ),
      {
        current: 3,
        links: [
          { url: `${post}comment-page-2/`, number: 2, direction: 'older' },
          { url: `${post}comment-page-1/`, number: 1, direction: null },
        ],
        hasNewer: false,
      },
    ],
    [
      "a block theme's first page, whose numbered link to the last page is the post's address",
      `${post}comment-page-1/`,
      page(
        '',
        `<div class="wp-block-comments"><ol class="wp-block-comment-template"><li id="comment-5" class="comment"></li></ol>
<div class="wp-block-comments-pagination"><div class="wp-block-comments-pagination-numbers"><span aria-current="page" class="page-numbers current">1</span>
<a class="page-numbers" href="${post}comment-page-2/#comments">2</a>
<a class="page-numbers" href="${post}#comments">3</a></div><a href="${post}comment-page-2/#comments" class="wp-block-comments-pagination-next">Neuere Kommentare<span class="wp-block-comments-pagination-next-arrow is-arrow-arrow" aria-hidden="true">→</span></a></div></div>`,
      ),
      {
        current: 1,
        links: [
          { url: `${post}comment-page-2/`, number: 2, direction: 'newer' },
          { url: post, number: 3, direction: null },
        ],
        hasNewer: true,
      },
    ],
    [
      'plain permalinks with ?cpage=N',
      'https://gruenzeug.example/?p=412&cpage=2',
      page(
        '',
        `<div id="comments">${list(8)}<div class="navigation"><div class="alignleft"><a href="https://gruenzeug.example/?p=412&#038;cpage=1#comments">&laquo; Ältere Kommentare</a></div><div class="alignright"></div></div></div>`,
      ),
      {
        current: 2,
        links: [{ url: 'https://gruenzeug.example/?p=412&cpage=1', number: 1, direction: null }],
        hasNewer: false,
      },
    ],
    [
      "Blogger's classic paging control past 200 comments",
      'https://lena.blogspot.com/2025/05/wunschkunde.html',
      page(
        '',
        `<div class="comments" id="comments"><div id="comment-holder"><div class="comment-thread"><ol><li class="comment" id="c1"><p class="comment-content">Hallo</p></li></ol></div></div>
<div class="paging-control-container"><a class="paging-control" href="https://lena.blogspot.com/2025/05/wunschkunde.html?commentPage=2">Neuere Kommentare</a></div></div>`,
      ),
      {
        current: 1,
        links: [
          {
            url: 'https://lena.blogspot.com/2025/05/wunschkunde.html?commentPage=2',
            number: 2,
            direction: 'newer',
          },
        ],
        hasNewer: true,
      },
    ],
    [
      '<link rel="next"> in the head: the next comment page counts, WordPress\' next post does not',
      `${post}comment-page-2/`,
      page(
        `<link rel="prev" title="Mein Gartenjahr" href="https://gruenzeug.example/mein-gartenjahr/"><link rel="next" title="Tomaten" href="https://gruenzeug.example/tomaten/"><link rel="next" href="${post}comment-page-3/">`,
        `<div id="comments">${list(12)}</div>`,
      ),
      {
        current: 2,
        links: [{ url: `${post}comment-page-3/`, number: 3, direction: 'newer' }],
        hasNewer: true,
      },
    ],
    [
      'a pager whose "newer" link points back to the first page settles nothing',
      `${post}comment-page-3/`,
      page(
        '',
        `<div id="comments">${list(50)}<nav class="comment-navigation"><div class="nav-next"><a href="${post}comment-page-1/#comments">Neuere Kommentare</a></div></nav></div>`,
      ),
      {
        current: 3,
        links: [{ url: `${post}comment-page-1/`, number: 1, direction: 'newer' }],
        hasNewer: false,
      },
    ],
    [
      'a post without comment pages, linking other posts and their comment pages',
      post,
      page(
        '',
        `<nav class="navigation post-navigation"><div class="nav-links"><div class="nav-next"><a href="https://gruenzeug.example/tomaten/" rel="next">Tomaten</a></div></div></nav><div id="comments">${list(1, 2)}<p>Siehe auch <a href="https://gruenzeug.example/tomaten/comment-page-2/#comment-4">die Diskussion dort</a>.</p></div>`,
      ),
      { current: null, links: [], hasNewer: false },
    ],
  ])('reads %s', (_what, url, html, expected) => {
    expect(readCommentPager(html, url)).toMatchObject(expected);
  });

  it('counts the comments and pingbacks shown, not their inner parts', () => {
    const html = page(
      '',
      `<ol class="comment-list">${comment(1)}${comment(2)}<li id="comment-3" class="pingback"><div class="comment-body">Pingback: <a href="https://x.example/">X</a></div></li></ol>`,
    );
    expect(readCommentPager(html, post).comments).toBe(3);
  });
});

const bloggerHead = (
  startIndex: number,
  next: string | null,
) => `<?xml version='1.0' encoding='UTF-8'?><feed xmlns='http://www.w3.org/2005/Atom' xmlns:openSearch='http://a9.com/-/spec/opensearchrss/1.0/' xmlns:gd="http://schemas.google.com/g/2005"><id>tag:blogger.com,1999:blog-8935.post3861..comments</id><updated>2025-05-08T16:59:02.563-07:00</updated><title type='text'>Kommentare zu Lena schreibt: Mein Wunschkunde</title><link rel='http://schemas.google.com/g/2005#feed' type='application/atom+xml' href='https://lena.blogspot.com/feeds/3861/comments/default'/><link rel='self' type='application/atom+xml' href='https://www.blogger.com/feeds/8935/3861/comments/default?start-index=${startIndex}&amp;max-results=25'/><link rel='alternate' type='text/html' href='https://lena.blogspot.com/2025/05/wunschkunde.html'/>${
  next ? `<link rel='next' type='application/atom+xml' href='${next}'/>` : ''
}<author><name>Lena</name><email>noreply@blogger.com</email></author><generator version='7.00' uri='http://www.blogger.com'>Blogger</generator><openSearch:totalResults>30</openSearch:totalResults><openSearch:startIndex>${startIndex}</openSearch:startIndex><openSearch:itemsPerPage>25</openSearch:itemsPerPage>
<entry><id>tag:blogger.com,1999:blog-8935.post-4788</id><published>2025-05-08T16:59:02.544-07:00</published><title type='text'>Schön</title><content type='html'>Schön</content><link rel='next' href='https://lena.blogspot.com/falsch'/></entry></feed>`;

describe('feedPagingOf', () => {
  const bloggerFeed = 'https://lena.blogspot.com/feeds/3861/comments/default';
  it.each<[string, string, string, { next: string | null; total: number | null; wordpress: boolean }]>([
    [
      "Blogger's first comment page, which names the next",
      bloggerHead(
        1,
        'https://www.blogger.com/feeds/8935/3861/comments/default?start-index=26&amp;max-results=25',
      ),
      bloggerFeed,
      {
        next: 'https://www.blogger.com/feeds/8935/3861/comments/default?start-index=26&max-results=25',
        total: 30,
        wordpress: false,
      },
    ],
    [
      "Blogger's last comment page",
      bloggerHead(26, null),
      bloggerFeed,
      { next: null, total: 30, wordpress: false },
    ],
    [
      'OpenSearch counts without a next link',
      bloggerHead(1, null).replace('<openSearch:totalResults>30', '<openSearch:totalResults>60'),
      bloggerFeed,
      { next: `${bloggerFeed}?start-index=26&max-results=25`, total: 60, wordpress: false },
    ],
    [
      'a WordPress comment feed, which pages without saying so',
      `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Kommentare zu: Gartenglück</title><atom:link href="${post}feed/" rel="self" type="application/rss+xml" /><link>${post}</link><generator>https://wordpress.org/?v=6.5.3</generator><item><title>Von: Holger</title><link>${post}#comment-3</link></item></channel></rss>`,
      `${post}feed/`,
      { next: null, total: null, wordpress: true },
    ],
    [
      'an RSS feed with an RFC 5005 atom:link rel="next"',
      `<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Kommentare</title><atom:link rel="next" href="/kommentare.xml?seite=2"/><item><title>Eins</title></item></channel></rss>`,
      'https://gruenzeug.example/kommentare.xml',
      { next: 'https://gruenzeug.example/kommentare.xml?seite=2', total: null, wordpress: false },
    ],
  ])('reads %s', (_what, xml, url, expected) => {
    expect(feedPagingOf(xml, url)).toEqual(expected);
  });

  it("addresses WordPress' older comment-feed pages by ?paged=N", () => {
    expect(wordpressFeedPage(`${post}feed/`, 3)).toBe(`${post}feed/?paged=3`);
  });
});
