import crypto from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppContext } from '../context.js';
import { InputError } from '../parades/input-error.js';
import { hashToken, tokenMatches } from '../parades/parade-service.js';
import { reason } from '../reasons/reason.js';
import type { Parade } from '../store/parade-repository.js';
import { deleteExpiredSessions, insertSession, sessionParade } from '../store/session-repository.js';
import type { RateLimits } from './rate-limit.js';

const COOKIE = 'korso_admin';
const SESSION_DAYS = 30;

function cookiePath(parade: Pick<Parade, 'slug'>): string {
  return `/p/${parade.slug}`;
}

/** Exchanges the admin token for a cookie scoped to this parade's pages; the link itself can then leave the address bar. */
export async function openSession(c: Context, ctx: AppContext, parade: Parade): Promise<void> {
  const key = crypto.randomBytes(32).toString('base64url');
  const now = ctx.clock.now();
  await deleteExpiredSessions(ctx.db, now.toISOString());
  const expires = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await insertSession(ctx.db, {
    keyHash: hashToken(key),
    paradeId: parade.id,
    now: now.toISOString(),
    expiresAt: expires.toISOString(),
  });
  setCookie(c, COOKIE, key, {
    path: cookiePath(parade),
    httpOnly: true,
    sameSite: 'Strict',
    secure: ctx.config.baseUrl.startsWith('https:'),
    maxAge: SESSION_DAYS * 86_400,
  });
}

export function bearerToken(c: Context): string | undefined {
  return c.req.header('Authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
}

/** How the request proves it is the host of this parade, if it does: its cookie, or the token itself. */
export async function hostProof(
  c: Context,
  ctx: AppContext,
  parade: Parade,
): Promise<'cookie' | 'token' | null> {
  const token = bearerToken(c);
  if (token !== undefined && tokenMatches(token, parade.admin_token_hash)) return 'token';
  const key = getCookie(c, COOKIE);
  if (key && (await sessionParade(ctx.db, hashToken(key), ctx.clock.now().toISOString())) === parade.id)
    return 'cookie';
  return null;
}

/**
 * The host's requests pass; anyone else gets 403 (a forged or rotated token, an ended cookie), and
 * each failure counts against the client's address so tokens cannot be guessed at speed.
 */
export async function requireHost(
  c: Context,
  ctx: AppContext,
  limits: RateLimits,
  parade: Parade,
): Promise<'cookie' | 'token'> {
  await limits.adminAllowed(c);
  const proof = await hostProof(c, ctx, parade);
  if (proof) return proof;
  await limits.adminFailed(c);
  const hadCookie = getCookie(c, COOKIE) !== undefined;
  if (hadCookie) deleteCookie(c, COOKIE, { path: cookiePath(parade) });
  const why =
    bearerToken(c) !== undefined
      ? reason('auth.token')
      : hadCookie
        ? reason('auth.session')
        : reason('auth.invalid');
  throw new InputError(why, 'token', 403);
}

/** The admin link's token, checked the same way (the first visit of the secret link). */
export async function checkLinkToken(
  c: Context,
  limits: RateLimits,
  parade: Parade,
  token: string,
): Promise<void> {
  await limits.adminAllowed(c);
  if (tokenMatches(token, parade.admin_token_hash)) return;
  await limits.adminFailed(c);
  throw new InputError(reason('auth.invalid'), 'token', 403);
}
