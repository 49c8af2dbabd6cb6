import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppContext } from '../context.js';
import { createParade, InputError, registerEntry, tokenMatches } from '../parades/parade-service.js';
import { listEntries } from '../store/entry-repository.js';
import { findParadeBySlug, listParades, type Parade } from '../store/parade-repository.js';
import { discoveryOverview } from './admin-pages.js';
import type { AppHooks } from './hooks.js';
import { discoveryJson, entryJson, paradeJson } from './presenters.js';
import type { SubmissionGuard } from './submission-guard.js';

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

export function apiRoutes(ctx: AppContext, guard: SubmissionGuard, hooks: AppHooks = {}) {
  const app = new Hono();

  const paradeOr404 = async (slug: string): Promise<Parade> => {
    const parade = await findParadeBySlug(ctx.db, slug);
    if (!parade) throw new HTTPException(404, { message: `no parade "${slug}"` });
    return parade;
  };

  app.get('/parades', async (c) => {
    const parades = await listParades(ctx.db);
    return c.json({
      parades: parades.map((p) => ({ ...paradeJson(p, ctx.config.baseUrl), liveEntries: p.liveCount })),
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
    return c.json(
      {
        parade: paradeJson(created.parade, ctx.config.baseUrl),
        adminUrl: created.adminUrl,
        adminToken: created.adminToken,
      },
      201,
    );
  });

  app.get('/parades/:slug', async (c) => {
    const parade = await paradeOr404(c.req.param('slug'));
    const token = bearer(c.req.header('Authorization'));
    const isAdmin = token !== undefined && tokenMatches(token, parade.admin_token_hash);
    if (token !== undefined && !isAdmin)
      throw new HTTPException(403, { message: 'the admin token is not valid' });
    const entries = await listEntries(
      ctx.db,
      parade.id,
      isAdmin ? {} : { statuses: ['live', 'pending', 'unverified', 'failing', 'gone'] },
    );
    const discovery = isAdmin ? discoveryJson(await discoveryOverview(ctx, parade.id)) : undefined;
    return c.json({
      parade: paradeJson(parade, ctx.config.baseUrl),
      entries: entries.map(entryJson),
      discovery,
    });
  });

  app.post('/parades/:slug/entries', async (c) => {
    const parade = await paradeOr404(c.req.param('slug'));
    const body = await jsonBody(c);
    const url = str(body, 'url') ?? '';
    guard.check(c, url);
    const { entry, created } = await registerEntry(ctx, parade, url, 'api');
    if (created) hooks.onEntryAdded?.();
    return c.json(
      {
        entry: { url: entry.url, status: entry.status, reason: entry.reason, created },
        statusUrl: `${ctx.config.baseUrl}/api/parades/${parade.slug}`,
      },
      202,
    );
  });

  return app;
}
