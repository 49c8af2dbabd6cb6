import { type Context, Hono } from 'hono';
import type { AppContext } from '../context.js';
import { verifyCall } from '../parades/call-ownership.js';
import { createParade, ParadeExists, registerEntry, rotateAdminToken } from '../parades/parade-service.js';
import { renderReason } from '../reasons/catalog.js';
import { listEntries } from '../store/entry-repository.js';
import { findParadeBySlug, listParades, type Parade, setParadeClosed } from '../store/parade-repository.js';
import { discoveryOverview } from './admin-pages.js';
import type { AppHooks } from './hooks.js';
import { setRequestLang } from './page-lang.js';
import { paradeOr404 } from './parade-pages.js';
import { discoveryJson, entryJson, nextStepsJson, paradeJson } from './presenters.js';
import type { RateLimits } from './rate-limit.js';
import { bearerToken, hostProof, requireHost } from './session.js';
import { closeJsonSchema, createParadeSchema, entrySchema, jsonInput } from './validation.js';

export function apiRoutes(ctx: AppContext, limits: RateLimits, hooks: AppHooks = {}) {
  const app = new Hono();
  const base = ctx.config.baseUrl;

  const paradeFor = async (c: Context): Promise<Parade> => {
    const parade = await paradeOr404(ctx, c.req.param('slug') ?? '');
    setRequestLang(c, parade.lang);
    return parade;
  };

  app.get('/parades', async (c) => {
    const parades = await listParades(ctx.db, { listedOnly: true });
    return c.json({
      parades: parades.map((p) => ({ ...paradeJson(p, base), liveEntries: p.liveCount })),
    });
  });

  app.post('/parades', jsonInput(createParadeSchema), async (c) => {
    const input = c.req.valid('json');
    setRequestLang(c, input.lang);
    await limits.create(c);
    try {
      const created = await createParade(ctx, { ...input, prefill: true });
      c.header('Cache-Control', 'no-store');
      return c.json(
        {
          parade: paradeJson(created.parade, base),
          adminUrl: created.adminUrl,
          adminToken: created.adminToken,
          next: nextStepsJson(created.parade, base),
        },
        201,
      );
    } catch (error) {
      if (!(error instanceof ParadeExists)) throw error;
      const lang = input.lang ?? error.parade.lang;
      return c.json(
        {
          error: renderReason(error.reason, lang),
          code: error.reason.code,
          params: error.reason.params ?? {},
          field: 'callUrl',
          parade: paradeJson(error.parade, base),
        },
        409,
      );
    }
  });

  app.get('/parades/:slug', async (c) => {
    const parade = await paradeFor(c);
    const isAdmin = bearerToken(c) !== undefined && (await requireHost(c, ctx, limits, parade)) === 'token';
    if (isAdmin) c.header('Cache-Control', 'no-store');
    const entries = await listEntries(
      ctx.db,
      parade.id,
      isAdmin ? {} : { statuses: ['live', 'pending', 'unverified', 'failing', 'gone'] },
    );
    const discovery = isAdmin ? discoveryJson(await discoveryOverview(ctx, parade.id)) : undefined;
    return c.json({
      parade: paradeJson(parade, base, isAdmin),
      entries: entries.map((e) => entryJson(e, parade.lang)),
      discovery,
    });
  });

  app.post('/parades/:slug/entries', jsonInput(entrySchema), async (c) => {
    const parade = await paradeFor(c);
    const { url } = c.req.valid('json');
    // The host, with their token, registers entries on their own parade without limits.
    if ((await hostProof(c, ctx, parade)) !== 'token') await limits.submission(c, 'entry', parade.id, url);
    const { entry, created } = await registerEntry(ctx, parade, url, 'api');
    if (created) hooks.onEntryAdded?.();
    const json = entryJson({ ...entry, lists: [], roads: [] }, parade.lang);
    return c.json(
      {
        entry: { url: json.url, status: json.status, reason: json.reason, reasonCode: json.reasonCode, reasonParams: json.reasonParams, created },
        statusUrl: `${base}/api/parades/${parade.slug}`,
      },
      202,
    );
  });

  app.post('/parades/:slug/token', async (c) => {
    const parade = await paradeFor(c);
    await requireHost(c, ctx, limits, parade);
    const rotated = await rotateAdminToken(ctx, parade);
    c.header('Cache-Control', 'no-store');
    return c.json({ adminUrl: rotated.adminUrl, adminToken: rotated.adminToken });
  });

  app.post('/parades/:slug/close', jsonInput(closeJsonSchema), async (c) => {
    const parade = await paradeFor(c);
    await requireHost(c, ctx, limits, parade);
    const { closed } = c.req.valid('json');
    await setParadeClosed(ctx.db, parade.id, closed, ctx.clock.now().toISOString());
    ctx.log.info('parade.closed', { parade: parade.slug, status: closed ? 'close' : 'reopen' });
    const fresh = (await findParadeBySlug(ctx.db, parade.slug)) ?? parade;
    return c.json({ parade: paradeJson(fresh, base, true) });
  });

  app.post('/parades/:slug/verify', async (c) => {
    const parade = await paradeFor(c);
    await requireHost(c, ctx, limits, parade);
    const check = await verifyCall(ctx, parade);
    const fresh = (await findParadeBySlug(ctx.db, parade.slug)) ?? parade;
    return c.json({
      verified: fresh.call_verified_at !== null,
      reason: renderReason(check.why, parade.lang),
      reasonCode: check.why.code,
      reasonParams: check.why.params ?? {},
      parade: paradeJson(fresh, base, true),
    });
  });

  return app;
}
