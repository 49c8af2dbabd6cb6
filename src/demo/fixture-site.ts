// The offline blog world korso is tested and demonstrated against. Discovery roads it offers:
// - the call's comment area: Anna's pingback (an entry), a spam pingback (does not link the call),
//   Jonas's comment linking his entry, and commenters' websites (Clara's /zeilenreich/, Jonas's blog);
// - the call's comment feed `<call>/feed/` (newest first, no commenter or pingback source URLs);
// - participant blogs: every blog home advertises its RSS feed; Clara's feed holds the entry that
//   only this road finds, a post naming #Wunschkunde without linking the call, and an older post;
// - registration of `entries` by tests and the demo (webmention/pingback senders use them too);
// - a second, popular call (`popular`, /kompass/): fifteen comments on three WordPress comment pages
//   (`comment-page-N/`, the newest shown at the call itself), entries linked from every page, and
//   Greta's "Ich bin dabei" whose entry only her excerpt-only feed leads to, beside an unrelated
//   post in the parade's window and one from before it. Every request is logged (`requests()`).
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync } from 'node:zlib';
import iconv from 'iconv-lite';
import {
  type BlogContent,
  type CommentContent,
  callPost,
  type DiscoveryRole,
  discoveryBlogs,
  discoveryPosts,
  type EntryContent,
  entries as entryContents,
  hostBlog,
  type ListContent,
  olderHostPost,
  type PopularRole,
  type PostContent,
  type PostTime,
  parade as paradeContent,
  blogs as participantBlogs,
  popularBlogs,
  popularCall,
  popularHostBlog,
  popularParade,
  popularPosts,
} from './content.js';
import { type FeedItem, renderRss } from './feeds.js';
import { renderBlogHome, renderStatusPage } from './pages/blog-home.js';
import { layouts } from './pages/layouts.js';
import {
  type BlogModel,
  type CommentModel,
  germanDate,
  linkOf,
  type PageModel,
  plainText,
  renderInline,
  resolveHref,
} from './pages/markup.js';

export interface FixtureList {
  ordered: boolean;
  intro: string | null;
  items: string[];
}

export interface FixtureEntry {
  path: string;
  url: string;
  title: string;
  author: string | null;
  published: string | null;
  layout: string;
  linksCall: 'content' | 'elsewhere' | 'none';
  /** The truth: the entry's own lists, nested ones right after their parent (intro = parent item). */
  lists: FixtureList[];
  blog: string;
  charset: 'utf-8' | 'windows-1252';
  feedUrl: string;
}

export interface FixtureBlog {
  id: string;
  name: string;
  home: string;
  feed: string;
  entries: string[];
}

/** The pages only discovery reaches, and the truth about which road leads where. */
export interface FixtureDiscovery {
  /** Clara's blog home: the website in her comment on the call (WordPress `a.url`). */
  commenterBlogHome: string;
  /** The feed her blog home advertises. */
  commenterFeedUrl: string;
  /** Clara's entry: it links the call, and only her blog feed leads to it (no comment, pingback or comment feed). */
  feedOnlyEntryUrl: string;
  /** In the same feed: names #Wunschkunde, links nowhere near the call — a candidate that stays unverified. */
  hashtagOnlyUrl: string;
  /** In the same feed: an older post that is no candidate at all. */
  unrelatedPostUrl: string;
  /** The source of the call's spam pingback: a page that does not link the call. */
  spamPingbackUrl: string;
  /** Sources of the call's pingbacks that are entries (link the call). */
  pingbackEntryUrls: string[];
  /** Entries linked in the texts of the call's comments. */
  commentLinkedEntryUrls: string[];
  /** Every commenter website on the call, in page order: Clara's blog and Jonas's (whose feed holds his entry too). */
  commenterSites: string[];
  /** Truth for the feed-only entry, the hashtag-only post and the spam page, like `entries`. */
  entries: FixtureEntry[];
  /** Clara's blog and the spam site. */
  blogs: FixtureBlog[];
}

