import { type BlogModel, esc, germanDate, linkList } from './markup.js';

export interface HomePost {
  title: string;
  url: string;
  excerpt: string;
  author: string | null;
  published: Date | null;
}

/** A blog's front page: the post list and the feed link that discovery looks for. */
export function renderBlogHome(blog: BlogModel, posts: HomePost[], now: Date): string {
  const articles = posts
    .map(
      (p) => `<article class="post hentry">
<h2 class="entry-title"><a href="${esc(p.url)}" rel="bookmark">${esc(p.title)}</a></h2>
<p class="entry-meta">${p.published ? `<time datetime="${p.published.toISOString()}">${germanDate(p.published)}</time>` : ''}${p.author ? ` · <span class="author">${esc(p.author)}</span>` : ''}</p>
<div class="entry-summary"><p>${esc(p.excerpt)} <a class="more-link" href="${esc(p.url)}">Weiterlesen</a></p></div>
</article>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(blog.name)} – ${esc(blog.tagline)}</title>
<meta name="description" content="${esc(blog.tagline)}">
<link rel="canonical" href="${esc(blog.home)}">
<link rel="alternate" type="application/rss+xml" title="${esc(blog.name)} » Feed" href="${esc(blog.feed)}">
<meta property="og:locale" content="de_DE">
<meta property="og:type" content="website">
<meta property="og:title" content="${esc(blog.name)}">
<meta property="og:description" content="${esc(blog.tagline)}">
<meta property="og:url" content="${esc(blog.home)}">
<meta property="og:site_name" content="${esc(blog.name)}">
</head>
<body class="home blog">
<header class="site-header"><p class="site-title"><a href="${esc(blog.home)}" rel="home">${esc(blog.name)}</a></p><p class="site-description">${esc(blog.tagline)}</p>
<nav class="main-navigation"><ul class="menu">
${linkList(blog.menu)}
</ul></nav></header>
<main id="main" class="site-main">
${articles}
</main>
<footer class="site-footer"><ul class="footer-menu">
${linkList(blog.footer)}
</ul><p>&copy; ${now.getUTCFullYear()} ${esc(blog.name)}${blog.owner ? ` · ${esc(blog.owner)}` : ''}</p></footer>
</body>
</html>
`;
}

const reasons: Record<number, [string, string]> = {
  301: ['Dauerhaft verschoben', 'Diese Seite ist umgezogen.'],
  404: [
    'Seite nicht gefunden',
    'Die Seite, die du suchst, gibt es hier nicht (mehr). Vielleicht hilft die Suche weiter?',
  ],
  410: ['Diese Seite wurde entfernt', 'Der Beitrag wurde dauerhaft gelöscht.'],
  500: ['Es gab einen kritischen Fehler auf dieser Website', 'Bitte versuche es später noch einmal.'],
  503: [
    'Wartungsmodus',
    'Diese Website wird gerade gewartet. Bitte schau in ein paar Minuten wieder vorbei.',
  ],
};

/** The body served with an error status, whether real (404) or forced by a test. */
export function renderStatusPage(status: number, origin: string): string {
  const [title, text] = reasons[status] ?? [
    `Fehler ${status}`,
    'Beim Aufruf dieser Seite ist etwas schiefgegangen.',
  ];
  return `<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>${esc(title)} – Fehler ${status}</title>
<meta name="robots" content="noindex">
</head>
<body class="error${status}">
<main><h1>${esc(title)}</h1><p>${esc(text)}</p><p><a href="${esc(origin)}/">Zur Startseite</a></p></main>
</body>
</html>
`;
}
