import {
  esc,
  germanDate,
  head,
  htmlList,
  isoSeconds,
  type PageModel,
  renderBlocks,
  shareLinks,
  slugify,
} from './markup.js';

/** Block-editor markup: every block carries its `wp-block-*` class, lists are `wp-block-list`. */
export function renderContent(m: PageModel): string {
  return renderBlocks(m, {
    list: (list) => {
      const intro = list.intro ? `<p>${m.md(list.intro)}</p>\n\n` : '';
      return intro + htmlList(list, m, 'wp-block-list');
    },
    h2: (html) => `<h2 class="wp-block-heading">${html}</h2>`,
    figure: (b) =>
      `<figure class="wp-block-image size-large"><img decoding="async" src="${esc(m.href(b.src))}" alt="${esc(b.alt)}" class="wp-image-${m.post.id + 1}"><figcaption class="wp-element-caption">${m.md(b.caption)}</figcaption></figure>`,
  });
}

function navigation(links: { text: string; url: string }[], label: string): string {
  const items = links
    .map(
      (l) =>
        `<li class="wp-block-navigation-item wp-block-navigation-link"><a class="wp-block-navigation-item__content" href="${esc(l.url)}"><span class="wp-block-navigation-item__label">${esc(l.text)}</span></a></li>`,
    )
    .join('');
  return `<nav class="is-responsive items-justified-right wp-block-navigation is-layout-flex" aria-label="${label}"><ul class="wp-block-navigation__container is-responsive items-justified-right wp-block-navigation">${items}</ul></nav>`;
}

function comments(m: PageModel): string {
  if (m.comments.length === 0) return '';
  const items = m.comments
    .map(
      (c) => `<li id="comment-${c.id}" class="comment even thread-even depth-1">
<div class="wp-block-group is-layout-flow"><div class="wp-block-comment-author-name">${
        c.authorUrl
          ? `<a rel="external nofollow ugc" href="${esc(c.authorUrl)}" target="_self">${esc(c.author)}</a>`
          : esc(c.author)
      }</div>
<div class="wp-block-comment-date"><time datetime="${isoSeconds(c.date)}"><a href="${esc(m.url)}#comment-${c.id}">${germanDate(c.date)}</a></time></div>
<div class="wp-block-comment-content">${c.html}</div>
<div class="wp-block-comment-reply-link"><a rel="nofollow" class="comment-reply-link" href="${esc(m.url)}?replytocom=${c.id}#respond">Antworten</a></div></div>
</li>`,
    )
    .join('\n');
  return `<div class="wp-block-comments">
<h2 class="wp-block-heading">Kommentare</h2>
<h3 class="wp-block-comments-title">${m.comments.length === 1 ? 'Eine Antwort' : `${m.comments.length} Antworten`} auf &#8222;${esc(m.post.title)}&#8220;</h3>
<ol class="wp-block-comment-template">
${items}
</ol>
<div id="respond" class="comment-respond wp-block-post-comments-form"><h3 id="reply-title" class="comment-reply-title">Schreibe einen Kommentar</h3><form action="${esc(m.href('/wp-comments-post.php'))}" method="post" class="comment-form"><p class="comment-form-comment"><label for="comment">Kommentar *</label><textarea id="comment" name="comment" required></textarea></p><p class="form-submit wp-block-button"><input name="submit" type="submit" class="wp-block-button__link wp-element-button" value="Kommentar abschicken"></p></form></div>
</div>`;
}

export function renderPage(m: PageModel): string {
  const p = m.post;
  const date = p.published
    ? `<div class="wp-block-post-date"><time datetime="${isoSeconds(p.published)}">${germanDate(p.published)}</time></div>`
    : '';
  const author = p.author
    ? `<div class="wp-block-post-author-name">von <a href="${esc(m.blog.home)}author/${slugify(p.author)}/" target="_self" class="wp-block-post-author-name__link">${esc(p.author)}</a></div>`
    : '';
  const share = shareLinks(m)
    .map(
      (s) =>
        `<li class="wp-social-link wp-social-link-${s.key} wp-block-social-link"><a rel="noopener nofollow" target="_blank" href="${esc(s.url)}" class="wp-block-social-link-anchor"><span class="wp-block-social-link-label">${s.text}</span></a></li>`,
    )
    .join('');
  const more = m.recent
    .map(
      (r) =>
        `<li class="wp-block-post post type-post status-publish"><h3 class="wp-block-post-title"><a href="${esc(r.url)}" target="_self">${esc(r.text)}</a></h3></li>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="de">
<head>
${head(m, { titleHtml: esc(p.title), siteSuffix: ` &#8211; ${esc(m.blog.name)}`, extra: '<meta name="generator" content="WordPress 6.6.1">' })}
<style id="wp-block-library-inline-css">.wp-block-list{box-sizing:border-box}</style>
</head>
<body class="post-template-default single single-post postid-${p.id} wp-embed-responsive">
<div class="wp-site-blocks">
<header class="wp-block-template-part">
<div class="wp-block-group alignwide is-content-justification-space-between is-layout-flex">
<p class="wp-block-site-title"><a href="${esc(m.blog.home)}" target="_self" rel="home">${esc(m.blog.name)}</a></p>
<p class="wp-block-site-tagline">${esc(m.blog.tagline)}</p>
${navigation(m.blog.menu, 'Hauptmenü')}
</div>
</header>
<main class="wp-block-group is-layout-flow">
<div class="wp-block-group has-global-padding is-layout-constrained">
<h1 class="wp-block-post-title">${esc(p.title)}</h1>
<div class="wp-block-group post-meta is-layout-flex">${date}${author}<div class="taxonomy-category wp-block-post-terms">${p.categories.map((c) => `<a href="${esc(c.url)}" rel="tag">${esc(c.text)}</a>`).join('<span class="wp-block-post-terms__separator">, </span>')}</div></div>
</div>
<figure class="wp-block-post-featured-image"><img src="${esc(p.image)}" alt="${esc(p.imageAlt)}" class="attachment-post-thumbnail size-post-thumbnail wp-post-image"></figure>
<div class="entry-content wp-block-post-content has-global-padding is-layout-constrained">
${renderContent(m)}
</div>
<div class="wp-block-group has-global-padding is-layout-constrained">
<h2 class="wp-block-heading has-small-font-size">Teilen</h2>
<ul class="wp-block-social-links is-layout-flex">${share}</ul>
${comments(m)}
</div>
<div class="wp-block-group alignwide has-global-padding is-layout-constrained">
<h2 class="wp-block-heading">Weitere Beiträge</h2>
<div class="wp-block-query"><ul class="wp-block-post-template is-layout-flow">
${more}
</ul></div>
</div>
</main>
<footer class="wp-block-template-part">
<div class="wp-block-group alignwide is-layout-flex">
${navigation(m.blog.footer, 'Fußzeile')}
<p class="has-small-font-size">Stolz präsentiert von <a href="https://de.wordpress.org" rel="nofollow">WordPress</a></p>
</div>
</footer>
</div>
</body>
</html>
`;
}
