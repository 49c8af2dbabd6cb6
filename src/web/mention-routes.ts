import { Hono } from 'hono';
import type { AppContext } from '../context.js';
import { PINGBACK_FAULT, PingbackFault, receivePingback, receiveWebmention } from '../discover/mentions.js';
import { faultResponse, methodResponse, parseMethodCall } from '../discover/xmlrpc-codec.js';
import { InputError } from '../parades/input-error.js';
import { renderReason } from '../reasons/catalog.js';
import { reason } from '../reasons/reason.js';
import { findEntry } from '../store/entry-repository.js';
import { findMentionByToken } from '../store/mention-repository.js';
import { findParadeById } from '../store/parade-repository.js';
import type { AppHooks } from './hooks.js';
import { setRequestLang } from './page-lang.js';
import { RateLimited, type RateLimits } from './rate-limit.js';
import { entryReason } from './reason-text.js';
import { parseWith, webmentionSchema } from './validation.js';

const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

export function mentionRoutes(ctx: AppContext, limits: RateLimits, hooks: AppHooks = {}) {
  const app = new Hono();

  // W3C Webmention §3.2: source and target as form fields; open to every site by design.
  app.post('/webmention', async (c) => {
    if (!FORM_TYPES.test(c.req.header('Content-Type') ?? ''))
      throw new InputError(
        reason('input.contentType', { type: 'application/x-www-form-urlencoded' }),
        undefined,
        415,
      );
    let body: Record<string, unknown>;
    try {
      body = await c.req.parseBody();
    } catch {
      throw new InputError(reason('input.form'));
    }
    const parsed = parseWith(webmentionSchema, body);
    if (!parsed.ok) throw parsed.error;
    const { source, target } = parsed.data;
    const client = await limits.client(c, 'webmention');
    const accepted = await receiveWebmention(ctx, {
      source,
      target,
      client,
      beforeAccept: async (parade) => {
        setRequestLang(c, parade.lang);
        await limits.paradeAndSource('webmention', parade.id, source);
      },
    });
    hooks.onEntryAdded?.();
    const statusUrl = `${ctx.config.baseUrl}/webmention/${accepted.token}`;
    c.header('Location', statusUrl);
    return c.text(`Accepted: korso will fetch ${source} and verify its link. Status: ${statusUrl}\n`, 202);
  });

  app.get('/webmention/:token', async (c) => {
    const mention = await findMentionByToken(ctx.db, c.req.param('token'));
    if (!mention) throw new InputError(reason('http.notFound'), 'token', 404);
    const parade = await findParadeById(ctx.db, mention.parade_id);
    const lang = parade?.lang ?? 'en';
    const entry = mention.entry_id ? await findEntry(ctx.db, mention.entry_id) : undefined;
    const why = entry ? entryReason(entry) : reason('entry.waiting');
    return c.json({
      source: mention.source,
      target: mention.target,
      received: mention.received_count,
      status: entry?.status ?? 'pending',
      reason: renderReason(why, lang),
      reasonCode: why.code,
      reasonParams: why.params ?? {},
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
      return c.body(faultResponse(-32601, `unknown method ${call.method.slice(0, 100)}`), 200, XML_TYPE);
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
      if (source.length > 2048 || target.length > 2048)
        throw new PingbackFault(PINGBACK_FAULT.sourceMissing, 'the URI is longer than 2048 characters');
      const client = await limits.client(c, 'pingback');
      const accepted = await receivePingback(ctx, {
        source,
        target,
        client,
        beforeAccept: (parade) => limits.paradeAndSource('pingback', parade.id, source),
      });
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
        c.header('Retry-After', String(error.retryAfterS));
        return c.body(faultResponse(PINGBACK_FAULT.accessDenied, error.message), 429, XML_TYPE);
      }
      if (error instanceof InputError)
        return c.body(faultResponse(PINGBACK_FAULT.accessDenied, error.message), 200, XML_TYPE);
      throw error;
    }
  });

  return app;
}

const XML_TYPE = { 'Content-Type': 'text/xml; charset=utf-8' };
