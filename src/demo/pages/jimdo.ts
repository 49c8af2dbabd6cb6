import type { ListContent } from '../content.js';
import {
  esc,
  germanDate,
  germanTime,
  head,
  htmlList,
  isoSeconds,
  type PageModel,
  renderBlocks,
  shareLinks,
} from './markup.js';

const berlin = 'Europe/Berlin';

/** Jimdo Creator: every block is a `j-module`; a text module holds its intro paragraph and list together. */
export function renderContent(m: PageModel): string {
  let n = 0;
  const module = (cls: string, inner: string) => {
    n += 1;
    return `<div id="cc-m-${m.post.id * 100 + n}" class="j-module n ${cls}">${inner}</div>`;
  };
  return renderBlocks(m, {
    list: (list: ListContent) =>
      module('j-text', `${list.intro ? `<p>${m.md(list.intro)}</p>\n` : ''}${htmlList(list, m)}`),
    p: (html) => module('j-text', `<p>${html}</p>`),
    h2: (html) => module('j-header', `<h2 class="">${html}</h2>`),
    figure: (b) =>
      module(
        'j-imageSubtitle',
        `<figure class="cc-imagewrapper cc-m-image-align-1"><img srcset="${esc(m.href(b.src))} 640w" src="${esc(m.href(b.src))}" alt="${esc(b.alt)}"></figure><figcaption style="width: 640px">${m.md(b.caption)}</figcaption>`,
      ),
  });
}

function comments(m: PageModel): string {
  if (m.comments.length === 0) return '';
  const items = m.comments
    .map(
      (c) =>
        `<li id="commentsModule-${c.id}" class="commentstd clearover cc-m-comment-loaded"><div class="com-meta"><strong>${esc(c.author)}</strong> <span class="com-meta-date">(${germanDate(c.date)} ${germanTime(c.date)})</span></div><div class="com-text">${esc(c.text)}</div></li>`,
    )
    .join('\n');
  return `<div class="j-module n j-comment"><div class="com-list-noava"><h2>Kommentare: ${m.comments.length}</h2><ul class="com-list">
${items}
</ul>
<div class="commententry"><h3>Kommentar schreiben</h3><form action="${esc(m.url)}" method="post"><textarea name="text"></textarea><input type="submit" value="Kommentar abschicken"></form></div></div></div>`;
}

export function renderPage(m: PageModel): string {
  const p = m.post;
  const date = p.published
    ? p.published.toLocaleDateString('de-DE', {
        weekday: 'long',
        day: '2-digit',
        month: 'long',
        year: 'numeric',
        timeZone: berlin,
      })
    : '';
  const share = shareLinks(m)
    .map(
      (s) =>
        `<a class="cc-sharebuttons-${s.key}" href="${esc(s.url)}" title="${s.text}" target="_blank" rel="noopener"></a>`,
    )
    .join('');
  const sidebar = m.blog.widgets
    .map(
      (w) =>
        `<div class="j-module n j-header"><h2 class="">${esc(w.title)}</h2></div><div class="j-module n j-text"><ul>${w.links.map((l) => `<li>${esc(l.text)}</li>`).join('')}</ul></div>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="de">
<head>
${head(m, {
  titleHtml: esc(p.title),
  siteSuffix: ` - ${esc(m.blog.name)}`,
  charsetMeta: '<meta http-equiv="content-type" content="text/html; charset=UTF-8">',
  extra: '<meta name="generator" content="Jimdo Creator">',
})}
</head>
<body class="body cc-page cc-page-blog j-m-gallery-styles j-m-video-styles j-m-hr-styles j-m-header-styles j-m-text-styles">
<div id="cc-website">
<div id="cc-inner" class="cc-content-parent">
<header class="jtpl-header"><div class="jtpl-logo"><a href="${esc(m.blog.home)}">${esc(m.blog.name)}</a></div>
<nav id="cc-nav" class="jtpl-navigation" data-container="navigation"><ul class="cc-nav-level-0 j-nav-level-0">
${m.blog.menu.map((l, i) => `<li id="cc-nav-view-${1000 + i}" class="jmd-nav__list-item-0${l.text === 'Blog' ? ' cc-nav-parent j-nav-parent jmd-nav__item--parent' : ''}"><a href="${esc(l.url)}" class="level_0">${esc(l.text)}</a></li>`).join('\n')}
</ul></nav></header>
<div class="jtpl-main"><div class="jtpl-content">
<div id="content_area" data-container="content"><div id="content_start"></div>
<div class="n j-blog-meta j-blog-post--header">
<div class="j-text j-module n">${p.categories.map((c) => `<a href="${esc(c.url)}" class="j-blog-post--tag">${esc(c.text)}</a> · `).join('')}<span class="j-text j-blog-post--date">${date}</span>${p.published ? `<meta itemprop="datePublished" content="${isoSeconds(p.published)}">` : ''}</div>
<h1 class="j-blog-header j-blog-headline j-blog-post--headline">${esc(p.title)}</h1>
${p.author ? `<div class="j-blog-post--author">von <span class="j-blog-post--author-name">${esc(p.author)}</span></div>` : ''}
</div>
<div class="post j-blog-content"><div id="cc-matrix-${p.id}">
${renderContent(m)}
</div></div>
<div class="j-module n j-sharebuttons"><div class="cc-sharebuttons-element cc-sharebuttons-size-32 cc-sharebuttons-style-colored cc-sharebuttons-design-square cc-sharebuttons-align-left">${share}</div></div>
${comments(m)}
</div>
</div>
<aside class="jtpl-sidebar"><div data-container="sidebar"><div id="cc-matrix-9001">
${sidebar}
</div></div></aside>
</div>
<footer class="jtpl-footer"><div id="contentfooter" data-container="footer"><div class="leftrow">${m.blog.footer.map((l) => `<a href="${esc(l.url)}" rel="nofollow">${esc(l.text)}</a>`).join(' | ')}</div><div class="rightrow"><a href="https://www.jimdo.com/de/login" rel="nofollow">Anmelden</a></div></div></footer>
</div>
</div>
</body>
</html>
`;
}
