/** Builds WordPress-like test pages around a post body: menu, header, sidebar, related posts, comments, footer. */

export interface PageParts {
  title?: string;
  /** HTML inside .entry-content. */
  content: string;
  lang?: string;
  head?: string;
  byline?: string;
  sidebar?: string;
  comments?: string;
}

export const FILLER = [
  'Als ich den Aufruf zur Blogparade gelesen habe, wusste ich sofort, dass ich mitmachen möchte. Seit vielen Jahren arbeite ich mit Kundinnen und Kunden, und über die Zeit hat sich ein ziemlich klares Bild ergeben, mit wem die Zusammenarbeit wirklich Freude macht.',
  'In diesem Beitrag erzähle ich, worauf es mir ankommt, was ich aus schwierigen Projekten gelernt habe und warum ich heute manche Anfragen lieber ablehne, statt mich auf Kompromisse einzulassen, die am Ende niemandem helfen.',
];

export function paragraphs(): string {
  return FILLER.map((text) => `<p>${text}</p>`).join('\n');
}

export function blogPage(parts: PageParts): string {
  const title = parts.title ?? 'Mein Wunschkunde ist …';
  return `<!DOCTYPE html>
<html lang="${parts.lang ?? 'de-DE'}">
<head>
<meta charset="utf-8">
<title>${title} – Texterei Sonnenschein</title>
<meta property="og:title" content="${title}">
<meta property="article:published_time" content="2013-04-22T09:15:00+02:00">
<link rel="canonical" href="https://texterei.example/2013/04/wunschkunde/">
<link rel="alternate" type="application/rss+xml" title="Feed" href="/feed/">
<link rel="alternate" type="application/rss+xml" title="Kommentare" href="/comments/feed/">
${parts.head ?? ''}
</head>
<body class="post-template-default single single-post">
<div id="page" class="site">
<header id="masthead" class="site-header">
  <p class="site-title"><a href="/">Texterei Sonnenschein</a></p>
  <nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">
    <li><a href="/">Start</a></li><li><a href="/ueber-mich/">Über mich</a></li><li><a href="/blog/">Blog</a></li><li><a href="/kontakt/">Kontakt</a></li>
  </ul></nav>
</header>
<div id="content" class="site-content">
<div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-42" class="post-42 post type-post status-publish format-standard hentry category-blogparade">
  <header class="entry-header">
    <h1 class="entry-title">${title}</h1>
    <div class="entry-meta"><span class="posted-on"><a href="/2013/04/wunschkunde/" rel="bookmark"><time class="entry-date published" datetime="2013-04-22T09:15:00+02:00">22. April 2013</time></a></span>
    <span class="byline"> von <span class="author vcard"><a class="url fn n" href="/author/anna/">${parts.byline ?? 'Anna Sonnenschein'}</a></span></span></div>
  </header>
  <div class="entry-content">
${parts.content}
  </div>
  <footer class="entry-footer"><span class="cat-links">Veröffentlicht in <a href="/kategorie/blogparade/">Blogparade</a></span></footer>
</article>
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Teilen mit:</h3><ul><li><a href="https://twitter.com/share">Twitter</a></li><li><a href="https://facebook.com/sharer">Facebook</a></li></ul></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3>Diese Beiträge könnten Sie außerdem interessieren</h3><ul>
  <li><a href="/2013/03/texten-lernen/">Texten lernen in zehn Schritten</a></li><li><a href="/2013/02/kundenakquise/">Kundenakquise ohne Kaltakquise</a></li><li><a href="/2013/01/preise/">Wie ich meine Preise finde</a></li>
</ul></div>
<div id="comments" class="comments-area"><h2 class="comments-title">3 Gedanken zu „${title}“</h2>
<ol class="comment-list">
${parts.comments ?? '<li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">Bernd</b></footer><div class="comment-content"><p>Toller Beitrag, danke für die vielen Anregungen zur Blogparade!</p></div></article></li>'}
</ol></div>
</main></div>
<aside id="secondary" class="widget-area">
  <section class="widget widget_recent_entries"><h2 class="widget-title">Neueste Beiträge</h2><ul><li><a href="/2013/04/neu/">Neu im Blog</a></li><li><a href="/2013/03/alt/">Alter Beitrag</a></li></ul></section>
  <section class="widget widget_categories"><h2 class="widget-title">Kategorien</h2><ul><li><a href="/kategorie/blogparade/">Blogparade</a></li><li><a href="/kategorie/texten/">Texten</a></li></ul></section>
  ${parts.sidebar ?? ''}
</aside>
</div>
<footer id="colophon" class="site-footer"><nav class="footer-navigation"><ul><li><a href="/impressum/">Impressum</a></li><li><a href="/datenschutz/">Datenschutz</a></li></ul></nav></footer>
<div id="cookie-notice" class="cookie-notice"><p>Diese Website verwendet Cookies.</p><ul><li>Notwendige</li><li>Statistik</li></ul></div>
</div>
</body>
</html>`;
}
