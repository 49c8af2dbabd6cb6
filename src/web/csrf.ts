import crypto from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppContext } from '../context.js';
import { InputError } from '../parades/input-error.js';
import { reason } from '../reasons/reason.js';

export const CSRF_FIELD = '_csrf';
const CSRF_COOKIE = 'korso_csrf';
const SAFE = /^(GET|HEAD|OPTIONS)$/;

/** Webmention and Pingback are meant to be posted by other sites (their specs); nothing else is. */
const OPEN_PATHS = new Set(['/webmention', '/xmlrpc']);

/**
 * Refuses state-changing requests from other sites: a browser names the page a request comes from
 * in Origin (and Sec-Fetch-Site); one from another origin, or an opaque one ("null"), gets 403.
 * A request with neither header does not come from a browser, so no visitor's browser was used.
 */
export function originGuard(ctx: AppContext): MiddlewareHandler {
  const base = new URL(ctx.config.baseUrl).origin;
  return async (c, next) => {
    if (SAFE.test(c.req.method) || OPEN_PATHS.has(c.req.path)) return next();
    const origin = c.req.header('Origin');
    const site = c.req.header('Sec-Fetch-Site');
    const own = new URL(c.req.url).origin;
    // "null" is what a browser sends under a no-referrer policy or from a sandbox: Sec-Fetch-Site decides.
    const allowed =
      origin !== undefined && origin !== 'null'
        ? origin === own || origin === base
        : origin === 'null'
          ? site === 'same-origin'
          : site === undefined || site === 'same-origin' || site === 'none';
    if (!allowed) {
      ctx.log.warn('http.cross_site_refused', {
        path: c.req.path,
        origin: origin ?? null,
        site: site ?? null,
      });
      throw new InputError(reason('csrf.origin'), undefined, 403);
    }
    return next();
  };
}

function secure(ctx: AppContext): boolean {
  return ctx.config.baseUrl.startsWith('https:');
}

/**
 * The token a form carries (double submit): the same random value sits in an HttpOnly, SameSite
 * cookie that only korso's own pages can have set, so a form posted from elsewhere cannot match it.
 */
export function csrfToken(c: Context, ctx: AppContext): string {
  const known = getCookie(c, CSRF_COOKIE);
  if (known && /^[\w-]{32,64}$/.test(known)) return known;
  const token = crypto.randomBytes(24).toString('base64url');
  setCookie(c, CSRF_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'Strict', secure: secure(ctx) });
  return token;
}

export function checkCsrfToken(c: Context, sent: string | undefined): void {
  const cookie = getCookie(c, CSRF_COOKIE);
  const ok =
    sent !== undefined &&
    cookie !== undefined &&
    sent.length === cookie.length &&
    crypto.timingSafeEqual(Buffer.from(sent), Buffer.from(cookie));
  if (!ok) throw new InputError(reason('csrf.token'), CSRF_FIELD, 403);
}
