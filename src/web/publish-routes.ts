import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppContext } from '../context.js';
import {
  type FeedLinks,
  feedUpdated,
  renderAtom,
  renderJsonFeed,
  renderRss,
} from '../publish/feed-renderer.js';
import { opmlBlogs, renderOpml } from '../publish/opml-renderer.js';
import { renderRoundupDocument, renderRoundupMarkdown } from '../publish/roundup-renderer.js';
import { listDiscoverySources } from '../store/discovery-repository.js';
import { listEntries } from '../store/entry-repository.js';
import { findParadeBySlug } from '../store/parade-repository.js';
import { hostOf, publishedEntry, publishedParade } from './presenters.js';

const FEED_SIZE = 200;

/** What a parade publishes: feeds, OPML, the round-up. */
export function publishRoutes(ctx: AppContext) {
  const app = new Hono();

  const load = async (slug: string, limit: number | undefined = FEED_SIZE) => {
    const parade = await findParadeBySlug(ctx.db, slug);
    if (!parade) throw new HTTPException(404, { message: `no parade "${slug}"` });
    const entries = await listEntries(ctx.db, parade.id, { statuses: ['live'], limit });
    const base = `${ctx.config.baseUrl}/p/${parade.slug}`;
    const links: FeedLinks = {
      page: base,
      rss: `${base}/feed.xml`,
      atom: `${base}/atom.xml`,
      json: `${base}/feed.json`,
    };
    return {
      row: parade,
      rows: entries,
      parade: publishedParade(parade, ctx.config.baseUrl, ctx.clock.now()),
      entries: entries.map((e) => publishedEntry(e, parade)),
      links,
    };
  };

  app.get('/:slug/feed.xml', async (c) => {
    const { parade, entries, links } = await load(c.req.param('slug'));
    return c.body(renderRss(parade, entries, links), 200, {
      'Content-Type': 'application/rss+xml; charset=utf-8',
    });
  });

  app.get('/:slug/atom.xml', async (c) => {
    const { parade, entries, links } = await load(c.req.param('slug'));
    return c.body(renderAtom(parade, entries, links), 200, {
      'Content-Type': 'application/atom+xml; charset=utf-8',
    });
  });

  app.get('/:slug/feed.json', async (c) => {
    const { parade, entries, links } = await load(c.req.param('slug'));
    return c.body(renderJsonFeed(parade, entries, links), 200, {
      'Content-Type': 'application/feed+json; charset=utf-8',
    });
  });

  app.get('/:slug/opml.xml', async (c) => {
    const { row, parade, entries, links } = await load(c.req.param('slug'));
    const sources = await listDiscoverySources(ctx.db, row.id);
    const blogs = new Map(opmlBlogs(entries).map((b) => [b.feedUrl, b]));
    for (const s of sources) {
      if (s.kind === 'blog' && s.feed_url && !blogs.has(s.feed_url) && s.last_ok_at) {
        blogs.set(s.feed_url, { title: hostOf(s.url), feedUrl: s.feed_url, siteUrl: s.url });
      }
    }
    const combined = { title: parade.title, feedUrl: links.rss, siteUrl: links.page };
    const opml = renderOpml(parade.title, combined, [...blogs.values()], feedUpdated(parade, entries));
    return c.body(opml, 200, { 'Content-Type': 'text/x-opml; charset=utf-8' });
  });

  app.get('/:slug/roundup.md', async (c) => {
    const { parade, entries } = await load(c.req.param('slug'), undefined);
    return c.body(renderRoundupMarkdown(parade, entries), 200, {
      'Content-Type': 'text/markdown; charset=utf-8',
    });
  });

  app.get('/:slug/roundup.html', async (c) => {
    const { parade, entries } = await load(c.req.param('slug'), undefined);
    return c.html(renderRoundupDocument(parade, entries));
  });

  return app;
}