/** The popular call, whose comments span three pages, and the posts around it. */
export interface FixturePopular {
  callUrl: string;
  /** Its comment feed: the newest ten comments, older ones at `?paged=N`. */
  commentFeedUrl: string;
  parade: { title: string; prompt: string; deadline: string; lang: 'de'; hashtag: string };
  /** The comment pages in order, oldest first, as the pagination links them (the newest is the call's own address). */
  commentPageUrls: string[];
  /** For each comment page: the entries its pingbacks and comment texts lead to. */
  entryUrlsByPage: string[][];
  /** Greta's blog: her website in her "Ich bin dabei" comment; its feed carries excerpts only. */
  teaserBlogHome: string;
  teaserFeedUrl: string;
  /** Greta's entry: it links the call, but its feed item is only a teaser and no comment links it. */
  teaserEntryUrl: string;
  /** Greta's other post while the parade runs: no link to the call. */
  windowUnrelatedUrl: string;
  /** Greta's post from before the call. */
  outsideWindowUrl: string;
  /** Truth for every post around the popular call but the one before the window. */
  entries: FixtureEntry[];
  blogs: FixtureBlog[];
}

export interface FixtureRequest {
  method: string;
  path: string;
  /** The query string, with its `?`, or ''. */
  search: string;
  /** Sent If-None-Match or If-Modified-Since. */
  conditional: boolean;
  status: number;
}

export interface FixtureSite {
  origin: string;
  callUrl: string;
  /** The call post's comment feed (three comments, two pingbacks). */
  commentFeedUrl: string;
  /** The host blog's main feed. */
  feedUrl: string;
  parade: { title: string; prompt: string; deadline: string; lang: 'de'; hashtag: string };
  /** Participant entries that tests and the demo register; the discovery-only pages are under `discovery`. */
  entries: FixtureEntry[];
  blogs: FixtureBlog[];
  discovery: FixtureDiscovery;
  popular: FixturePopular;
  url(path: string): string;
  hits(path: string): number;
  /** Every request answered since the start or the last `clearRequests()`, in order. */
  requests(): FixtureRequest[];
  clearRequests(): void;
  setStatus(path: string, status: number | null): void;
  /** The host pastes korso's snippet into a call post (the main call unless named): a link to the parade's page (null takes it out). */
  linkParade(paradeUrl: string | null, callUrl?: string): void;
  close(): Promise<void>;
}

export interface FixtureSiteOptions {
  port?: number;
  host?: string;
  /** "Now" for publication dates and the deadline; defaults to the real clock. */
  now?: Date;
  /** How long `/slow` waits before answering; 5 s unless a test says otherwise. */
  slowMs?: number;
}

