import type { ListContent } from '../content.js';
import { esc, germanDate, head, type PageModel, renderBlocks, shareLinks, slugify } from './markup.js';

/** Ghost's editor has no check-list card, so authors type one `<p>` per `✓` line. */
export function renderContent(m: PageModel): string {
  const checks = (list: ListContent) =>
    [
      ...(list.intro ? [`<p>${m.md(list.intro)}</p>`] : []),
      ...list.items.map((i) => `<p>✓ ${m.md(i.text)}</p>`),
    ].join('');
  return renderBlocks(m, {
    list: checks,
    figure: (b) =>
      `<figure class="kg-card kg-image-card kg-card-hascaption"><img src="${esc(m.href(b.src))}" class="kg-image" alt="${esc(b.alt)}" loading="lazy" width="2000" height="1333"><figcaption><span style="white-space: pre-wrap;">${m.md(b.caption)}</span></figcaption></figure>`,
  })
    .split('\n')
    .join('');
}

function jsonLd(m: PageModel): string {
  const p = m.post;
  const data = {
    '@context': 'https://schema.org',
    '@type': 'Article',
    publisher: { '@type': 'Organization', name: m.blog.name, url: m.blog.home },
    author: p.author
      ? { '@type': 'Person', name: p.author, url: `${m.blog.home}author/${slugify(p.author)}/` }
      : undefined,
    headline: p.title,
    url: m.url,
    datePublished: p.published?.toISOString(),
    image: { '@type': 'ImageObject', url: p.image, width: 2000, height: 1333 },
    keywords: p.tags.map((t) => t.text).join(', '),
    description: p.excerpt,
    mainEntityOfPage: m.url,
  };
  // `</` inside a script would end it early.
  return `<script type="application/ld+json">\n${JSON.stringify(data, null, 4).replaceAll('</', '<\\/')}\n</script>`;
}

export function renderPage(m: PageModel): string {
  const p = m.post;
  const tag = p.tags[0];
  const meta = [
    p.author
      ? `<h4 class="gh-article-author-name"><a href="${esc(m.blog.home)}author/${slugify(p.author ?? '')}/">${esc(p.author)}</a></h4>`
      : '',
    `<div class="gh-article-meta-content">${
      p.published
        ? `<time class="gh-article-meta-date" datetime="${p.published.toISOString().slice(0, 10)}">${germanDate(p.published)}</time>`
        : ''
    }<span class="gh-article-meta-length"><span class="bull">—</span> 3 Min. Lesezeit</span></div>`,
  ].join('\n');
  const nav = (links: { text: string; url: string }[]) =>
    links
      .map(
        (l) =>
          `<li class="nav-${esc(l.text.toLowerCase().replace(/\W+/g, '-'))}"><a href="${esc(l.url)}">${esc(l.text)}</a></li>`,
      )
      .join('');
  const share = shareLinks(m)
    .map(
      (s) => `<a class="gh-share-${s.key}" href="${esc(s.url)}" target="_blank" rel="noopener">${s.text}</a>`,
    )
    .join('\n');
  const cards = m.recent
    .map(
      (r) =>
        `<article class="gh-card post"><a class="gh-card-link" href="${esc(r.url)}"><div class="gh-card-wrapper"><h3 class="gh-card-title is-title">${esc(r.text)}</h3><footer class="gh-card-meta"><span class="gh-card-author">${esc(p.author ?? '')}</span></footer></div></a></article>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="de">
<head>
${head(m, { titleHtml: esc(p.title), siteSuffix: ` - ${esc(m.blog.name)}`, extra: '<meta name="generator" content="Ghost 5.82">' })}
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="${esc(p.title)}">
${p.author ? `<meta name="twitter:label1" content="Geschrieben von">\n<meta name="twitter:data1" content="${esc(p.author)}">` : ''}
${jsonLd(m)}
</head>
<body class="post-template${tag ? ` tag-${esc(tag.url.split('/').filter(Boolean).pop() ?? '')}` : ''} has-sans-title has-sans-body">
<div class="gh-site">
<header id="gh-navigation" class="gh-navigation is-left-logo gh-outer">
<div class="gh-navigation-inner gh-inner">
<div class="gh-navigation-brand"><a class="gh-navigation-logo is-title" href="${esc(m.blog.home)}">${esc(m.blog.name)}</a></div>
<nav class="gh-navigation-menu"><ul class="nav">${nav(m.blog.menu)}</ul></nav>
<div class="gh-navigation-actions"><div class="gh-navigation-members"><a href="#/portal/signin" data-portal="signin">Anmelden</a><a class="gh-button" href="#/portal/signup" data-portal="signup">Abonnieren</a></div></div>
</div>
</header>
<main class="gh-main">
<article class="gh-article post">
<header class="gh-article-header gh-canvas">
${tag ? `<a class="gh-article-tag" href="${esc(tag.url)}">${esc(tag.text)}</a>` : ''}
<h1 class="gh-article-title is-title">${esc(p.title)}</h1>
<p class="gh-article-excerpt is-body">${esc(p.excerpt)}</p>
<div class="gh-article-meta"><div class="gh-article-author-image instapaper_ignore"><a href="${esc(m.blog.home)}author/${slugify(p.author ?? '')}/"><img class="author-profile-image" src="${esc(m.blog.home)}content/images/autorin.png" alt="${esc(p.author ?? '')}"></a></div>
<div class="gh-article-meta-wrapper">
${meta}
</div></div>
<figure class="gh-article-image"><img src="${esc(p.image)}" alt="${esc(p.imageAlt)}"></figure>
</header>
<section class="gh-content gh-canvas is-body">
${renderContent(m)}
<div class="kg-card kg-button-card kg-align-center"><a href="${esc(m.blog.home)}coaching/" class="kg-btn kg-btn-accent">Erstgespräch buchen</a></div>
</section>
<div class="gh-article-share gh-canvas"><span>Teilen:</span>
${share}
</div>
</article>
<section class="gh-container is-grid gh-outer"><div class="gh-container-inner gh-inner">
<h2 class="gh-container-title">Mehr lesen</h2>
<div class="gh-feed">
${cards}
</div>
</div></section>
</main>
<footer class="gh-footer gh-outer"><div class="gh-footer-inner gh-inner">
<div class="gh-footer-bar"><span class="gh-footer-logo is-title">${esc(m.blog.name)}</span>
<nav class="gh-footer-menu"><ul class="nav">${nav(m.blog.footer)}</ul></nav>
<div class="gh-footer-copyright">Powered by <a href="https://ghost.org/" target="_blank" rel="noopener">Ghost</a></div></div>
<div class="gh-footer-signup"><h2 class="gh-footer-signup-header is-title">${esc(m.blog.name)}</h2><p class="gh-footer-signup-subhead is-body">${esc(m.blog.tagline)}</p><button class="gh-button" data-portal="signup">Abonnieren</button></div>
</div></footer>
</div>
</body>
</html>
`;
}
