import type { ListContent } from '../content.js';
import {
  esc,
  germanDate,
  germanTime,
  head,
  isoSeconds,
  linkList,
  type PageModel,
  renderBlocks,
} from './markup.js';

const berlin = 'Europe/Berlin';

/** The Blogger editor writes no paragraphs: lines end in `<br />`, a "list" is `•` lines in one div. */
export function renderContent(m: PageModel): string {
  const bullets = (list: ListContent) => {
    const lines = list.items.map((i) => `• ${m.md(i.text)}`);
    return `<div style="text-align: left;">${list.intro ? `${m.md(list.intro)}<br />` : ''}${lines.join('<br />')}<br /></div><div><br /></div>`;
  };
  const body = renderBlocks(m, {
    list: bullets,
    p: (html) => `<div style="text-align: left;">${html}</div><div><br /></div>`,
    figure: (b) =>
      `<table align="center" cellpadding="0" cellspacing="0" class="tr-caption-container" style="margin-left: auto; margin-right: auto;"><tbody><tr><td style="text-align: center;"><a href="${esc(m.href(b.src))}" style="margin-left: auto; margin-right: auto;"><img border="0" data-original-height="1067" data-original-width="1600" height="427" src="${esc(m.href(b.src))}" width="640" alt="${esc(b.alt)}" /></a></td></tr><tr><td class="tr-caption" style="text-align: center;">${m.md(b.caption)}</td></tr></tbody></table><div><br /></div>`,
  });
  return `<div dir="ltr" style="text-align: left;" trbidi="on">\n${body}\n</div>`;
}

function archive(m: PageModel): string {
  const d = m.post.published ?? m.now;
  const year = d.toLocaleDateString('de-DE', { year: 'numeric', timeZone: berlin });
  const month = d.toLocaleDateString('de-DE', { month: 'long', timeZone: berlin });
  const posts = [{ text: m.post.title, url: m.url }, ...m.recent];
  return `<ul class="hierarchy">
<li class="archivedate expanded"><a class="toggle" href="javascript:void(0)"><span class="zippy toggle-open">▼&nbsp;</span></a><a class="post-count-link" href="${esc(m.blog.home)}${year}/">${year}</a> <span class="post-count" dir="ltr">(${posts.length + 9})</span>
<ul class="hierarchy">
<li class="archivedate expanded"><a class="toggle" href="javascript:void(0)"><span class="zippy toggle-open">▼&nbsp;</span></a><a class="post-count-link" href="${esc(m.url.replace(/[^/]+$/, ''))}">${month}</a> <span class="post-count" dir="ltr">(${posts.length})</span>
<ul class="posts">
${linkList(posts)}
</ul>
</li>
</ul>
</li>
</ul>`;
}

function comments(m: PageModel): string {
  const n = m.comments.length;
  const items = m.comments
    .map(
      (c) =>
        `<li class="comment" id="c${c.id}"><div class="avatar-image-container"><img src="${esc(m.blog.home)}img/blank.png" alt=""></div><div class="comment-block"><div class="comment-header"><cite class="user">${esc(c.author)}</cite><span class="icon user"></span><span class="datetime secondary-text"><a rel="nofollow" href="${esc(m.url)}?showComment=${c.date.getTime()}#c${c.id}">${germanDate(c.date)} um ${germanTime(c.date)}</a></span></div><p class="comment-content">${esc(c.text).replaceAll('\n', '<br>')}</p><span class="comment-actions secondary-text"><a class="comment-reply" target="_self">Antworten</a><span class="item-control blog-admin"><a target="_self" href="https://www.blogger.com/comment/delete/${c.id}">Löschen</a></span></span></div></li>`,
    )
    .join('\n');
  return `<div class="comments" id="comments">
<a name="comments"></a>
<h4>${n} ${n === 1 ? 'Kommentar' : 'Kommentare'}:</h4>
<div class="comments-content"><div id="comment-holder"><div class="comment-thread toplevel-thread"><ol id="top-ra">
${items}
</ol></div></div></div>
<p class="comment-footer"><a href="https://www.blogger.com/comment/fullpage/post/${m.post.id}" onclick="">Kommentar veröffentlichen</a></p>
</div>`;
}

