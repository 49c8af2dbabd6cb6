import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppContext } from '../context.js';
import { verifyCall } from '../parades/call-ownership.js';
import { InputError } from '../parades/input-error.js';
import {
  changeParadeDetails,
  createParade,
  ParadeExists,
  registerEntry,
  rotateAdminToken,
} from '../parades/parade-service.js';
import { renderReason } from '../reasons/catalog.js';
import { reason } from '../reasons/reason.js';
import { normalizeUrl } from '../sanitize/index.js';
import { countEntriesByStatus, findEntryByUrl, listEntriesByIds } from '../store/entry-repository.js';
import {
  directoryPage,
  type EntryCursor,
  entryPageAfter,
  listsOfEntries,
  roadsOfEntries,
} from '../store/listing-repository.js';
import { findParadeBySlug, type Parade, setParadeClosed } from '../store/parade-repository.js';
import { discoveryOverview } from './admin-pages.js';
import { claimOffer } from './claim-routes.js';
import type { AppHooks } from './hooks.js';
import { CACHE_CONTROL, type PageCache } from './page-cache.js';
import { setRequestLang } from './page-lang.js';
import { pageParam, paradeOr404, requestParade } from './parade-pages.js';
import { discoveryJson, entryJson, nextStepsJson, paradeJson } from './presenters.js';
import type { RateLimits } from './rate-limit.js';
import { bearerToken, hostProof, requireHost } from './session.js';
import {
  closeJsonSchema,
  createParadeSchema,
  entrySchema,
  jsonInput,
  paradeDetailsJsonSchema,
} from './validation.js';

/** Entries per API page unless ?limit= asks for fewer or more (up to MAX_LIMIT). */
export const API_PAGE = 100;
const MAX_LIMIT = 500;
const PARADES_PAGE = 100;

/** An opaque cursor: the last entry of a page in newest-first order. */
export function encodeCursor(cursor: EntryCursor): string {
  return Buffer.from(JSON.stringify([cursor.sortAt, cursor.id])).toString('base64url');
}

