import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { routePath } from 'hono/route';
import { sql } from 'kysely';
import type { AppContext } from '../context.js';
import { InputError } from '../parades/parade-service.js';
import { renderCalendar } from '../publish/calendar-renderer.js';
import { listAllParades } from '../store/parade-repository.js';
import { adminPages } from './admin-pages.js';
import { apiRoutes } from './api-routes.js';
import { directoryPages } from './directory-pages.js';
import type { AppHooks } from './hooks.js';
import { mentionRoutes } from './mention-routes.js';
import { CACHE_CONTROL, PageCache } from './page-cache.js';
import { scrapeMetrics } from './metrics-server.js';
import { paradePages } from './parade-pages.js';
import { publishRoutes } from './publish-routes.js';
import { themePages } from './theme-pages.js';
import { FAVICON_SVG } from './views/layout.js';
import { createSubmissionGuard, RateLimited } from './submission-guard.js';

const MAX_BODY = 64 * 1024;

export function createApp(ctx: AppContext, hooks: AppHooks = {}) {
  const app = new Hono();

  // Counted by the matched route pattern, never the raw URL, so label values stay few.
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    ctx.metrics.observeRequest(
      c.req.method,
      routePath(c),
      c.res.status,
      (performance.now() - started) / 1000,
    );
  });
  const limitBody = bodyLimit({
    maxSize: MAX_BODY,
    onError: (c) => c.text('request body too large', 413),
  });
  // Only requests that carry a body are measured: looking for one builds the whole Request object.
  app.use('*', (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next)));
  // Set before the handler runs: headers added to a finished response make Hono copy the response.
  app.use('*', async (c, next) => {
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    // A route that must be framed elsewhere (the embed) replaces this policy.
    c.header(
      'Content-Security-Policy',
      "default-src 'self'; style-src 'unsafe-inline'; img-src * data:; frame-ancestors 'none'",
    );
    await next();
  });

  // Webmention and Pingback discovery (W3C Webmention §3.1.2, Pingback 1.0 §2) on every parade page.
  const webmentionLink = `<${ctx.config.baseUrl}/webmention>; rel="webmention"`;
  const pingback = `${ctx.config.baseUrl}/xmlrpc`;
  app.use('/p/*', async (c, next) => {
    c.header('Link', webmentionLink, { append: true });
    c.header('X-Pingback', pingback);
    await next();
  });

  const guard = createSubmissionGuard(ctx);
  const pages = new PageCache(ctx);

  app.get('/healthz', async (c) => {
    await sql`select 1`.execute(ctx.db);
    return c.json({ ok: true });
  });

  app.get('/metrics', async (c) => {
    return c.body(await scrapeMetrics(ctx), 200, { 'Content-Type': ctx.metrics.contentType });
  });

  const favicon = (c: Context) =>
    c.body(FAVICON_SVG, 200, {
      'Content-Type': 'image/svg+xml',
      'Cache-Control': 'public, max-age=604800, immutable',
    });
  app.get('/favicon.svg', favicon);
  app.get('/favicon.ico', favicon);

  app.get('/calendar.ics', (c) =>
    pages.respond(c, 'site', 'calendar.ics', CACHE_CONTROL.feed, async () => {
      const parades = (await listAllParades(ctx.db)).filter((p) => p.deadline !== null);
      const ics = renderCalendar(
        new URL(ctx.config.baseUrl).host,
        parades.map((p) => ({
          slug: p.slug,
          title: p.title,
          deadline: p.deadline as string,
          url: `${ctx.config.baseUrl}/p/${p.slug}`,
          callUrl: p.call_url,
          lang: p.lang,
          timeZone: p.time_zone,
          updated: p.changed_at ?? p.updated_at,
          sequence: p.change_seq,
        })),
      );
      return { body: ics, contentType: 'text/calendar; charset=utf-8' };
    }),
  );

  app.route('/', directoryPages(ctx, pages));
  app.route('/p', publishRoutes(ctx, pages));
  app.route('/p', paradePages(ctx, pages, guard, hooks));
  app.route('/p', adminPages(ctx, pages));
  app.route('/', themePages(ctx, pages));
  app.route('/api', apiRoutes(ctx, pages, guard, hooks));
  app.route('/', mentionRoutes(ctx, guard, hooks));

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) return c.json({ error: 'not found' }, 404);
    return c.text('not found', 404);
  });

  app.onError((error, c) => {
    const api = c.req.path.startsWith('/api/');
    if (error instanceof InputError) {
      return api
        ? c.json({ error: error.message, field: error.field ?? null }, 400)
        : c.text(error.message, 400);
    }
    if (error instanceof RateLimited) {
      c.header('Retry-After', String(error.retryAfterS));
      return api ? c.json({ error: error.message }, 429) : c.text(error.message, 429);
    }
    if (error instanceof HTTPException) {
      return api ? c.json({ error: error.message }, error.status) : c.text(error.message, error.status);
    }
    ctx.log.error('http.error', {
      path: c.req.path,
      error: error instanceof Error ? error.stack : String(error),
    });
    return api ? c.json({ error: 'internal error' }, 500) : c.text('internal error', 500);
  });

  return app;
}