export function renderPage(m: PageModel): string {
  const p = m.post;
  const published = p.published ?? m.now;
  const dateHeader = published.toLocaleDateString('de-DE', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: berlin,
  });
  const share = [
    ['sb-email', 'Diesen Post per E-Mail versenden', 'email'],
    ['sb-blog', 'BlogThis!', 'blog'],
    ['sb-twitter', 'Auf X teilen', 'twitter'],
    ['sb-facebook', 'In Facebook freigeben', 'facebook'],
    ['sb-pinterest', 'Auf Pinterest teilen', 'pinterest'],
  ]
    .map(
      ([cls, title, target]) =>
        `<a class="goog-inline-block share-button ${cls}" href="https://www.blogger.com/share-post.g?blogID=4711&amp;postID=${p.id}&amp;target=${target}" target="_blank" title="${title}"><span class="share-button-link-text">${title}</span></a>`,
    )
    .join('');
  const widgets = m.blog.widgets
    .map(
      (w, i) =>
        `<div class="widget PopularPosts" data-version="1" id="PopularPosts${i + 1}"><h2>${esc(w.title)}</h2><div class="widget-content popular-posts"><ul>
${w.links.map((l) => `<li><div class="item-content"><div class="item-title"><a href="${esc(l.url)}">${esc(l.text)}</a></div></div><div style="clear: both;"></div></li>`).join('\n')}
</ul></div></div>`,
    )
    .join('\n');
  const labels = p.categories.map((c) => `<a href="${esc(c.url)}" rel="tag">${esc(c.text)}</a>`).join(',\n');
  return `<!DOCTYPE html>
<html class="v2" dir="ltr" lang="de" xmlns="http://www.w3.org/1999/xhtml" xmlns:b="http://www.google.com/2005/gml/b" xmlns:data="http://www.google.com/2005/gml/data" xmlns:expr="http://www.google.com/2005/gml/expr">
<head>
${head(m, {
  titleHtml: esc(p.title),
  siteSuffix: ` | ${esc(m.blog.name)}`,
  charsetMeta: '<meta content="text/html; charset=UTF-8" http-equiv="Content-Type"/>',
  extra: '<meta content="blogger" name="generator"/>',
})}
</head>
<body class="loading variant-simplysimple">
<div class="navbar section" id="navbar" name="Navbar"><div class="widget Navbar" data-version="1" id="Navbar1"></div></div>
<div class="content"><div class="content-outer"><div class="content-inner">
<header><div class="header-outer"><div class="Header widget" id="Header1"><div id="header-inner"><div class="titlewrapper"><h1 class="title"><a href="${esc(m.blog.home)}">${esc(m.blog.name)}</a></h1></div><div class="descriptionwrapper"><p class="description"><span>${esc(m.blog.tagline)}</span></p></div></div></div></div></header>
<div class="tabs-outer"><div class="tabs section" id="crosscol"><div class="widget PageList" data-version="1" id="PageList1"><div class="widget-content"><ul>
${linkList(m.blog.menu)}
</ul></div></div></div></div>
<div class="main-outer"><div class="columns fauxcolumns"><div class="columns-inner"><div class="column-center-outer"><div class="column-center-inner">
<div class="main section" id="main"><div class="widget Blog" data-version="1" id="Blog1"><div class="blog-posts hfeed">
<div class="date-outer"><h2 class="date-header"><span>${dateHeader}</span></h2>
<div class="date-posts"><div class="post-outer">
<div class="post hentry uncustomized-post-template" itemprop="blogPost" itemscope="itemscope" itemtype="http://schema.org/BlogPosting">
<meta content="${esc(p.image)}" itemprop="image_url">
<a name="${p.id}"></a>
<h3 class="post-title entry-title" itemprop="name">${esc(p.title)}</h3>
<div class="post-header"><div class="post-header-line-1"></div></div>
<div class="post-body entry-content" id="post-body-${p.id}" itemprop="description articleBody">
${renderContent(m)}
<div style="clear: both;"></div>
</div>
<div class="post-footer">
<div class="post-footer-line post-footer-line-1">
<span class="post-author vcard">Eingestellt von <span class="fn" itemprop="author" itemscope="itemscope" itemtype="http://schema.org/Person"><meta content="https://www.blogger.com/profile/0815" itemprop="url"><a class="g-profile" href="https://www.blogger.com/profile/0815" rel="author" title="author profile"><span itemprop="name">${esc(p.author ?? m.blog.name)}</span></a></span></span>
<span class="post-timestamp">um <meta content="${esc(m.url)}" itemprop="url"><a class="timestamp-link" href="${esc(m.url)}" rel="bookmark" title="permanent link"><abbr class="published" itemprop="datePublished" title="${isoSeconds(published)}">${germanTime(published)}</abbr></a></span>
<span class="post-comment-link"></span>
</div>
<div class="post-footer-line post-footer-line-2"><div class="post-share-buttons goog-inline-block">${share}</div></div>
<div class="post-footer-line post-footer-line-3"><span class="post-labels">Labels:
${labels}
</span></div>
</div>
</div>
${comments(m)}
</div></div></div>
</div>
<div class="blog-pager" id="blog-pager">${m.recent[0] ? `<span id="blog-pager-older-link"><a class="blog-pager-older-link" href="${esc(m.recent[0].url)}" title="Älterer Post">Älterer Post</a></span>` : ''}<a class="home-link" href="${esc(m.blog.home)}">Startseite</a></div>
<div class="post-feeds"><div class="feed-links">Abonnieren <a class="feed-link" href="${esc(m.blog.feed)}" target="_blank" type="application/rss+xml">Posts (RSS)</a></div></div>
</div></div>
</div></div>
<div class="column-right-outer"><div class="column-right-inner"><aside><div class="sidebar section" id="sidebar-right-1">
<div class="widget Profile" data-version="1" id="Profile1"><h2>Über mich</h2><div class="widget-content"><a href="https://www.blogger.com/profile/0815"><img alt="Mein Bild" class="profile-img" height="80" src="${esc(m.blog.home)}img/profil.png" width="80"></a><dl class="profile-datablock"><dt class="profile-data"><a class="profile-name-link g-profile" href="https://www.blogger.com/profile/0815" rel="author">${esc(m.blog.owner ?? '')}</a></dt><dd class="profile-textblock">${esc(m.blog.about ?? '')}</dd></dl><a class="profile-link" href="https://www.blogger.com/profile/0815" rel="author">Mein Profil vollständig anzeigen</a></div></div>
${widgets}
<div class="widget BlogArchive" data-version="1" id="BlogArchive1"><h2>Blog-Archiv</h2><div class="widget-content"><div id="ArchiveList"><div id="BlogArchive1_ArchiveList">
${archive(m)}
</div></div></div></div>
<div class="widget Label" data-version="1" id="Label1"><h2>Labels</h2><div class="widget-content list-label-widget-content"><ul>
${linkList(m.blog.categories)}
</ul></div></div>
</div></aside></div></div>
</div></div></div>
<footer><div class="footer-outer"><div class="foot section" id="footer-1"><div class="widget LinkList" data-version="1" id="LinkList1"><div class="widget-content"><ul>
${linkList(m.blog.footer)}
</ul></div></div></div>
<div class="widget Attribution" id="Attribution1"><div class="widget-content" style="text-align: center;">Design "Einfach". Powered by <a href="https://www.blogger.com" target="_blank">Blogger</a>.</div></div></div></footer>
</div></div></div>
</body>
</html>
`;
}
