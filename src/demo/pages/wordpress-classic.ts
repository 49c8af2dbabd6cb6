import {
  type CommentModel,
  esc,
  germanDate,
  germanMonth,
  germanTime,
  head,
  htmlList,
  isoSeconds,
  linkList,
  type PageModel,
  renderBlocks,
  shareLinks,
  slugify,
  texturize,
} from './markup.js';

/** The post body as WordPress stores it, plus what Jetpack and YARPP append to `the_content`. */
export function renderContent(m: PageModel): string {
  const body = renderBlocks(m, {
    list: (list) => {
      const intro = list.intro ? `<p><strong>${m.md(list.intro)}</strong></p>\n` : '';
      return intro + htmlList(list, m);
    },
    figure: (b) =>
      `<figure class="wp-caption aligncenter" style="width: 840px"><img decoding="async" class="size-large wp-image-${m.post.id + 3}" src="${esc(m.href(b.src))}" alt="${esc(b.alt)}" width="840" height="560"><figcaption class="wp-caption-text">${m.md(b.caption)}</figcaption></figure>`,
    credit: (html) => `<p class="bildnachweis"><small>${html}</small></p>`,
  });
  return texturize(body);
}

function sharing(m: PageModel): string {
  const items = shareLinks(m)
    .map(
      (s) =>
        `<li class="share-${s.key}"><a rel="nofollow noopener noreferrer" class="share-${s.key} sd-button" href="${esc(s.url)}" target="_blank"><span>${s.text}</span></a></li>`,
    )
    .join('');
  return `<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social"><h3 class="sd-title">Teilen mit:</h3><div class="sd-content"><ul>${items}<li class="share-end"></li></ul></div></div></div>`;
}

function related(m: PageModel): string {
  if (m.post.related.length === 0) return '';
  const items = m.post.related.map(
    (r) => `<li><a href="${esc(r.url)}" rel="bookmark" title="${esc(r.text)}">${esc(r.text)}</a></li>`,
  );
  return `<div class='yarpp yarpp-related yarpp-related-website yarpp-template-list'>
<h3>Diese Beiträge könnten Sie außerdem interessieren</h3><ol>
${items.join('\n')}
</ol>
</div>`;
}

function comment(c: CommentModel, m: PageModel, i: number): string {
  const parity = i % 2 === 0 ? 'even thread-even' : 'odd thread-odd thread-alt';
  if (c.kind === 'pingback') {
    return `<li id="comment-${c.id}" class="pingback ${parity} depth-1">
<div class="comment-body">Pingback: <a href="${esc(c.authorUrl ?? '')}" class="url" rel="ugc external">${esc(c.author)}</a> </div>
</li>`;
  }
  const name = c.authorUrl
    ? `<a href="${esc(c.authorUrl)}" class="url" rel="ugc external nofollow">${esc(c.author)}</a>`
    : esc(c.author);
  return `<li id="comment-${c.id}" class="comment ${parity} depth-1">
<article id="div-comment-${c.id}" class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><img alt="" src="${esc(m.href('/wp-content/avatar.png'))}" class="avatar avatar-60 photo" height="60" width="60" loading="lazy"><b class="fn">${name}</b> <span class="says">sagt:</span></div>
<div class="comment-metadata"><a href="${esc(m.url)}#comment-${c.id}"><time datetime="${isoSeconds(c.date)}">${germanDate(c.date)} um ${germanTime(c.date)} Uhr</time></a></div></footer>
<div class="comment-content">${texturize(c.html)}</div>
<div class="reply"><a rel="nofollow" class="comment-reply-link" href="${esc(m.url)}?replytocom=${c.id}#respond" data-commentid="${c.id}" aria-label="Antworte auf ${esc(c.author)}">Antworten</a></div>
</article>
</li>`;
}

