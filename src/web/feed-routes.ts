import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppContext } from '../context.js';
import { type FeedLinks, renderAtom, renderJsonFeed, renderRss } from '../publish/feed-renderer.js';
import { listEntries } from '../store/entry-repository.js';
import { findParadeBySlug } from '../store/parade-repository.js';
import { publishedEntry, publishedParade } from './presenters.js';

const FEED_SIZE = 200;

export function feedRoutes(ctx: AppContext) {
  const app = new Hono();

  const load = async (slug: string) => {
    const parade = await findParadeBySlug(ctx.db, slug);
    if (!parade) throw new HTTPException(404, { message: `no parade "${slug}"` });
    const entries = await listEntries(ctx.db, parade.id, { statuses: ['live'], limit: FEED_SIZE });
    const base = `${ctx.config.baseUrl}/p/${parade.slug}`;
    const links: FeedLinks = {
      page: base,
      rss: `${base}/feed.xml`,
      atom: `${base}/atom.xml`,
      json: `${base}/feed.json`,
    };
    return { parade: publishedParade(parade), entries: entries.map(publishedEntry), links };
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

  return app;
}