export function decodeCursor(raw: string | undefined): EntryCursor | null {
  if (!raw) return null;
  try {
    const [sortAt, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (typeof sortAt === 'string' && Number.isSafeInteger(id)) return { sortAt, id };
  } catch {
    // falls through to the error below
  }
  throw new InputError(reason('input.cursor'), 'after');
}

function limitParam(raw: string | undefined): number {
  if (raw === undefined) return API_PAGE;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    throw new InputError(reason('input.limit', { max: MAX_LIMIT }), 'limit');
  return limit;
}

export function apiRoutes(ctx: AppContext, pages: PageCache, limits: RateLimits, hooks: AppHooks = {}) {
  const app = new Hono();
  const baseUrl = ctx.config.baseUrl;

  const paradeFor = (c: Context): Promise<Parade> => requestParade(ctx, c);

  app.get('/parades', (c) => {
    const page = pageParam(c.req.query('page'));
    return pages.respond(c, 'site', `api/parades?page=${page}`, CACHE_CONTROL.page, async () => {
      const now = ctx.clock.now();
      const { parades, total } = await directoryPage(ctx.db, {
        limit: PARADES_PAGE,
        offset: (page - 1) * PARADES_PAGE,
        now: now.toISOString(),
      });
      const next = page * PARADES_PAGE < total ? `${baseUrl}/api/parades?page=${page + 1}` : null;
      const body = JSON.stringify({
        parades: parades.map((p) => ({ ...paradeJson(p, baseUrl, now), liveEntries: p.liveCount })),
        total,
        next,
      });
      return { body, contentType: 'application/json; charset=UTF-8' };
    });
  });

  app.post('/parades', jsonInput(createParadeSchema), async (c) => {
    const input = c.req.valid('json');
    setRequestLang(c, input.lang);
    await limits.create(c);
    const now = ctx.clock.now();
    try {
      const created = await createParade(ctx, { ...input, prefill: true });
      pages.forget(created.parade.slug);
      c.header('Cache-Control', 'no-store');
      return c.json(
        {
          parade: paradeJson(created.parade, baseUrl, now, true),
          adminUrl: created.adminUrl,
          adminToken: created.adminToken,
          next: nextStepsJson(created.parade, baseUrl),
        },
        201,
      );
    } catch (error) {
      if (!(error instanceof ParadeExists)) throw error;
      const lang = input.lang ?? error.parade.lang;
      c.header('Cache-Control', 'no-store');
      return c.json(
        {
          error: renderReason(error.reason, lang),
          code: error.reason.code,
          params: error.reason.params ?? {},
          field: 'callUrl',
          parade: paradeJson(error.parade, baseUrl, now),
          ...claimOffer(baseUrl, error.parade),
        },
        409,
      );
    }
  });

  /** A page of entries with lists and roads: four queries whatever the parade's size. */
  const entriesDocument = async (
    parade: Parade,
    opts: { admin: boolean; after: EntryCursor | null; limit: number },
  ) => {
    const now = ctx.clock.now();
    const [counts, rows] = await Promise.all([
      countEntriesByStatus(ctx.db, parade.id),
      entryPageAfter(ctx.db, parade.id, opts.admin ? null : ['live'], opts.after, opts.limit + 1),
    ]);
    const page = rows.slice(0, opts.limit);
    const ids = page.map((r) => r.id);
    const [lists, roads] = await Promise.all([listsOfEntries(ctx.db, ids), roadsOfEntries(ctx.db, ids)]);
    const last = page[page.length - 1];
    const query = new URLSearchParams();
    if (opts.limit !== API_PAGE) query.set('limit', String(opts.limit));
    if (last) query.set('after', encodeCursor({ sortAt: last.sort_at, id: last.id }));
    return {
      parade: paradeJson(parade, baseUrl, now, opts.admin),
      counts,
      entries: page.map((r) =>
        entryJson({ ...r, lists: lists.get(r.id) ?? [] }, parade, roads.get(r.id) ?? [], {
          admin: opts.admin,
        }),
      ),
      next: rows.length > opts.limit ? `${baseUrl}/api/parades/${parade.slug}?${query}` : null,
    };
  };

  app.get('/parades/:slug', async (c) => {
    const slug = c.req.param('slug');
    const after = decodeCursor(c.req.query('after'));
    const limit = limitParam(c.req.query('limit'));
    if (bearerToken(c) !== undefined) {
      // The host's view: every entry with its reason and the discovery state, never cached.
      const parade = await paradeFor(c);
      await requireHost(c, ctx, limits, parade);
      const document = await entriesDocument(parade, { admin: true, after, limit });
      const discovery = discoveryJson(await discoveryOverview(ctx, parade.id));
      c.header('Cache-Control', 'no-store');
      return c.json({ ...document, discovery });
    }
    const key = `api?after=${after ? encodeCursor(after) : ''}&limit=${limit}`;
    return pages.respond(c, { slug }, key, CACHE_CONTROL.page, async () => {
      const parade = await paradeOr404(ctx, slug);
      const body = JSON.stringify(await entriesDocument(parade, { admin: false, after, limit }));
      return { body, contentType: 'application/json; charset=UTF-8' };
    });
  });

  /** One entry by its address, whatever its status: what a blogger who registered it wants to know. */
  app.get('/parades/:slug/entries', async (c) => {
    const parade = await paradeFor(c);
    const url = c.req.query('url');
    if (!url) throw new InputError(reason('input.required', { field: 'url' }), 'url');
    const normalized = url.length <= 2048 ? normalizeUrl(url) : null;
    const found = normalized ? await findEntryByUrl(ctx.db, parade.id, normalized) : undefined;
    if (!found || found.status === 'rejected') throw new HTTPException(404, { message: 'no such entry' });
    const [entry] = await listEntriesByIds(ctx.db, [found.id]);
    if (!entry) throw new HTTPException(404, { message: 'no such entry' });
    c.header('Cache-Control', 'no-store');
    return c.json({ entry: entryJson(entry, parade, entry.roads, { admin: false }) });
  });

  app.post('/parades/:slug/entries', jsonInput(entrySchema), async (c) => {
    const parade = await paradeFor(c);
    const { url } = c.req.valid('json');
    // The host, with their token, registers entries on their own parade without limits.
    if ((await hostProof(c, ctx, parade)) !== 'token') await limits.submission(c, 'entry', parade.id, url);
    const { entry, created } = await registerEntry(ctx, parade, url, 'api');
    if (created) {
      pages.forget(parade.slug);
      hooks.onEntryAdded?.();
    }
    const json = entryJson({ ...entry, lists: [] }, parade, [], { admin: false });
    c.header('Cache-Control', 'no-store');
    return c.json(
      {
        entry: {
          url: json.url,
          status: json.status,
          reason: json.reason,
          reasonCode: json.reasonCode,
          reasonParams: json.reasonParams,
          created,
        },
        statusUrl: `${baseUrl}/api/parades/${parade.slug}/entries?url=${encodeURIComponent(entry.url)}`,
      },
      202,
    );
  });

  // The host corrects the parade's details: only the fields named change, null clears one.
  app.patch('/parades/:slug', jsonInput(paradeDetailsJsonSchema), async (c) => {
    const parade = await paradeFor(c);
    await requireHost(c, ctx, limits, parade);
    const fresh = await changeParadeDetails(ctx, parade, c.req.valid('json'));
    pages.forget(parade.slug);
    c.header('Cache-Control', 'no-store');
    return c.json({ parade: paradeJson(fresh, baseUrl, ctx.clock.now(), true) });
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
    pages.forget(parade.slug);
    ctx.log.info('parade.closed', { parade: parade.slug, status: closed ? 'close' : 'reopen' });
    const fresh = (await findParadeBySlug(ctx.db, parade.slug)) ?? parade;
    c.header('Cache-Control', 'no-store');
    return c.json({ parade: paradeJson(fresh, baseUrl, ctx.clock.now(), true) });
  });

  app.post('/parades/:slug/verify', async (c) => {
    const parade = await paradeFor(c);
    await requireHost(c, ctx, limits, parade);
    const check = await verifyCall(ctx, parade);
    pages.forget(parade.slug);
    const fresh = (await findParadeBySlug(ctx.db, parade.slug)) ?? parade;
    c.header('Cache-Control', 'no-store');
    return c.json({
      verified: fresh.call_verified_at !== null,
      reason: renderReason(check.why, parade.lang),
      reasonCode: check.why.code,
      reasonParams: check.why.params ?? {},
      parade: paradeJson(fresh, baseUrl, ctx.clock.now(), true),
    });
  });

  return app;
}
