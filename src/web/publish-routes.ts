import { Hono } from 'hono';
import type { AppContext } from '../context.js';
import {
  type FeedLinks,
  feedUpdated,
  renderAtom,
  renderJsonFeed,
  renderRss,
} from '../publish/feed-renderer.js';
import { opmlBlogs, type OpmlFeed, renderOpml } from '../publish/opml-renderer.js';
import { renderRoundupDocument, renderRoundupMarkdown } from '../publish/roundup-renderer.js';
import type { PublishedEntry } from '../publish/types.js';
import { listDiscoverySources } from '../store/discovery-repository.js';
import { countEntriesByStatus } from '../store/entry-repository.js';
import {
  allLiveEntries,
  entryPage,
  listsOfEntries,
  listsOfLiveEntries,
} from '../store/listing-repository.js';
import type { Parade } from '../store/parade-repository.js';
import { CACHE_CONTROL, type PageCache, type Rendered } from './page-cache.js';
import { pageCount, pageParam, paradeOr404 } from './parade-pages.js';
import { hostOf, originOf, publishedEntry, publishedParade } from './presenters.js';
import { paradeThemes, publishedThemes } from './theme-data.js';

/** Items per feed document; older entries are on the following pages (RFC 5005 paged feeds). */
export const FEED_SIZE = 50;

type FeedFormat = 'rss' | 'atom' | 'json';

const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/** What a parade publishes: feeds, OPML, the round-up. */
export function publishRoutes(ctx: AppContext, pages: PageCache) {
  const app = new Hono();
  const baseUrl = ctx.config.baseUrl;

  const linksFor = (parade: Parade): FeedLinks => {
    const base = `${baseUrl}/p/${parade.slug}`;
    return { page: base, rss: `${base}/feed.xml`, atom: `${base}/atom.xml`, json: `${base}/feed.json` };
  };

  /** One page of the newest live entries with their lists: three queries whatever the parade's size. */
  const feedPage = async (parade: Parade, page: number) => {
    const counts = await countEntriesByStatus(ctx.db, parade.id);
    const live = counts.live ?? 0;
    const pagesTotal = pageCount(live, FEED_SIZE, page);
    const rows = await entryPage(ctx.db, parade.id, ['live'], {
      limit: FEED_SIZE,
      offset: (page - 1) * FEED_SIZE,
    });
    const lists = await listsOfEntries(
      ctx.db,
      rows.map((r) => r.id),
    );
    const entries = rows.map((r) => publishedEntry({ ...r, lists: lists.get(r.id) ?? [] }, parade));
    return { entries, pagesTotal };
  };

  const feed = (format: FeedFormat, path: string) =>
    app.get(`/:slug/${path}`, (c) => {
      const slug = c.req.param('slug');
      const page = pageParam(c.req.query('page'));
      return pages.respond(
        c,
        { slug },
        `${path}?page=${page}`,
        CACHE_CONTROL.feed,
        async (): Promise<Rendered> => {
          const parade = await paradeOr404(ctx, slug);
          const pub = publishedParade(parade, baseUrl, ctx.clock.now());
          const { entries, pagesTotal } = await feedPage(parade, page);
          const self = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' }[format];
          const pageUrl = (n: number) => `${baseUrl}/p/${parade.slug}/${self}${n === 1 ? '' : `?page=${n}`}`;
          // RFC 5005 paged feed: the first document holds the newest entries, `next` leads to older ones.
          const links: FeedLinks = {
            ...linksFor(parade),
            paging:
              pagesTotal > 1
                ? {
                    first: pageUrl(1),
                    last: pageUrl(pagesTotal),
                    ...(page > 1 ? { previous: pageUrl(page - 1) } : {}),
                    ...(page < pagesTotal ? { next: pageUrl(page + 1) } : {}),
                  }
                : undefined,
          };
          const body =
            format === 'rss'
              ? renderRss(pub, entries, links)
              : format === 'atom'
                ? renderAtom(pub, entries, links)
                : renderJsonFeed(pub, entries, links);
          return { body, contentType: FEED_TYPES[format] };
        },
      );
    });
  feed('rss', 'feed.xml');
  feed('atom', 'atom.xml');
  feed('json', 'feed.json');

  app.get('/:slug/opml.xml', (c) => {
    const slug = c.req.param('slug');
    return pages.respond(c, { slug }, 'opml.xml', CACHE_CONTROL.feed, async () => {
      const parade = await paradeOr404(ctx, slug);
      const pub = publishedParade(parade, baseUrl, ctx.clock.now());
      const [rows, sources] = await Promise.all([
        allLiveEntries(ctx.db, parade.id),
        listDiscoverySources(ctx.db, parade.id),
      ]);
      const entries = rows.map((r) => publishedEntry({ ...r, lists: [] }, parade));
      const blogs = new Map<string, OpmlFeed>(opmlBlogs(entries).map((b) => [b.feedUrl, b]));
      for (const s of sources) {
        if (s.kind === 'blog' && s.feed_url && !blogs.has(s.feed_url) && s.last_ok_at) {
          blogs.set(s.feed_url, { title: hostOf(s.url), feedUrl: s.feed_url, siteUrl: originOf(s.url) });
        }
      }
      const links = linksFor(parade);
      const combined = { title: parade.title, feedUrl: links.rss, siteUrl: links.page };
      const body = renderOpml(parade.title, combined, [...blogs.values()], feedUpdated(pub, entries));
      return { body, contentType: 'text/x-opml; charset=utf-8' };
    });
  });

  /** Every live entry with its lists, oldest first: two queries however many entries there are. */
  const roundupEntries = async (parade: Parade): Promise<PublishedEntry[]> => {
    const [rows, lists] = await Promise.all([
      allLiveEntries(ctx.db, parade.id),
      listsOfLiveEntries(ctx.db, parade.id),
    ]);
    return rows.map((r) => publishedEntry({ ...r, lists: lists.get(r.id) ?? [] }, parade));
  };

  app.get('/:slug/roundup.md', (c) => {
    const slug = c.req.param('slug');
    return pages.respond(c, { slug }, 'roundup.md', CACHE_CONTROL.page, async () => {
      const parade = await paradeOr404(ctx, slug);
      const pub = publishedParade(parade, baseUrl, ctx.clock.now());
      const themes = publishedThemes(await paradeThemes(ctx, pages, slug));
      const body = renderRoundupMarkdown(pub, await roundupEntries(parade), themes);
      return { body, contentType: 'text/markdown; charset=utf-8' };
    });
  });

  app.get('/:slug/roundup.html', (c) => {
    const slug = c.req.param('slug');
    return pages.respond(c, { slug }, 'roundup.html', CACHE_CONTROL.page, async () => {
      const parade = await paradeOr404(ctx, slug);
      const pub = publishedParade(parade, baseUrl, ctx.clock.now());
      const themes = publishedThemes(await paradeThemes(ctx, pages, slug));
      const body = renderRoundupDocument(pub, await roundupEntries(parade), themes);
      return { body, contentType: 'text/html; charset=UTF-8' };
    });
  });

  return app;
}
