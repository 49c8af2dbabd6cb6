import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CallPageFindings, readCallPage } from '../../src/discover/call-page.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

const page = (head: string, body: string) =>
  `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Aufruf</title>${head}</head><body>${body}</body></html>`;

describe('readCallPage', () => {
  it('reads a classic WordPress comment list: pingbacks, trackbacks, commenter sites, comment links, comment feed', () => {
    const findings = readCallPage(
      fixture('wordpress-call.html'),
      'https://gruenzeug.example/blogparade-garten-glueck/',
    );
    expect(findings).toEqual<CallPageFindings>({
      pingbacks: [
        'https://beetfreundin.example/2025/04/gartenglueck/',
        'http://alte-laube.example/blog/index.php?id=88',
      ],
      // Gravatar, the host's own reply (bypostauthor, rel=home) and the http twin of Holger's site are left out.
      commenterSites: ['https://hochbeet-holger.example/'],
      // The call itself, #comment anchors, reply and edit links, mailto and the form's links are left out.
      commentLinks: [
        'https://hochbeet-holger.example/blog/gartenglueck-blogparade/?utm_source=kommentar',
        'https://blumenwiese.example/gartenglueck/',
        'https://gruenzeug.example/gartenkalender/',
      ],
      commentFeedUrl: 'https://gruenzeug.example/blogparade-garten-glueck/feed/',
    });
  });

  it('finds nothing in the post body, the sidebar or the footer', () => {
    const findings = readCallPage(
      fixture('wordpress-call.html'),
      'https://gruenzeug.example/blogparade-garten-glueck/',
    );
    const all = [...findings.pingbacks, ...findings.commenterSites, ...findings.commentLinks];
    expect(all).not.toContain('https://gruenzeug.example/mein-gartenglueck/');
    expect(all).not.toContain('https://gruenzeug.example/impressum/');
    expect(all).not.toContain('https://gruenzeug.example/datenschutz/');
  });

  const callUrl = 'https://lena.example/blogparade-wunschkunde/';

  it.each<[string, string, Omit<CallPageFindings, 'commentFeedUrl'>]>([
    [
      'a WordPress block theme',
      `<div class="wp-block-comments"><ol class="wp-block-comment-template">
<li id="comment-7" class="comment even thread-even depth-1"><div class="wp-block-columns">
<div class="wp-block-column"><div class="wp-block-avatar"><img class="avatar avatar-40 photo wp-block-avatar__image" src="https://secure.gravatar.com/avatar/1"></div></div>
<div class="wp-block-column"><div class="wp-block-comment-author-name"><a rel="external nofollow ugc" href="https://naehkaestchen.example/" target="_self">Paula</a></div>
<div class="wp-block-comment-date"><time datetime="2025-05-03T10:00:00+00:00"><a href="${callUrl}#comment-7">3. Mai 2025</a></time></div>
<div class="wp-block-comment-content"><p>Hier ist meiner: <a href="https://naehkaestchen.example/wunschkundin/" rel="nofollow ugc">Meine Wunschkundin</a></p></div>
<div class="wp-block-comment-reply-link"><a class="comment-reply-link" href="${callUrl}?replytocom=7#respond">Antworten</a></div></div></div></li>
<li id="comment-9" class="pingback odd alt thread-odd depth-1"><div class="wp-block-comment-author-name"><a rel="external nofollow ugc" href="https://kaffeesatz.example/wunschkunde/">Wunschkunde – Kaffeesatz</a></div>
<div class="wp-block-comment-content"><p>[…] bei <a href="${callUrl}">Lena</a> […]</p></div></li>
</ol></div>`,
      {
        pingbacks: ['https://kaffeesatz.example/wunschkunde/'],
        commenterSites: ['https://naehkaestchen.example/'],
        commentLinks: ['https://naehkaestchen.example/wunschkundin/'],
      },
    ],
    [
      'Blogger threaded comments',
      `<div class="comments" id="comments"><div class="comments-content"><div class="comment-thread toplevel-thread"><ol id="top-ra">
<li class="comment" id="c101"><div class="avatar-image-container"><img src="//blogger.googleusercontent.com/img/avatar.png" alt=""></div>
<div class="comment-block"><div class="comment-header"><cite class="user"><a href="https://strickliesel.blogspot.com/" rel="nofollow">Liesel</a></cite>
<span class="datetime secondary-text"><a rel="nofollow" href="${callUrl}?showComment=1715000000000#c101">6. Mai 2025 um 10:13</a></span></div>
<p class="comment-content">Meiner: <a href="https://strickliesel.blogspot.com/2025/05/wunschkunde.html">Wunschkunde</a></p>
<span class="comment-actions secondary-text"><a class="comment-reply" target="_self" data-comment-id="101">Antworten</a><span class="item-control blog-admin"><a href="https://www.blogger.com/comment/delete/1/101">Löschen</a></span></span></div></li>
<li class="comment" id="c102"><div class="comment-block"><div class="comment-header"><cite class="user"><a href="https://www.blogger.com/profile/0815" rel="nofollow">Anonym</a></cite></div>
<p class="comment-content">Schöne Idee!</p></div></li>
</ol></div></div><p class="comment-footer"><a href="https://www.blogger.com/comment/fullpage/post/1/2">Kommentar veröffentlichen</a></p></div>`,
      {
        pingbacks: [],
        commenterSites: ['https://strickliesel.blogspot.com/'],
        commentLinks: ['https://strickliesel.blogspot.com/2025/05/wunschkunde.html'],
      },
    ],
    [
      'classic Blogger comments',
      `<div id="comments"><h4>1 Kommentar:</h4><dl id="comments-block">
<dt class="comment-author" id="c55"><a name="c55"></a><a href="https://haekelhexe.example/" rel="nofollow">Häkelhexe</a> hat gesagt…</dt>
<dd class="comment-body"><p>Mein Beitrag: <a href="https://haekelhexe.example/2025/05/wunsch.html">klick</a></p></dd>
<dd class="comment-footer"><span class="comment-timestamp"><a href="${callUrl}?showComment=1#c55" title="comment permalink">6. Mai</a></span></dd>
</dl></div>`,
      {
        pingbacks: [],
        commenterSites: ['https://haekelhexe.example/'],
        commentLinks: ['https://haekelhexe.example/2025/05/wunsch.html'],
      },
    ],
    [
      'microformats h-cite comments',
      `<article class="h-entry"><div class="e-content"><p>Mein Aufruf, mit <a href="https://anderswo.example/">einem Link</a>.</p></div>
<section class="comments"><article class="p-comment h-cite"><div class="p-author h-card"><a class="u-url p-name" href="https://mia.example/">Mia</a><img class="u-photo" src="https://mia.example/me.jpg" alt=""></div>
<div class="e-content">Meine Antwort steht <a href="https://mia.example/2025/wunschkunde">hier</a>.</div>
<a class="u-url" href="https://mia.example/2025/wunschkunde"><time class="dt-published">2025-05-04</time></a></article></section></article>`,
      {
        pingbacks: [],
        commenterSites: ['https://mia.example/'],
        commentLinks: ['https://mia.example/2025/wunschkunde'],
      },
    ],
    [
      'a Ghost page whose comments load by script',
      '<article class="gh-article"><section class="gh-content"><p>Macht mit!</p></section><div id="ghost-comments-root"></div></article>',
      { pingbacks: [], commenterSites: [], commentLinks: [] },
    ],
    [
      'relative links below a <base href>, and links that are not http(s)',
      `<base href="https://lena.example/"><ol class="comment-list"><li class="comment"><div class="comment-author"><a class="url" href="/gast/">Gast</a></div>
<div class="comment-content"><a href="beitraege/wunsch/">relativ</a> <a href="javascript:alert(1)">x</a> <a href="ftp://lena.example/a">ftp</a> <a href="blogparade-wunschkunde/#respond">hier antworten</a></div></li></ol>`,
      {
        pingbacks: [],
        commenterSites: ['https://lena.example/gast/'],
        commentLinks: ['https://lena.example/beitraege/wunsch/'],
      },
    ],
  ])('reads %s', (_name, body, expected) => {
    const { commentFeedUrl: _feed, ...findings } = readCallPage(page('', body), callUrl);
    expect(findings).toEqual(expected);
  });

  const alt = (type: string, title: string, href: string) =>
    `<link rel="alternate" type="${type}" title="${title}" href="${href}">`;
  const rss = 'application/rss+xml';

  it.each<[string, string, string | null]>([
    [
      'the post feed below the call',
      alt(rss, 'Lena » Feed', '/feed/') + alt(rss, 'x', `${callUrl}feed/`),
      `${callUrl}feed/`,
    ],
    [
      'an Atom comment feed below the call',
      alt('application/atom+xml', 'Atom', 'feed/atom/'),
      `${callUrl}feed/atom/`,
    ],
    [
      'a comment feed elsewhere, named by its title',
      alt(rss, 'Lena » Feed', '/feed/') +
        alt(rss, 'Comments on: Wunschkunde', 'https://feeds.example/lena-731'),
      'https://feeds.example/lena-731',
    ],
    [
      "a Blogger post's comment feed",
      alt('application/atom+xml', 'Lena - Atom', 'https://lena.example/feeds/4711/comments/default'),
      'https://lena.example/feeds/4711/comments/default',
    ],
    [
      'only the site-wide feeds',
      alt(rss, 'Lena » Feed', '/feed/') + alt(rss, 'Lena » Kommentar-Feed', '/comments/feed/'),
      null,
    ],
    ['no feed at all', '<link rel="stylesheet" href="/style.css">', null],
  ])("finds the call's comment feed: %s", (_name, head, expected) => {
    expect(readCallPage(page(head, '<p>Aufruf</p>'), callUrl).commentFeedUrl).toBe(expected);
  });
});