/** `the_comments_navigation()`: older and newer comment pages, no numbers. */
function commentNavigation(m: PageModel): string {
  const pages = m.commentPage;
  if (!pages || pages.total < 2) return '';
  const older =
    pages.current > 1
      ? `<div class="nav-previous"><a href="${esc(pages.url(pages.current - 1))}">Ältere Kommentare</a></div>`
      : '';
  const newer =
    pages.current < pages.total
      ? `<div class="nav-next"><a href="${esc(pages.url(pages.current + 1))}">Neuere Kommentare</a></div>`
      : '';
  return `<nav class="navigation comment-navigation" aria-label="Kommentare">
<h2 class="screen-reader-text">Kommentar-Navigation</h2>
<div class="nav-links">${older}${newer}</div>
</nav>`;
}

function comments(m: PageModel): string {
  const count = m.commentPage?.count ?? m.comments.length;
  const list = count
    ? `<h2 class="comments-title">${count} Gedanken zu &#8222;<span>${texturize(esc(m.post.title))}</span>&#8220;</h2>
${commentNavigation(m)}
<ol class="comment-list">
${m.comments.map((c, i) => comment(c, m, i)).join('\n')}
</ol>
${commentNavigation(m)}`
    : '';
  return `<div id="comments" class="comments-area">
${list}
<div id="respond" class="comment-respond">
<h3 id="reply-title" class="comment-reply-title">Schreibe einen Kommentar</h3>
<form action="${esc(m.href('/wp-comments-post.php'))}" method="post" id="commentform" class="comment-form">
<p class="comment-notes">Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert</p>
<p class="comment-form-comment"><label for="comment">Kommentar *</label><textarea id="comment" name="comment" cols="45" rows="8" required></textarea></p>
<p class="comment-form-author"><label for="author">Name *</label><input id="author" name="author" type="text" required></p>
<p class="comment-form-email"><label for="email">E-Mail *</label><input id="email" name="email" type="email" required></p>
<p class="comment-form-url"><label for="url">Website</label><input id="url" name="url" type="url"></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Kommentar abschicken"><input type="hidden" name="comment_post_ID" value="${m.post.id}"></p>
</form>
</div>
</div>`;
}

function archive(m: PageModel): { text: string; url: string }[] {
  const out: { text: string; url: string }[] = [];
  for (let i = 0; i < 4; i++) {
    const d = new Date(Date.UTC(m.now.getUTCFullYear(), m.now.getUTCMonth() - i, 15));
    const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
    out.push({ text: germanMonth(d), url: `${m.blog.home}${d.getUTCFullYear()}/${mm}/` });
  }
  return out;
}

function sidebar(m: PageModel): string {
  const custom = m.blog.widgets
    .map(
      (w, i) =>
        `<section id="text-${i + 2}" class="widget widget_text"><h2 class="widget-title">${esc(w.title)}</h2><div class="textwidget"><p>${w.links.map((l) => `<a href="${esc(l.url)}">${texturize(esc(l.text))}</a>`).join('<br>')}</p></div></section>`,
    )
    .join('\n');
  return `<aside id="secondary" class="widget-area">
<section id="search-2" class="widget widget_search"><form role="search" method="get" class="search-form" action="${esc(m.blog.home)}"><label><span class="screen-reader-text">Suche nach:</span><input type="search" class="search-field" placeholder="Suche &#8230;" value="" name="s"></label><input type="submit" class="search-submit" value="Suche"></form></section>
${custom}
<section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">Neueste Beiträge</h2><nav aria-label="Neueste Beiträge"><ul>
${linkList([{ text: m.post.title, url: m.url }, ...m.recent])}
</ul></nav></section>
<section id="categories-2" class="widget widget_categories"><h2 class="widget-title">Kategorien</h2><nav aria-label="Kategorien"><ul>
${linkList(m.blog.categories, 'cat-item')}
</ul></nav></section>
<section id="archives-2" class="widget widget_archive"><h2 class="widget-title">Archiv</h2><nav aria-label="Archiv"><ul>
${linkList(archive(m))}
</ul></nav></section>
</aside>`;
}

