import { describe, expect, it } from 'vitest';
import { callNamesParade, callShowsCode } from '../../src/parades/call-ownership.js';

const CALL = 'https://sabine.example/blogparade-wunschkunde/';
const PARADE = 'https://korso.example/p/wunsch';
const CODE = 'korso-claim-AbCdEfGhIjKlMnOpQrStUv';

/** A WordPress call post: the post, a sidebar, and a comment area with a comment and a pingback. */
function page(parts: {
  post?: string;
  sidebar?: string;
  comment?: string;
  pingback?: string;
  webmention?: string;
}) {
  return `<!doctype html><html><head><title>Blogparade</title></head><body>
<main><article class="post-7 post type-post"><h1>Mein Wunschkunde ist …</h1>
<div class="entry-content"><p>Macht mit!</p>${parts.post ?? ''}</div></article>
<div id="comments" class="comments-area"><ol class="comment-list">
<li id="comment-3" class="comment even depth-1"><article id="div-comment-3" class="comment-body">
<footer class="comment-meta"><b class="fn"><a href="https://anna.example/" class="url">Anna</a></b></footer>
<div class="comment-content"><p>Bin dabei!</p>${parts.comment ?? ''}</div></article></li>
<li id="comment-4" class="pingback even"><div class="comment-body">Pingback: <a href="https://squat.example/post/" class="url">Mein Beitrag</a> ${parts.pingback ?? ''}</div></li>
</ol></div>
<div class="webmentions">${parts.webmention ?? ''}</div>
</main>
<aside id="secondary" class="widget-area">${parts.sidebar ?? ''}</aside>
</body></html>`;
}

describe('the call page names the parade only where its author wrote', () => {
  it.each([
    ['a link in the post', { post: `<p><a href="${PARADE}">korso</a></p>` }, true],
    [
      'a link to a page below the parade in the post',
      { post: `<p><a href="${PARADE}/submit">mitmachen</a></p>` },
      true,
    ],
    ['a link in the sidebar', { sidebar: `<a href="${PARADE}">Meine Blogparade</a>` }, true],
    ['the code in the post', { post: '<p>korso-abc123</p>' }, true],
    ['nothing', {}, false],
    ['a link in a comment', { comment: `<p><a href="${PARADE}">hier</a></p>` }, false],
    ['the code in a comment', { comment: '<p>korso-abc123</p>' }, false],
    ['the code in a pingback excerpt', { pingback: '[…] korso-abc123 […]' }, false],
    ['a link in a received Webmention', { webmention: `<a href="${PARADE}">erwähnt</a>` }, false],
  ])('%s → %s', (_case, parts, named) => {
    expect(callNamesParade(page(parts), CALL, PARADE, 'korso-abc123')).toBe(named);
  });
});

describe('a claim code counts in the post, never in the comment area', () => {
  it.each([
    ['in the post', { post: `<p>${CODE}</p>` }, true],
    ['in the sidebar', { sidebar: `<p>${CODE}</p>` }, true],
    ['in a comment', { comment: `<p>${CODE}</p>` }, false],
    ['in a pingback excerpt', { pingback: `[…] ${CODE} […]` }, false],
    ['in a received Webmention', { webmention: `<p>${CODE}</p>` }, false],
    ['a different code in the post', { post: '<p>korso-claim-0000000000000000000000</p>' }, false],
  ])('%s → %s', (_case, parts, shown) => {
    expect(callShowsCode(page(parts), CODE)).toBe(shown);
  });

  it('an empty code is never shown', () => {
    expect(callShowsCode(page({ post: '<p>x</p>' }), '')).toBe(false);
  });
});
