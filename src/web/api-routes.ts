import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppContext } from '../context.js';
import { createParade, InputError, registerEntry, tokenMatches } from '../parades/parade-service.js';
import { normalizeUrl } from '../sanitize/index.js';
import { countEntriesByStatus, findEntryByUrl, listEntriesByIds } from '../store/entry-repository.js';
import {
  directoryPage,
  type EntryCursor,
  entryPageAfter,
  listsOfEntries,
  roadsOfEntries,
} from '../store/listing-repository.js';
import { findParadeBySlug, type Parade } from '../store/parade-repository.js';
import { discoveryOverview } from './admin-pages.js';
import type { AppHooks } from './hooks.js';
import { CACHE_CONTROL, type PageCache } from './page-cache.js';
import { pageParam } from './parade-pages.js';
import { discoveryJson, entryJson, paradeJson } from './presenters.js';
import type { SubmissionGuard } from './submission-guard.js';

/** Entries per API page unless ?limit= asks for fewer or more (up to MAX_LIMIT). */
export const API_PAGE = 100;
const MAX_LIMIT = 500;
const PARADES_PAGE = 100;

async function jsonBody(c: { req: { json: () => Promise<unknown> } }): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new InputError('the request body must be JSON');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new InputError('the request body must be a JSON object');
  return body as Record<string, unknown>;
}

function str(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new InputError(`${key} must be a string`, key);
  return value;
}

function bearer(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

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
  throw new InputError('after is not a cursor this API gave out', 'after');
}

function limitParam(raw: string | undefined): number {
  if (raw === undefined) return API_PAGE;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    throw new InputError(`limit must be a whole number from 1 to ${MAX_LIMIT}`, 'limit');
  return limit;
}

export function apiRoutes(ctx: AppContext, pages: PageCache, guard: SubmissionGuard, hooks: AppHooks = {}) {
  const app = new Hono();
  const baseUrl = ctx.config.baseUrl;

  const paradeOr404 = async (slug: string): Promise<Parade> => {
    const parade = await findParadeBySlug(ctx.db, slug);
    if (!parade) throw new HTTPException(404, { message: `no parade "${slug}"` });
    return parade;
  };

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

  app.post('/parades', async (c) => {
    const body = await jsonBody(c);
    const created = await createParade(ctx, {
      callUrl: str(body, 'callUrl') ?? '',
      title: str(body, 'title'),
      prompt: str(body, 'prompt'),
      hashtag: str(body, 'hashtag'),
      deadline: str(body, 'deadline'),
      slug: str(body, 'slug'),
      lang: str(body, 'lang'),
    });
    pages.forget(created.parade.slug);
    c.header('Cache-Control', 'no-store');
    return c.json(
      {
        parade: paradeJson(created.parade, baseUrl, ctx.clock.now()),
        adminUrl: created.adminUrl,
        adminToken: created.adminToken,
      },
      201,
    );
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
      parade: paradeJson(parade, baseUrl, now),
      counts,
      entries: page.map((r) =>
        entryJson({ ...r, lists: lists.get(r.id) ?? [] }, parade, roads.get(r.id) ?? [], { admin: opts.admin }),
      ),
      next: rows.length > opts.limit ? `${baseUrl}/api/parades/${parade.slug}?${query}` : null,
    };
  };

  app.get('/parades/:slug', async (c) => {
    const slug = c.req.param('slug');
    const after = decodeCursor(c.req.query('after'));
    const limit = limitParam(c.req.query('limit'));
    const token = bearer(c.req.header('Authorization'));
    if (token !== undefined) {
      const parade = await paradeOr404(slug);
      if (!tokenMatches(token, parade.admin_token_hash))
        throw new HTTPException(403, { message: 'the admin token is not valid' });
      const document = await entriesDocument(parade, { admin: true, after, limit });
      const discovery = discoveryJson(await discoveryOverview(ctx, parade.id));
      c.header('Cache-Control', 'no-store');
      return c.json({ ...document, discovery });
    }
    const key = `api?after=${after ? encodeCursor(after) : ''}&limit=${limit}`;
    return pages.respond(c, { slug }, key, CACHE_CONTROL.page, async () => {
      const parade = await paradeOr404(slug);
      const body = JSON.stringify(await entriesDocument(parade, { admin: false, after, limit }));
      return { body, contentType: 'application/json; charset=UTF-8' };
    });
  });

  /** One entry by its address, whatever its status: what a blogger who registered it wants to know. */
  app.get('/parades/:slug/entries', async (c) => {
    const parade = await paradeOr404(c.req.param('slug'));
    const url = c.req.query('url');
    if (!url) throw new InputError('url is required', 'url');
    const normalized = normalizeUrl(url);
    const found = normalized ? await findEntryByUrl(ctx.db, parade.id, normalized) : undefined;
    if (!found || found.status === 'rejected') throw new HTTPException(404, { message: 'no such entry' });
    const [entry] = await listEntriesByIds(ctx.db, [found.id]);
    if (!entry) throw new HTTPException(404, { message: 'no such entry' });
    c.header('Cache-Control', 'no-store');
    return c.json({ entry: entryJson(entry, parade, entry.roads, { admin: false }) });
  });

  app.post('/parades/:slug/entries', async (c) => {
    const parade = await paradeOr404(c.req.param('slug'));
    const body = await jsonBody(c);
    const url = str(body, 'url') ?? '';
    guard.check(c, url);
    const { entry, created } = await registerEntry(ctx, parade, url, 'api');
    if (created) {
      pages.forget(parade.slug);
      hooks.onEntryAdded?.();
    }
    c.header('Cache-Control', 'no-store');
    return c.json(
      {
        entry: { url: entry.url, status: entry.status, reason: entry.reason, created },
        statusUrl: `${baseUrl}/api/parades/${parade.slug}/entries?url=${encodeURIComponent(entry.url)}`,
      },
      202,
    );
  });

  return app;
}
