import type { ListContent } from '../content.js';
import {
  esc,
  germanDate,
  head,
  type PageModel,
  plainText,
  renderBlocks,
  shareLinks,
  slugify,
} from './markup.js';

function headingId(n: number, text: string): string {
  return `${n}-${slugify(text)}`;
}

/** A listicle written in Markdown as `## 1. …` headings, each followed by its paragraph. */
export function renderContent(m: PageModel): string {
  const numbered = (list: ListContent) => {
    const intro = list.intro ? `<p>${m.md(list.intro)}</p>\n` : '';
    const sections = list.items.map((item, i) => {
      const id = headingId(i + 1, plainText(item.text, { deadline: '' }));
      // PaperMod puts a hidden "#" anchor inside every heading.
      return `<h2 id="${id}">${i + 1}. ${m.md(item.text)}<a hidden class="anchor" aria-hidden="true" href="#${id}">#</a></h2>\n<p>${item.body ? m.md(item.body) : ''}</p>`;
    });
    return intro + sections.join('\n');
  };
  return renderBlocks(m, { list: numbered });
}

function toc(m: PageModel): string {
  const items: string[] = [];
  for (const b of m.post.blocks) {
    if (b.kind !== 'list' || b.list.style !== 'numbered-headings') continue;
    b.list.items.forEach((item, i) => {
      const text = `${i + 1}. ${plainText(item.text, { deadline: '' })}`;
      items.push(
        `<li><a href="#${headingId(i + 1, plainText(item.text, { deadline: '' }))}" aria-label="${esc(text)}">${esc(text)}</a></li>`,
      );
    });
  }
  return `<div class="toc"><details open><summary accesskey="c" title="(Alt + C)"><span class="details">Inhaltsverzeichnis</span></summary>
<div class="inner"><nav id="TableOfContents"><ul>
${items.join('\n')}
</ul></nav></div></details></div>`;
}

export function renderPage(m: PageModel): string {
  const p = m.post;
  const meta = [
    p.published
      ? `<span title="${p.published
          .toISOString()
          .replace('T', ' ')
          .replace(/\.\d+Z$/, ' +0000 UTC')}">${germanDate(p.published)}</span>`
      : '',
    '3 Min.',
    p.author ? esc(p.author) : '',
  ]
    .filter(Boolean)
    .join('&nbsp;·&nbsp;');
  const share = shareLinks(m)
    .map(
      (s) =>
        `<li><a target="_blank" rel="noopener noreferrer" aria-label="teile ${esc(p.title)} auf ${s.text}" href="${esc(s.url)}"><svg version="1.1" viewBox="0 0 512 512" xml:space="preserve" height="30px" width="30px" fill="currentColor"><path d="M449.446,0c34.525,0 62.554,28.03 62.554,62.554l0,386.892c0,34.524 -28.03,62.554 -62.554,62.554l-386.892,0c-34.524,0 -62.554,-28.03 -62.554,-62.554l0,-386.892c0,-34.524 28.029,-62.554 62.554,-62.554l386.892,0Z"/></svg></a></li>`,
    )
    .join('\n');
  const prev = m.recent[0];
  return `<!DOCTYPE html>
<html lang="de" dir="auto">
<head>
${head(m, {
  titleHtml: esc(p.title),
  siteSuffix: ` | ${esc(m.blog.name)}`,
  extra: [
    '<meta name="robots" content="index, follow">',
    `<meta name="keywords" content="${esc(p.tags.map((t) => t.text).join(', '))}">`,
    p.author ? `<meta name="author" content="${esc(p.author)}">` : '',
    '<meta name="generator" content="Hugo 0.126.1">',
  ]
    .filter(Boolean)
    .join('\n'),
})}
</head>
<body id="top">
<header class="header">
<nav class="nav">
<div class="logo"><a href="${esc(m.blog.home)}" accesskey="h" title="${esc(m.blog.name)} (Alt + H)">${esc(m.blog.name)}</a></div>
<ul id="menu">
${m.blog.menu.map((l) => `<li><a href="${esc(l.url)}" title="${esc(l.text)}"><span>${esc(l.text)}</span></a></li>`).join('\n')}
</ul>
</nav>
</header>
<main class="main">
<article class="post-single">
<header class="post-header">
<div class="breadcrumbs"><a href="${esc(m.blog.home)}">Home</a>&nbsp;»&nbsp;<a href="${esc(m.blog.home)}posts/">Beiträge</a></div>
<h1 class="post-title entry-hint-parent">${esc(p.title)}</h1>
<div class="post-description">${esc(p.excerpt)}</div>
<div class="post-meta">${meta}</div>
</header>
<figure class="entry-cover"><img loading="eager" src="${esc(p.image)}" alt="${esc(p.imageAlt)}"></figure>
${toc(m)}
<div class="post-content">${renderContent(m)}
</div>
<footer class="post-footer">
<ul class="post-tags">
${p.tags.map((t) => `<li><a href="${esc(t.url)}">${esc(t.text)}</a></li>`).join('\n')}
</ul>
<nav class="paginav">${prev ? `<a class="prev" href="${esc(prev.url)}"><span class="title">« Zurück</span><br><span>${esc(prev.text)}</span></a>` : ''}</nav>
<ul class="share-buttons">
${share}
</ul>
</footer>
</article>
</main>
<footer class="footer">
<span>&copy; ${m.now.getUTCFullYear()} <a href="${esc(m.blog.home)}">${esc(m.blog.name)}</a></span> · ${m.blog.footer.map((l) => `<a href="${esc(l.url)}">${esc(l.text)}</a>`).join(' · ')} ·
<span>Powered by <a href="https://gohugo.io/" rel="noopener noreferrer" target="_blank">Hugo</a> &amp; <a href="https://github.com/adityatelange/hugo-PaperMod/" rel="noopener" target="_blank">PaperMod</a></span>
</footer>
<a href="#top" aria-label="go to top" title="Go to Top (Alt + G)" class="top-link" id="top-link" accesskey="g">↑</a>
</body>
</html>
`;
}