interface Reply {
  status?: number;
  type: string;
  body: string | Buffer;
  lastModified?: Date;
  headers?: Record<string, string>;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const slowPage =
  '<!DOCTYPE html>\n<html lang="de"><head><meta charset="utf-8"><title>Endlich – Langsame Seite</title></head><body><p>Das hat gedauert.</p></body></html>\n';

function timeOf(t: PostTime, day0: number): Date {
  const [h = 0, min = 0] = t.at.split(':').map(Number);
  return new Date(day0 - t.daysAgo * DAY + (h * 60 + min) * MINUTE);
}

function listTruth(list: ListContent, deadline: string): FixtureList[] {
  const own: FixtureList = {
    ordered: list.style === 'ol' || list.style === 'numbered-headings',
    intro: list.intro === null ? null : plainText(list.intro, { deadline }),
    items: list.items.map((i) => plainText(i.text, { deadline })),
  };
  const nested = list.items.flatMap((i) =>
    i.children ? listTruth({ ...i.children, intro: i.children.intro ?? i.text }, deadline) : [],
  );
  return [own, ...nested];
}

function pathOf(post: PostContent, published: Date | null): string {
  const d = published ?? new Date(0);
  const path = post.path
    .replaceAll('{yyyy}', String(d.getUTCFullYear()))
    .replaceAll('{mm}', String(d.getUTCMonth() + 1).padStart(2, '0'));
  return `${post.blog.base}${path}`;
}

// A flat-colour PNG, so images in pages and `/not-html` are real pictures without binary fixtures.
function png(width: number, height: number, rgb: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const byte of buf) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function imageFor(path: string): Buffer {
  const h = createHash('sha1').update(path).digest();
  return png(64, 36, [160 + ((h[0] ?? 0) % 80), 130 + ((h[1] ?? 0) % 80), 100 + ((h[2] ?? 0) % 80)]);
}

function normalizePath(pathOrUrl: string): string {
  return /^https?:\/\//i.test(pathOrUrl) ? new URL(pathOrUrl).pathname : (pathOrUrl.split(/[?#]/)[0] ?? '/');
}

/** Starts the offline blog world on loopback: the call, its feeds, and every participant's blog. */
export async function startFixtureSite(opts: FixtureSiteOptions = {}): Promise<FixtureSite> {
  const host = opts.host ?? '127.0.0.1';
  const now = opts.now ?? new Date();
  const slowMs = opts.slowMs ?? 5000;
  const day0 = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  // 21:59:59 UTC is still the same calendar day in Berlin, summer or winter.
  const deadline = new Date(day0 + paradeContent.deadlineDays * DAY + DAY - 2 * 60 * MINUTE - 1000);
  const deadlineText = germanDate(deadline);
  const popularDeadline = new Date(day0 + popularParade.deadlineDays * DAY + DAY - 2 * 60 * MINUTE - 1000);

  const routes = new Map<string, (url: URL) => Reply>();
  const requestLog: FixtureRequest[] = [];
  const hitCounts = new Map<string, number>();
  const forced = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const abs = (p: string) => resolveHref(p, origin);
  const md = (s: string) => renderInline(s, { origin, deadline: deadlineText });
  const plain = (s: string) => plainText(s, { deadline: deadlineText });

  const published = new Map<PostContent, Date | null>();
  const urls = new Map<PostContent, string>();
  const allPosts: PostContent[] = [
    callPost,
    olderHostPost,
    ...entryContents,
    ...discoveryPosts,
    popularCall,
    ...popularPosts,
  ];
  for (const post of allPosts) {
    const date = post.time ? timeOf(post.time, day0) : null;
    published.set(post, date);
    urls.set(post, abs(pathOf(post, date)));
  }
  const urlOf = (post: PostContent) => urls.get(post) ?? origin;
  const callUrl = urlOf(callPost);
  // Call pages whose host pasted korso's snippet, by path: the link to their parade.
  const paradeLinks = new Map<string, string>();
  const commentFeedUrl = `${callUrl}feed/`;
  const calls = [callPost, popularCall];
  const commentFeedOf = (post: PostContent) => (calls.includes(post) ? `${urlOf(post)}feed/` : null);
  const pingbackSources = [...entryContents, ...discoveryPosts, ...popularPosts];

  const blogModel = (b: BlogContent, layout: keyof typeof layouts): BlogModel => {
    const link = (l: { text: string; href?: string }) => linkOf(l, b.base, origin);
    return {
      id: b.id,
      name: b.name,
      tagline: b.tagline,
      owner: b.owner,
      about: b.about ?? null,
      home: abs(b.base),
      feed: abs(`${b.base}feed/`),
      menu: b.menu.map(link),
      widgets: b.widgets.map((w) => ({ title: w.title, links: w.links.map(link) })),
      categories: b.categories.map((c) => ({
        text: c,
        url: abs(`${b.base}${layouts[layout].termPath('category', c)}`),
      })),
      footer: b.footer.map(link),
    };
  };

  let nextCommentId = 17;
  const commentsOf = (post: PostContent): CommentModel[] =>
    (post.comments ?? [])
      .map((c: CommentContent) => ({ c, date: timeOf(c.time, day0) }))
      .sort((a, b) => a.date.getTime() - b.date.getTime())
      .map(({ c, date }) => {
        const id = nextCommentId;
        // Gaps, as spam and deleted comments leave them in a real blog's ids.
        nextCommentId += 1 + (id % 3);
        if (c.kind === 'pingback') {
          const from = pingbackSources.find((e) => e.key === c.from);
          return {
            id,
            kind: 'pingback' as const,
            author: from ? `${from.title} – ${from.blog.name}` : c.from,
            authorUrl: from ? urlOf(from) : null,
            date,
            html: `<p>${md(c.text)}</p>`,
            text: plain(c.text),
          };
        }
        return {
          id,
          kind: 'comment' as const,
          author: c.author,
          authorUrl: c.authorUrl ? abs(c.authorUrl) : null,
          date,
          html: c.text
            .split('\n\n')
            .map((para) => `<p>${md(para)}</p>`)
            .join('\n'),
          text: plain(c.text),
        };
      });

  const models = new Map<PostContent, PageModel>();
  for (const post of allPosts) {
    const layout = layouts[post.layout];
    const blog = blogModel(post.blog, post.layout);
    const term = (kind: 'category' | 'tag') => (text: string) => ({
      text,
      url: abs(`${post.blog.base}${layout.termPath(kind, text)}`),
    });
    models.set(post, {
      origin,
      url: urlOf(post),
      blog,
      post: {
        id: post.postId,
        title: post.title,
        excerpt: plain(post.excerpt),
        author: post.author,
        published: published.get(post) ?? null,
        image: abs(post.image),
        imageAlt: post.imageAlt,
        categories: post.categories.map(term('category')),
        tags: post.tags.map(term('tag')),
        blocks: post.blocks,
        related: (post.related ?? []).map((text) => linkOf({ text }, post.blog.base, origin)),
      },
      comments: commentsOf(post),
      recent: post.blog.recent.map((l) => linkOf(l, post.blog.base, origin)),
      callUrl,
      commentFeedUrl: commentFeedOf(post),
      now,
      md,
      href: abs,
    });
  }
  const modelOf = (post: PostContent) => models.get(post)!;

  // WordPress comment pages: oldest first, `comment-page-N/`; the post's own address shows the newest or the first.
  const commentPagesOf = (post: PostContent): PageModel[] => {
    const m = modelOf(post);
    const split = post.commentPages;
    if (!split) return [m];
    const total = Math.max(1, Math.ceil(m.comments.length / split.perPage));
    const shown = split.shown === 'newest' ? total : 1;
    const url = (n: number) => (n === shown ? `${m.url}#comments` : `${m.url}comment-page-${n}/#comments`);
    return Array.from({ length: total }, (_, i) => ({
      ...m,
      comments: m.comments.slice(i * split.perPage, (i + 1) * split.perPage),
      commentPage: { current: i + 1, total, count: m.comments.length, url },
    }));
  };
  const shownPage = (post: PostContent): PageModel => {
    const pages = commentPagesOf(post);
    return post.commentPages?.shown === 'oldest' ? pages[0]! : pages.at(-1)!;
  };

  const html = (body: string, lastModified?: Date): Reply => ({
    type: 'text/html; charset=UTF-8',
    body,
    ...(lastModified ? { lastModified } : {}),
  });
  const rss = (body: string): Reply => ({
    type: 'application/rss+xml; charset=UTF-8',
    body,
    lastModified: now,
  });

  const feedItem = (post: PostContent): FeedItem => {
    const m = modelOf(post);
    const commentRss = commentFeedOf(post);
    return {
      title: post.title,
      link: m.url,
      guid: post.layout.startsWith('wordpress') ? `${m.blog.home}?p=${post.postId}` : m.url,
      guidIsPermaLink: !post.layout.startsWith('wordpress'),
      creator: post.author,
      published: m.post.published,
      categories: [...post.categories, ...post.tags],
      description: m.post.excerpt,
      ...(post.blog.feedExcerptOnly ? {} : { html: layouts[post.layout].renderContent(m) }),
      ...(post.layout.startsWith('wordpress')
        ? { comments: `${m.url}#respond`, commentCount: m.comments.length }
        : {}),
      ...(commentRss ? { commentRss } : {}),
    };
  };

  const blogFeed = (blog: BlogContent, posts: PostContent[]) => () => {
    const first = posts[0];
    const m = blogModel(blog, first?.layout ?? 'wordpress-classic');
    return rss(
      renderRss({
        title: blog.name,
        link: m.home,
        selfUrl: m.feed,
        description: blog.tagline,
        lastBuild: new Date(Math.max(0, ...posts.map((p) => (published.get(p) ?? now).getTime()))),
        generator: first ? layouts[first.layout].generator : 'WordPress',
        items: posts.map(feedItem),
      }),
    );
  };

  const blogHome = (blog: BlogContent, posts: PostContent[]) => () =>
    html(
      renderBlogHome(
        blogModel(blog, posts[0]?.layout ?? 'wordpress-classic'),
        posts.map((p) => ({
          title: p.title,
          url: urlOf(p),
          excerpt: plain(p.excerpt),
          author: p.author,
          published: published.get(p) ?? null,
        })),
        now,
      ),
    );

  const hostPosts = [callPost, olderHostPost];
  routes.set('/robots.txt', () => ({ type: 'text/plain; charset=UTF-8', body: 'User-agent: *\nAllow: /\n' }));
  routes.set(hostBlog.base, blogHome(hostBlog, hostPosts));
  routes.set(`${hostBlog.base}feed/`, blogFeed(hostBlog, hostPosts));
  routes.set(popularHostBlog.base, blogHome(popularHostBlog, [popularCall]));
  routes.set(`${popularHostBlog.base}feed/`, blogFeed(popularHostBlog, [popularCall]));
  routes.set('/not-html', () => ({ type: 'image/png', body: imageFor('/not-html') }));
  for (const post of [...hostPosts, popularCall]) {
    const render = (page: PageModel) => () =>
      html(layouts[post.layout].renderPage(page), published.get(post) ?? now);
    routes.set(normalizePath(urlOf(post)), render(shownPage(post)));
    if (post.commentPages) {
      for (const page of commentPagesOf(post)) {
        routes.set(`${normalizePath(urlOf(post))}comment-page-${page.commentPage!.current}/`, render(page));
      }
    }
  }
  // WordPress comment feeds carry the newest ten comments; `?paged=N` goes back, past the end is a 404.
  const commentFeed =
    (post: PostContent) =>
    (url: URL): Reply => {
      const m = modelOf(post);
      const feedUrl = commentFeedOf(post)!;
      const paged = Math.max(1, Number(url.searchParams.get('paged') ?? 1) || 1);
      const newest = [...m.comments].reverse().slice((paged - 1) * 10, paged * 10);
      if (paged > 1 && newest.length === 0) return statusReply(404);
      const items = newest.map(
        (c): FeedItem => ({
          title: `Von: ${c.author}`,
          link: `${m.url}#comment-${c.id}`,
          guid: `${m.blog.home}?p=${post.postId}#comment-${c.id}`,
          guidIsPermaLink: false,
          creator: c.author,
          published: c.date,
          categories: [],
          description: c.text,
          html: c.html,
        }),
      );
      return rss(
        renderRss({
          title: `Kommentare zu: ${post.title}`,
          link: m.url,
          selfUrl: feedUrl,
          description: post.blog.tagline,
          lastBuild: m.comments.at(-1)?.date ?? now,
          generator: layouts[post.layout].generator,
          items,
        }),
      );
    };
  for (const post of calls) routes.set(normalizePath(commentFeedOf(post)!), commentFeed(post));

  for (const blog of participantBlogs) {
    const posts = entryContents.filter((e) => e.blog === blog);
    routes.set(blog.base, blogHome(blog, posts));
    routes.set(`${blog.base}feed/`, blogFeed(blog, posts));
  }
  const newestFirst = (posts: PostContent[]) =>
    [...posts].sort((a, b) => (published.get(b)?.getTime() ?? 0) - (published.get(a)?.getTime() ?? 0));
  for (const blog of discoveryBlogs) {
    const posts = newestFirst(discoveryPosts.filter((p) => p.blog === blog));
    routes.set(blog.base, blogHome(blog, posts));
    routes.set(`${blog.base}feed/`, blogFeed(blog, posts));
  }
  for (const blog of popularBlogs) {
    const posts = newestFirst(popularPosts.filter((p) => p.blog === blog));
    routes.set(blog.base, blogHome(blog, posts));
    routes.set(`${blog.base}feed/`, blogFeed(blog, posts));
  }
  for (const entry of [...entryContents, ...discoveryPosts, ...popularPosts]) {
    const render = () => layouts[entry.layout].renderPage(modelOf(entry));
    routes.set(normalizePath(urlOf(entry)), () =>
      entry.charset === 'windows-1252'
        ? {
            type: 'text/html; charset=windows-1252',
            body: iconv.encode(render(), 'win1252'),
            lastModified: published.get(entry) ?? now,
          }
        : html(render(), published.get(entry) ?? now),
    );
  }

  function send(req: IncomingMessage, res: ServerResponse, reply: Reply): void {
    const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body;
    const status = reply.status ?? 200;
    const url = new URL(req.url ?? '/', origin);
    const entry: FixtureRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      search: url.search,
      conditional:
        req.headers['if-none-match'] !== undefined || req.headers['if-modified-since'] !== undefined,
      status,
    };
    requestLog.push(entry);
    const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`;
    const headers: Record<string, string> = {
      'Content-Type': reply.type,
      'Content-Length': String(body.length),
      ...reply.headers,
    };
    if (status === 200) {
      headers.ETag = etag;
      if (reply.lastModified) headers['Last-Modified'] = reply.lastModified.toUTCString();
      const since = req.headers['if-modified-since'];
      const notModified =
        req.headers['if-none-match'] === etag ||
        (!req.headers['if-none-match'] &&
          since !== undefined &&
          reply.lastModified !== undefined &&
          Date.parse(since) >= Math.floor(reply.lastModified.getTime() / 1000) * 1000);
      if (notModified) {
        entry.status = 304;
        res.writeHead(304, { ETag: etag });
        res.end();
        return;
      }
    }
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  function statusReply(status: number, headers?: Record<string, string>): Reply {
    return {
      status,
      type: 'text/html; charset=UTF-8',
      body: renderStatusPage(status, origin),
      ...(headers ? { headers } : {}),
    };
  }

  function reply(req: IncomingMessage, url: URL): Reply {
    const path = url.pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') return statusReply(405, { Allow: 'GET, HEAD' });
    const status = forced.get(path);
    if (status !== undefined) return statusReply(status);
    const route = routes.get(path);
    const paradeLink = paradeLinks.get(path);
    if (route && paradeLink !== undefined) {
      const page = route(url);
      const snippet = `<p>Alle Beiträge dieser Blogparade sammelt <a href="${paradeLink}">korso</a>.</p>`;
      const body = String(page.body);
      // The host writes the paragraph into the post itself: the end of the first article (the
      // comments, articles of their own, follow it), not into a comment.
      const at = body.indexOf('</article>') >= 0 ? body.indexOf('</article>') : body.lastIndexOf('</body>');
      return { ...page, body: `${body.slice(0, at)}${snippet}${body.slice(at)}` };
    }
    if (route) return route(url);
    // WordPress and friends redirect to the canonical trailing slash.
    if (!path.endsWith('/') && routes.has(`${path}/`)) {
      return statusReply(301, { Location: `${origin}${path}/${url.search}` });
    }
    if (path.endsWith('.png')) return { type: 'image/png', body: imageFor(path) };
    return statusReply(404);
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', origin);
    hitCounts.set(url.pathname, (hitCounts.get(url.pathname) ?? 0) + 1);
    if (url.pathname !== '/slow' || forced.has('/slow')) {
      send(req, res, reply(req, url));
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      send(req, res, html(slowPage));
    }, slowMs);
    timers.add(timer);
    res.on('close', () => {
      clearTimeout(timer);
      timers.delete(timer);
    });
  }

  const truthOf = (e: EntryContent): FixtureEntry => {
    const m = modelOf(e);
    return {
      path: normalizePath(m.url),
      url: m.url,
      title: e.title,
      author: e.author,
      published: m.post.published?.toISOString() ?? null,
      layout: e.layout,
      linksCall: e.linksCall,
      lists: e.blocks.flatMap((b) => (b.kind === 'list' ? listTruth(b.list, deadlineText) : [])),
      blog: e.blog.id,
      charset: e.charset ?? 'utf-8',
      feedUrl: abs(`${e.blog.base}feed/`),
    };
  };
  const entries = entryContents.map(truthOf);

  const blogOf = (b: BlogContent, posts: PostContent[]): FixtureBlog => ({
    id: b.id,
    name: b.name,
    home: abs(b.base),
    feed: abs(`${b.base}feed/`),
    entries: posts.map(urlOf),
  });
  const blogs: FixtureBlog[] = [hostBlog, ...participantBlogs].map((b) =>
    blogOf(b, b === hostBlog ? hostPosts : entryContents.filter((e) => e.blog === b)),
  );

  const byRole = (role: DiscoveryRole) => discoveryPosts.find((p) => p.role === role)!;
  const linkingEntries = new Set(
    [...entryContents, ...discoveryPosts].filter((e) => e.linksCall === 'content').map(urlOf),
  );
  const callComments = callPost.comments ?? [];
  const commenter = byRole('feed-entry').blog;
  const discovery: FixtureDiscovery = {
    commenterBlogHome: abs(commenter.base),
    commenterFeedUrl: abs(`${commenter.base}feed/`),
    feedOnlyEntryUrl: urlOf(byRole('feed-entry')),
    hashtagOnlyUrl: urlOf(byRole('hashtag-only')),
    unrelatedPostUrl: urlOf(byRole('unrelated')),
    spamPingbackUrl: urlOf(byRole('spam-pingback')),
    pingbackEntryUrls: callComments
      .flatMap((c) =>
        c.kind === 'pingback' ? [...entryContents, ...discoveryPosts].filter((e) => e.key === c.from) : [],
      )
      .map(urlOf)
      .filter((u) => linkingEntries.has(u)),
    commentLinkedEntryUrls: callComments
      .flatMap((c) =>
        c.kind === 'comment' ? [...c.text.matchAll(/\]\(([^)\s]+)\)/g)].map((l) => abs(l[1]!)) : [],
      )
      .filter((u) => linkingEntries.has(u)),
    commenterSites: callComments.flatMap((c) =>
      c.kind === 'comment' && c.authorUrl ? [abs(c.authorUrl)] : [],
    ),
    entries: discoveryPosts.filter((p) => p.role !== 'unrelated').map(truthOf),
    blogs: discoveryBlogs.map((b) => blogOf(b, newestFirst(discoveryPosts.filter((p) => p.blog === b)))),
  };

  const popularOf = (role: PopularRole) => popularPosts.filter((p) => p.role === role);
  const popularPages = commentPagesOf(popularCall);
  const popularCallUrl = urlOf(popularCall);
  const popular: FixturePopular = {
    callUrl: popularCallUrl,
    commentFeedUrl: commentFeedOf(popularCall)!,
    parade: {
      title: popularParade.title,
      prompt: popularParade.prompt,
      deadline: popularDeadline.toISOString(),
      lang: popularParade.lang,
      hashtag: popularParade.hashtag,
    },
    commentPageUrls: popularPages.map((p) =>
      p.commentPage!.url(p.commentPage!.current).replace(/#comments$/, ''),
    ),
    entryUrlsByPage: popularPages.map((page) =>
      page.comments.flatMap((c) => {
        const linked =
          c.kind === 'pingback'
            ? [c.authorUrl ?? '']
            : [...c.html.matchAll(/href="([^"]+)"/g)].map((l) => l[1]!);
        return linked.filter((u) => popularPosts.some((p) => p.linksCall === 'content' && urlOf(p) === u));
      }),
    ),
    teaserBlogHome: abs(popularOf('teaser-entry')[0]!.blog.base),
    teaserFeedUrl: abs(`${popularOf('teaser-entry')[0]!.blog.base}feed/`),
    teaserEntryUrl: urlOf(popularOf('teaser-entry')[0]!),
    windowUnrelatedUrl: urlOf(popularOf('window-unrelated')[0]!),
    outsideWindowUrl: urlOf(popularOf('outside-window')[0]!),
    entries: popularPosts.filter((p) => p.role !== 'outside-window').map(truthOf),
    blogs: popularBlogs.map((b) => blogOf(b, newestFirst(popularPosts.filter((p) => p.blog === b)))),
  };

  return {
    origin,
    callUrl,
    commentFeedUrl,
    feedUrl: abs(`${hostBlog.base}feed/`),
    parade: {
      title: paradeContent.title,
      prompt: paradeContent.prompt,
      deadline: deadline.toISOString(),
      lang: paradeContent.lang,
      hashtag: paradeContent.hashtag,
    },
    entries,
    blogs,
    discovery,
    popular,
    url: (p) => (/^https?:\/\//i.test(p) ? p : `${origin}${p.startsWith('/') ? '' : '/'}${p}`),
    hits: (p) => hitCounts.get(normalizePath(p)) ?? 0,
    requests: () => requestLog.map((r) => ({ ...r })),
    clearRequests: () => {
      requestLog.length = 0;
    },
    linkParade: (url, call = callUrl) => {
      if (url === null) paradeLinks.delete(normalizePath(call));
      else paradeLinks.set(normalizePath(call), url);
    },
    setStatus: (p, s) => {
      if (s === null) forced.delete(normalizePath(p));
      else forced.set(normalizePath(p), s);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
