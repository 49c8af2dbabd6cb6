import crypto from 'node:crypto';
import type { AppContext } from '../context.js';
import { reason } from '../reasons/reason.js';
import { InputError } from './input-error.js';
import { normalizeUrl } from '../sanitize/index.js';
import { blockedDomains } from '../store/blocklist-repository.js';
import { addEntry, type Road } from '../store/entry-repository.js';
import { findParadeBySlug, insertParade, type Parade, slugExists } from '../store/parade-repository.js';

export { InputError } from './input-error.js';

export interface CreateParadeInput {
  callUrl: string;
  title?: string | null;
  prompt?: string | null;
  hashtag?: string | null;
  hostName?: string | null;
  deadline?: string | null;
  slug?: string | null;
  lang?: string | null;
}

export interface CreatedParade {
  parade: Parade;
  adminToken: string;
  adminUrl: string;
}

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export function tokenMatches(token: string, hash: string): boolean {
  const a = Buffer.from(hashToken(token), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

export function parseHttpUrl(raw: string, field: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new InputError(`${field} is not a valid URL`, field);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError(`${field} must be an http or https URL`, field);
  }
  if (url.username || url.password) throw new InputError(`${field} must not contain credentials`, field);
  url.hash = '';
  return url.toString();
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

function parseDeadline(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const date = new Date(raw);
  if (Number.isNaN(date.getTime())) throw new InputError('deadline must be an ISO 8601 date', 'deadline');
  return date.toISOString();
}

async function uniqueSlug(ctx: AppContext, base: string): Promise<string> {
  const root = base || 'blogparade';
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? root : `${root}-${n}`;
    if (!(await slugExists(ctx.db, candidate))) return candidate;
  }
  return `${root}-${crypto.randomBytes(3).toString('hex')}`;
}

export async function createParade(ctx: AppContext, input: CreateParadeInput): Promise<CreatedParade> {
  const callUrl = parseHttpUrl(input.callUrl ?? '', 'callUrl');
  const normalized = normalizeUrl(callUrl);
  if (!normalized) throw new InputError('callUrl must be an http or https URL', 'callUrl');
  const lang = (input.lang ?? 'de').toLowerCase();
  if (lang !== 'de' && lang !== 'en') throw new InputError('lang must be "de" or "en"', 'lang');
  const title =
    (input.title ?? '').trim() || new URL(callUrl).pathname.split('/').filter(Boolean).pop() || callUrl;
  let slug: string;
  if (input.slug) {
    slug = input.slug.trim().toLowerCase();
    if (!SLUG.test(slug))
      throw new InputError('slug may hold a–z, 0–9 and "-" only (1–64 characters)', 'slug');
    if (await slugExists(ctx.db, slug)) throw new InputError(`slug "${slug}" is taken`, 'slug');
  } else {
    slug = await uniqueSlug(ctx, slugify(title));
  }
  const adminToken = crypto.randomBytes(24).toString('base64url');
  const now = ctx.clock.now().toISOString();
  const parade = await insertParade(ctx.db, {
    slug,
    title: title.slice(0, 300),
    call_url: callUrl,
    call_url_normalized: normalized,
    prompt: input.prompt?.trim() || null,
    hashtag: input.hashtag?.trim() || null,
    host_name: input.hostName?.trim() || null,
    lang,
    deadline: parseDeadline(input.deadline),
    status: 'open',
    admin_token_hash: hashToken(adminToken),
    created_at: now,
    updated_at: now,
  });
  return { parade, adminToken, adminUrl: adminUrlFor(ctx, parade.slug, adminToken) };
}

export function adminUrlFor(ctx: AppContext, slug: string, token: string): string {
  return `${ctx.config.baseUrl}/p/${slug}/admin?token=${encodeURIComponent(token)}`;
}

export async function requireParade(ctx: AppContext, slug: string): Promise<Parade> {
  const parade = await findParadeBySlug(ctx.db, slug);
  if (!parade) throw new InputError(`no parade "${slug}"`, 'slug');
  return parade;
}

export function domainOf(url: string): string {
  return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
}

/** Blocked when the host or any parent domain is on the parade's or the global list. */
export async function isBlocked(ctx: AppContext, paradeId: number, url: string): Promise<boolean> {
  const domain = domainOf(url);
  const blocked = await blockedDomains(ctx.db, paradeId);
  return blocked.some((b) => domain === b.domain || domain.endsWith(`.${b.domain}`));
}

export async function registerEntry(
  ctx: AppContext,
  parade: Parade,
  rawUrl: string,
  road: Road,
  detail?: string,
) {
  const url = parseHttpUrl(rawUrl ?? '', 'url');
  const normalizedUrl = normalizeUrl(url);
  if (!normalizedUrl) throw new InputError('url must be an http or https URL', 'url');
  if (normalizedUrl === parade.call_url_normalized)
    throw new InputError('that is the call itself, not an entry', 'url');
  if (await isBlocked(ctx, parade.id, url))
    throw new InputError('entries from this domain are not accepted', 'url');
  const result = await addEntry(ctx.db, {
    paradeId: parade.id,
    url,
    normalizedUrl,
    road,
    detail: detail ?? null,
    now: ctx.clock.now().toISOString(),
  });
  ctx.log.info('entry.registered', { parade: parade.slug, url, road, created: result.created });
  return result;
}
