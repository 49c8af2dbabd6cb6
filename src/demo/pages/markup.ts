import type { Block, LinkContent, ListContent, ListItemContent } from '../content.js';

/** Everything a layout needs to render one post of one blog, with URLs already absolute. */
export interface PageModel {
  origin: string;
  url: string;
  blog: BlogModel;
  post: PostModel;
  comments: CommentModel[];
  /** The other posts of the blog, newest first, for "recent posts" and "read more" blocks. */
  recent: { text: string; url: string }[];
  callUrl: string;
  /** Per-post comment feed; only the calls have one. */
  commentFeedUrl: string | null;
  /** When the comments are split into pages: this page, how many there are, every comment, and where page `n` lives. */
  commentPage?: { current: number; total: number; count: number; url(n: number): string };
  now: Date;
  /** Renders the content mini markup (`**bold**`, `[text](href)`, `{deadline}`) to HTML. */
  md(src: string): string;
  /** Resolves a path on the fixture site (or leaves an absolute URL alone). */
  href(pathOrUrl: string): string;
}

export interface BlogModel {
  id: string;
  name: string;
  tagline: string;
  owner: string | null;
  about: string | null;
  home: string;
  feed: string;
  menu: { text: string; url: string }[];
  widgets: { title: string; links: { text: string; url: string }[] }[];
  categories: { text: string; url: string }[];
  footer: { text: string; url: string }[];
}

export interface PostModel {
  id: number;
  title: string;
  excerpt: string;
  author: string | null;
  published: Date | null;
  image: string;
  imageAlt: string;
  categories: { text: string; url: string }[];
  tags: { text: string; url: string }[];
  blocks: Block[];
  related: { text: string; url: string }[];
}

export interface CommentModel {
  id: number;
  kind: 'comment' | 'pingback';
  author: string;
  authorUrl: string | null;
  date: Date;
  html: string;
  text: string;
}

export function esc(s: string): string {
  return s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#039;');
}

const umlauts: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

export function slugify(s: string): string {
  return s
    .toLowerCase()
    .replace(/[äöüß]/g, (c) => umlauts[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export interface MarkupContext {
  origin: string;
  deadline: string;
}

export function resolveHref(pathOrUrl: string, origin: string): string {
  return pathOrUrl.startsWith('/') ? `${origin}${pathOrUrl}` : pathOrUrl;
}

function fill(src: string, ctx: MarkupContext): string {
  return src.replaceAll('{deadline}', ctx.deadline);
}

/** Mini markup to HTML: escape first, then links and bold (the markers survive escaping). */
export function renderInline(src: string, ctx: MarkupContext): string {
  return esc(fill(src, ctx))
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_m, text: string, href: string) => {
      const url = resolveHref(href.replaceAll('&amp;', '&'), ctx.origin);
      return `<a href="${esc(url)}">${text}</a>`;
    })
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');
}

/** The same mini markup as plain text: what a reader sees. */
export function plainText(src: string, ctx: Pick<MarkupContext, 'deadline'>): string {
  return src
    .replaceAll('{deadline}', ctx.deadline)
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '$1')
    .replace(/\*\*(.+?)\*\*/g, '$1');
}

const texturized: [string, string][] = [
  ['„', '&#8222;'],
  ['“', '&#8220;'],
  ['”', '&#8221;'],
  ['–', '&#8211;'],
  ['…', '&#8230;'],
  ['’', '&#8217;'],
];

/** What WordPress' wptexturize leaves in the markup: typographic characters as numeric entities. */
export function texturize(html: string): string {
  let out = html;
  for (const [ch, entity] of texturized) out = out.replaceAll(ch, entity);
  return out;
}

const berlin = 'Europe/Berlin';

export function germanDate(d: Date): string {
  return d.toLocaleDateString('de-DE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: berlin });
}

export function germanTime(d: Date): string {
  return d.toLocaleTimeString('de-DE', { hour: '2-digit', minute: '2-digit', timeZone: berlin });
}

export function numericDate(d: Date): string {
  return d.toLocaleDateString('de-DE', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: berlin,
  });
}

export function germanMonth(d: Date): string {
  return d.toLocaleDateString('de-DE', { month: 'long', year: 'numeric', timeZone: berlin });
}

/** `2025-05-12T08:30:00+00:00`, the way WordPress and most themes print it. */
export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

export interface HeadOptions {
  /** Already escaped; a layout may texturize it. */
  titleHtml: string;
  siteSuffix: string;
  charsetMeta?: string;
  ogType?: string;
  extra?: string;
}