export function renderPage(m: PageModel): string {
  const p = m.post;
  const date = p.published
    ? `<span class="posted-on">Veröffentlicht am <a href="${esc(m.url)}" rel="bookmark"><time class="entry-date published" datetime="${isoSeconds(p.published)}">${germanDate(p.published)}</time></a></span>`
    : '';
  const byline = p.author
    ? `<span class="byline"> von <span class="author vcard"><a class="url fn n" href="${esc(m.blog.home)}author/${slugify(p.author)}/">${esc(p.author)}</a></span></span>`
    : '';
  // "Über mich" gets the theme's usual dropdown, so the menu has a nested list like real ones do.
  const menu = m.blog.menu
    .map((l) => {
      const home = l.url === m.blog.home ? ' menu-item-home' : '';
      const sub =
        l.text === 'Über mich'
          ? `<ul class="sub-menu"><li class="menu-item"><a href="${esc(l.url)}presse/">Presse</a></li><li class="menu-item"><a href="${esc(l.url)}werdegang/">Werdegang</a></li></ul>`
          : '';
      return `<li class="menu-item${home}${sub ? ' menu-item-has-children' : ''}"><a href="${esc(l.url)}">${esc(l.text)}</a>${sub}</li>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="de">
<head>
${head(m, {
  titleHtml: texturize(esc(p.title)),
  siteSuffix: ` &#8211; ${esc(m.blog.name)}`,
  extra: '<meta name="generator" content="WordPress 6.5.3">',
})}
<link rel="stylesheet" id="theme-style-css" href="${esc(m.blog.home)}wp-content/themes/kadence/style.css" media="all">
</head>
<body class="post-template-default single single-post postid-${p.id} single-format-standard">
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#primary">Zum Inhalt springen</a>
<header id="masthead" class="site-header">
<div class="site-branding"><p class="site-title"><a href="${esc(m.blog.home)}" rel="home">${esc(m.blog.name)}</a></p><p class="site-description">${texturize(esc(m.blog.tagline))}</p></div>
<nav id="site-navigation" class="main-navigation" aria-label="Hauptmenü"><button class="menu-toggle" aria-controls="primary-menu" aria-expanded="false">Menü</button>
<ul id="primary-menu" class="menu">
${menu}
</ul></nav>
</header>
<div id="content" class="site-content">
<main id="primary" class="site-main">
<article id="post-${p.id}" class="post-${p.id} post type-post status-publish format-standard has-post-thumbnail hentry">
<header class="entry-header">
<h1 class="entry-title">${texturize(esc(p.title))}</h1>
<div class="entry-meta">${date}${byline}</div>
</header>
<div class="entry-content">
${renderContent(m)}
${sharing(m)}
${related(m)}
</div>
<footer class="entry-footer"><span class="cat-links">Veröffentlicht in ${p.categories.map((c) => `<a href="${esc(c.url)}" rel="category tag">${esc(c.text)}</a>`).join(', ')}</span>${
    p.tags.length
      ? `<span class="tags-links">Schlagwörter: ${p.tags.map((t) => `<a href="${esc(t.url)}" rel="tag">${esc(t.text)}</a>`).join(', ')}</span>`
      : ''
  }</footer>
</article>
<nav class="navigation post-navigation" aria-label="Beiträge"><h2 class="screen-reader-text">Beitragsnavigation</h2><div class="nav-links">${
    m.recent[0]
      ? `<div class="nav-previous"><a href="${esc(m.recent[0].url)}" rel="prev"><span class="nav-subtitle">Vorheriger Beitrag:</span> <span class="nav-title">${esc(m.recent[0].text)}</span></a></div>`
      : ''
  }</div></nav>
${comments(m)}
</main>
${sidebar(m)}
</div>
<footer id="colophon" class="site-footer">
<nav class="footer-navigation" aria-label="Fußzeilenmenü"><ul id="footer-menu" class="menu">
${linkList(m.blog.footer, 'menu-item')}
</ul></nav>
<div class="site-info">&copy; ${m.now.getUTCFullYear()} ${esc(m.blog.name)} &middot; Mit Liebe gemacht mit <a href="https://de.wordpress.org/">WordPress</a></div>
</footer>
</div>
</body>
</html>
`;
}
