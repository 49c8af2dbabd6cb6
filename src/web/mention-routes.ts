import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppContext } from '../context.js';
import { PINGBACK_FAULT, PingbackFault, receivePingback, receiveWebmention } from '../discover/mentions.js';
import { faultResponse, methodResponse, parseMethodCall } from '../discover/xmlrpc-codec.js';
import { findEntry } from '../store/entry-repository.js';
import { findMentionByToken } from '../store/mention-repository.js';
import type { AppHooks } from './hooks.js';
import { RateLimited, type SubmissionGuard } from './submission-guard.js';

export function mentionRoutes(ctx: AppContext, guard: SubmissionGuard, hooks: AppHooks = {}) {
  const app = new Hono();

  app.post('/webmention', async (c) => {
    const body = await c.req.parseBody();
    const source = typeof body.source === 'string' ? body.source : '';
    const target = typeof body.target === 'string' ? body.target : '';
    const client = guard.check(c, source);
    const accepted = await receiveWebmention(ctx, { source, target, client });
    hooks.onEntryAdded?.();
    const statusUrl = `${ctx.config.baseUrl}/webmention/${accepted.token}`;
    c.header('Location', statusUrl);
    return c.text(`Accepted: korso will fetch ${source} and verify its link. Status: ${statusUrl}\n`, 202);
  });

  app.get('/webmention/:token', async (c) => {
    const mention = await findMentionByToken(ctx.db, c.req.param('token'));
    if (!mention) throw new HTTPException(404, { message: 'no such webmention' });
    const entry = mention.entry_id ? await findEntry(ctx.db, mention.entry_id) : undefined;
    return c.json({
      source: mention.source,
      target: mention.target,
      received: mention.received_count,
      status: entry?.status ?? 'pending',
      reason: entry?.reason ?? 'waiting for the first fetch',
    });
  });

  app.post('/xmlrpc', async (c) => {
    let call: { method: string; params: unknown[] };
    try {
      call = await parseMethodCall(await c.req.text());
    } catch {
      return c.body(faultResponse(-32700, 'parse error: not a well-formed XML-RPC request'), 200, XML_TYPE);
    }
    if (call.method !== 'pingback.ping') {
      return c.body(faultResponse(-32601, `unknown method ${call.method}`), 200, XML_TYPE);
    }
    const [source, target] = call.params;
    if (typeof source !== 'string' || typeof target !== 'string') {
      return c.body(
        faultResponse(-32602, 'pingback.ping takes two strings: sourceURI, targetURI'),
        200,
        XML_TYPE,
      );
    }
    try {
      const client = guard.check(c, source);
      const accepted = await receivePingback(ctx, { source, target, client });
      if (accepted.created) hooks.onEntryAdded?.();
      return c.body(
        methodResponse(`Pingback from ${source} to ${target} registered. Thanks!`),
        200,
        XML_TYPE,
      );
    } catch (error) {
      if (error instanceof PingbackFault)
        return c.body(faultResponse(error.code, error.message), 200, XML_TYPE);
      if (error instanceof RateLimited) {
        return c.body(faultResponse(PINGBACK_FAULT.accessDenied, error.message), 200, XML_TYPE);
      }
      throw error;
    }
  });

  return app;
}

const XML_TYPE = { 'Content-Type': 'text/xml; charset=utf-8' };
