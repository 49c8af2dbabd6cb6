import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { routePath } from 'hono/route';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { sql } from 'kysely';
import type { AppContext } from '../context.js';
import { InputError } from '../parades/input-error.js';
import { renderReason } from '../reasons/catalog.js';
import { type Reason, reason } from '../reasons/reason.js';
import { renderCalendar } from '../publish/calendar-renderer.js';
import { isListed, listAllParades } from '../store/parade-repository.js';
import { adminPages } from './admin-pages.js';
import { apiRoutes } from './api-routes.js';
import { claimApi, claimPages } from './claim-routes.js';
import { directoryPages } from './directory-pages.js';
import type { AppHooks } from './hooks.js';
import { mentionRoutes } from './mention-routes.js';
import { CACHE_CONTROL, PageCache } from './page-cache.js';
import { scrapeMetrics } from './metrics-server.js';
import { paradePages } from './parade-pages.js';
import { publishRoutes } from './publish-routes.js';
import { themePages } from './theme-pages.js';
import { FAVICON_SVG } from './views/layout.js';
import { COPY_SCRIPT } from './copy-script.js';
import { originGuard } from './csrf.js';
import { requestLang } from './page-lang.js';
import { createRateLimits, RateLimited } from './rate-limit.js';

const MAX_BODY = 64 * 1024;

/** The app; `pages` is the render cache, shared with the server's front door when it has one. */
export function createApp(ctx: AppContext, hooks: AppHooks = {}, pages: PageCache = new PageCache(ctx)) {
  const app = new Hono();

  const refusal = (c: Context, why: Reason, status: ContentfulStatusCode, field?: string) => {
    const lang = requestLang(c);
    const message = renderReason(why, lang);
    if (c.req.path.startsWith('/api/'))
      return c.json(
        { error: message, code: why.code, params: why.params ?? {}, field: field ?? null },
        status,
      );
    return c.text(message, status);
  };

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
    onError: (c) => refusal(c, reason('input.tooLarge'), 413),
  });
  // Only requests that carry a body are measured: looking for one builds the whole Request object.
  app.use('*', (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBody(c, next),
  );
  // Cross-site posts are refused before anything reads their body (Webmention and Pingback stay open).
  app.use('*', originGuard(ctx));
  // Set before the handler runs: headers added to a finished response make Hono copy the response.
  app.use('*', async (c, next) => {
    c.header('X-Content-Type-Options', 'nosniff');
    // Other sites never see korso's addresses (an admin link's token least of all); its own forms keep their Origin.
    c.header('Referrer-Policy', 'same-origin');
    // No third-party loads from korso's pages: entries' images are not shown, forms post only here.
    // A route that must be framed elsewhere (the embed) replaces this policy.
    c.header(
      'Content-Security-Policy',
      "default-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
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

  const limits = createRateLimits(ctx);

  app.get('/assets/copy.js', (c) =>
    c.body(COPY_SCRIPT, 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=86400',
    }),
  );

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
      const parades = (await listAllParades(ctx.db)).filter((p) => p.deadline !== null && isListed(p));
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

  app.route('/', directoryPages(ctx, pages, limits));
  app.route('/p', publishRoutes(ctx, pages));
  app.route('/p', paradePages(ctx, pages, limits, hooks));
  app.route('/p', adminPages(ctx, pages, limits));
  app.route('/p', claimPages(ctx, pages, limits));
  app.route('/', themePages(ctx, pages));
  app.route('/api', apiRoutes(ctx, pages, limits, hooks));
  app.route('/api', claimApi(ctx, pages, limits));
  app.route('/', mentionRoutes(ctx, limits, hooks));

  app.notFound((c) => refusal(c, reason('http.notFound'), 404));

  app.onError((error, c) => {
    if (error instanceof InputError) {
      if (error.status === 403) c.header('Cache-Control', 'no-store');
      return refusal(c, error.reason, error.status, error.field);
    }
    if (error instanceof RateLimited) {
      c.header('Retry-After', String(error.retryAfterS));
      return refusal(c, reason('rate.limited', { seconds: error.retryAfterS }), 429);
    }
    if (error instanceof HTTPException) {
      // Hono's body validators: a body that is not what its Content-Type says.
      if (error.status === 400 && /JSON/i.test(error.message)) return refusal(c, reason('input.json'), 400);
      if (error.status === 400 && /FormData/i.test(error.message))
        return refusal(c, reason('input.form'), 400);
      return refusal(c, reason('text', { text: error.message }), error.status);
    }
    ctx.log.error('http.error', {
      path: c.req.path,
      error: error instanceof Error ? error.stack : String(error),
    });
    return refusal(c, reason('http.internal'), 500);
  });

  return app;
}