/** The shared part of every page's head: charset, title, canonical, OpenGraph, feed link. */
export function head(m: PageModel, o: HeadOptions): string {
  const p = m.post;
  const published = p.published
    ? `\n<meta property="article:published_time" content="${isoSeconds(p.published)}">`
    : '';
  const author = p.author ? `\n<meta property="article:author" content="${esc(p.author)}">` : '';
  const commentFeed = m.commentFeedUrl
    ? `\n<link rel="alternate" type="application/rss+xml" title="${esc(m.blog.name)} » Kommentar-Feed zu ${esc(p.title)}" href="${esc(m.commentFeedUrl)}">`
    : '';
  return `${o.charsetMeta ?? '<meta charset="utf-8">'}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.titleHtml}${o.siteSuffix}</title>
<meta name="description" content="${esc(p.excerpt)}">
<link rel="canonical" href="${esc(m.url)}">
<link rel="alternate" type="application/rss+xml" title="${esc(m.blog.name)} » Feed" href="${esc(m.blog.feed)}">${commentFeed}
<meta property="og:locale" content="de_DE">
<meta property="og:type" content="${o.ogType ?? 'article'}">
<meta property="og:title" content="${esc(p.title)}">
<meta property="og:description" content="${esc(p.excerpt)}">
<meta property="og:url" content="${esc(m.url)}">
<meta property="og:site_name" content="${esc(m.blog.name)}">
<meta property="og:image" content="${esc(p.image)}">${published}${author}${o.extra ? `\n${o.extra}` : ''}`;
}

export function linkList(links: { text: string; url: string }[], liClass = ''): string {
  const cls = liClass ? ` class="${liClass}"` : '';
  return links.map((l) => `<li${cls}><a href="${esc(l.url)}">${esc(l.text)}</a></li>`).join('\n');
}

export function shareLinks(m: PageModel): { text: string; url: string; key: string }[] {
  const u = encodeURIComponent(m.url);
  const t = encodeURIComponent(m.post.title);
  return [
    { key: 'facebook', text: 'Facebook', url: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { key: 'linkedin', text: 'LinkedIn', url: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    {
      key: 'pinterest',
      text: 'Pinterest',
      url: `https://pinterest.com/pin/create/button/?url=${u}&description=${t}`,
    },
    { key: 'email', text: 'E-Mail', url: `mailto:?subject=${t}&body=${u}` },
  ];
}

export type ListRenderer = (list: ListContent, m: PageModel) => string;

/** `<ul>`/`<ol>` with nested lists inside their parent item. */
export function htmlList(list: ListContent, m: PageModel, cls = ''): string {
  const tag = list.style === 'ol' ? 'ol' : 'ul';
  const attr = cls ? ` class="${cls}"` : '';
  const item = (i: ListItemContent) =>
    `<li>${m.md(i.text)}${i.children ? `\n${htmlList(i.children, m, cls)}\n` : ''}</li>`;
  return `<${tag}${attr}>\n${list.items.map(item).join('\n')}\n</${tag}>`;
}

export interface BlockRenderers {
  list: ListRenderer;
  p?: (html: string) => string;
  h2?: (html: string, text: string) => string;
  figure?: (b: Extract<Block, { kind: 'figure' }>, m: PageModel) => string;
  credit?: (html: string) => string;
}

/** Lists render their own intro, so a layout decides whether it shares the list's block. */
export function renderBlocks(m: PageModel, r: BlockRenderers): string {
  const p = r.p ?? ((html: string) => `<p>${html}</p>`);
  const out: string[] = [];
  for (const b of m.post.blocks) {
    switch (b.kind) {
      case 'p':
        out.push(p(m.md(b.text)));
        break;
      case 'h2':
        out.push(r.h2 ? r.h2(m.md(b.text), b.text) : `<h2>${m.md(b.text)}</h2>`);
        break;
      case 'figure':
        out.push(
          r.figure
            ? r.figure(b, m)
            : `<figure><img src="${esc(m.href(b.src))}" alt="${esc(b.alt)}"><figcaption>${m.md(b.caption)}</figcaption></figure>`,
        );
        break;
      case 'credit':
        out.push(r.credit ? r.credit(m.md(b.text)) : p(`<small>${m.md(b.text)}</small>`));
        break;
      case 'list':
        out.push(r.list(b.list, m));
        break;
    }
  }
  return out.join('\n');
}

export function linkOf(l: LinkContent, base: string, origin: string): { text: string; url: string } {
  return { text: l.text, url: resolveHref(l.href ?? `${base}${slugify(l.text)}/`, origin) };
}
