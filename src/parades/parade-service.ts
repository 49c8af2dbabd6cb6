import crypto from 'node:crypto';
import type { AppContext } from '../context.js';
import { type Reason, reason } from '../reasons/reason.js';
import { InputError } from './input-error.js';
import { createAddressGuard, literalAddress } from '../http/address-guard.js';
import { normalizeUrl } from '../sanitize/index.js';
import { isBlocked } from './blocklist.js';
import { addEntry, type Road } from '../store/entry-repository.js';
import {
  findParadeByCallUrl,
  findParadeBySlug,
  insertParade,
  type Parade,
  type ParadeDetails,
  replaceAdminToken,
  slugExists,
  updateParadeDetails,
} from '../store/parade-repository.js';
import {
  callDeadlineInstant,
  DEFAULT_TIME_ZONE,
  isTimeZone,
  parseDeadlineInput,
  readCallPage,
} from './call-details.js';
import { judgeCallPage } from './call-ownership.js';

export { InputError } from './input-error.js';
export { domainOf, isBlocked } from './blocklist.js';

/**
 * What the host changes of their parade after creating it (or after taking it over by a claim).
 * A field left out stays as it is; null or an empty text clears it (the title cannot be cleared).
 * A deadline is read in the parade's time zone, the new one if that changes too.
 */
export interface ParadeDetailsChange {
  title?: string | null;
  prompt?: string | null;
  hashtag?: string | null;
  hostName?: string | null;
  description?: string | null;
  deadline?: string | null;
  lang?: string | null;
  timeZone?: string | null;
}

export interface CreateParadeInput extends ParadeDetailsChange {
  callUrl: string;
  slug?: string | null;
  /** Fill what is not given from the call post (the API and the CLI); the form has prefilled already. */
  prefill?: boolean;
}

export interface CreatedParade {
  parade: Parade;
  adminToken: string;
  adminUrl: string;
}

/** The call already has a parade: one parade per call. */
export class ParadeExists extends InputError {
  constructor(
    readonly parade: Parade,
    url: string,
  ) {
    super(reason('parade.exists', { url }), 'callUrl', 409);
  }
}

/** Longest values korso accepts (the form and the API check them first, with the same numbers). */
export const LIMITS = {
  url: 2048,
  title: 300,
  prompt: 500,
  hashtag: 100,
  hostName: 200,
  description: 2000,
  slug: 64,
} as const;

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
export const HASHTAG = /^#?[\p{L}\p{N}_]{1,99}$/u;
// C0/C1 controls other than tab and newline: nothing a person types into a field.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export function tokenMatches(token: string, hash: string): boolean {
  const a = Buffer.from(hashToken(token), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

export function newToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

/** Why `raw` is not an http(s) URL korso takes (forms, the API and the CLI alike), or null. */
export function urlProblem(raw: string, field: string): Reason | null {
  const text = raw.trim();
  if (text === '') return reason('input.required', { field });
  if (text.length > LIMITS.url) return reason('input.tooLong', { field, max: LIMITS.url });
  if (CONTROL.test(text) || /\s/.test(text)) return reason('input.url', { field });
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return reason('input.url', { field });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return reason('input.scheme', { field });
  if (url.username || url.password) return reason('input.credentials', { field });
  return null;
}

export function parseHttpUrl(raw: string, field: string): string {
  const problem = urlProblem(raw ?? '', field);
  if (problem) throw new InputError(problem, field);
  const url = new URL(raw.trim());
  url.hash = '';
  return url.toString();
}

/**
 * A URL whose host is written as a private, loopback or link-local address is refused at once
 * (korso would never fetch it); names are checked by the HTTP client after DNS resolution.
 */
function refusePrivateAddress(ctx: AppContext, url: string, field: string): void {
  const host = new URL(url).hostname;
  const literal = literalAddress(host) ?? (/^localhost\.?$/i.test(host) ? '127.0.0.1' : null);
  if (literal !== null && createAddressGuard(ctx.config.http)(literal) !== null)
    throw new InputError(reason('input.privateAddress', { field }), field);
}

function optionalText(value: string | null | undefined, field: keyof typeof LIMITS): string | null {
  const text = value?.trim();
  if (!text) return null;
  if (text.length > LIMITS[field])
    throw new InputError(reason('input.tooLong', { field, max: LIMITS[field] }), field);
  if (CONTROL.test(text)) throw new InputError(reason('input.control', { field }), field);
  return text;
}

/** A page language korso speaks: de or en. */
function checkedLang(value: string): 'de' | 'en' {
  const lang = value.trim().toLowerCase();
  if (lang !== 'de' && lang !== 'en') throw new InputError(reason('input.lang'), 'lang');
  return lang;
}

/** An IANA time zone; none given is korso's default. */
function checkedZone(value: string | null | undefined): string {
  const zone = value?.trim() || DEFAULT_TIME_ZONE;
  if (!isTimeZone(zone)) throw new InputError(reason('input.timeZone'), 'timeZone');
  return zone;
}

/** A deadline as the host gives it, read in `zone`, as an instant; none given is none. */
function checkedDeadline(value: string | null | undefined, zone: string): string | null {
  const given = value?.trim();
  if (!given) return null;
  const deadline = parseDeadlineInput(given, zone);
  if (deadline === null) throw new InputError(reason('input.deadline'), 'deadline');
  return deadline;
}

/** A hashtag as korso stores it: one word with its "#", or null. */
function hashtagText(value: string | null | undefined): string | null {
  const hashtag = optionalText(value, 'hashtag');
  if (hashtag === null) return null;
  if (!HASHTAG.test(hashtag)) throw new InputError(reason('input.hashtag'), 'hashtag');
  return hashtag.startsWith('#') ? hashtag : `#${hashtag}`;
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

async function uniqueSlug(ctx: AppContext, base: string): Promise<string> {
  const root = base || 'blogparade';
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? root : `${root}-${n}`;
    if (!(await slugExists(ctx.db, candidate))) return candidate;
  }
  return `${root}-${crypto.randomBytes(3).toString('hex')}`;
}

function paradePageUrl(ctx: AppContext, slug: string): string {
  return `${ctx.config.baseUrl}/p/${slug}`;
}

/** One parade per call: the parade that holds this call URL, if any. */
export async function paradeForCall(ctx: AppContext, callUrl: string): Promise<Parade | undefined> {
  const normalized = normalizeUrl(parseHttpUrl(callUrl, 'callUrl'));
  return normalized ? findParadeByCallUrl(ctx.db, normalized) : undefined;
}

export async function createParade(ctx: AppContext, input: CreateParadeInput): Promise<CreatedParade> {
  const callUrl = parseHttpUrl(input.callUrl ?? '', 'callUrl');
  const normalized = normalizeUrl(callUrl);
  if (!normalized) throw new InputError(reason('input.scheme', { field: 'callUrl' }), 'callUrl');
  refusePrivateAddress(ctx, callUrl, 'callUrl');
  const held = await findParadeByCallUrl(ctx.db, normalized);
  if (held) throw new ParadeExists(held, paradePageUrl(ctx, held.slug));
  const timeZone = checkedZone(input.timeZone);

  // The API and the CLI take what the call post says for every field they are not given.
  const page = input.prefill ? await readCallPage(ctx, callUrl) : null;
  const found = page?.ok ? page.details : null;
  const pick = (given: string | null | undefined, fallback: string | null | undefined) =>
    given === undefined || given === null ? (fallback ?? null) : given;

  const lang = checkedLang(pick(input.lang, found?.lang) ?? 'de');
  const title =
    optionalText(pick(input.title, found?.title), 'title') ??
    (new URL(callUrl).pathname.split('/').filter(Boolean).pop() || new URL(callUrl).host).slice(
      0,
      LIMITS.title,
    );
  const hashtag = hashtagText(pick(input.hashtag, found?.hashtag));
  const deadline =
    input.deadline === undefined && found?.deadline
      ? callDeadlineInstant(found.deadline, timeZone)
      : checkedDeadline(input.deadline, timeZone);
  let slug: string;
  if (input.slug?.trim()) {
    slug = input.slug.trim().toLowerCase();
    if (!SLUG.test(slug)) throw new InputError(reason('input.slug'), 'slug');
    if (await slugExists(ctx.db, slug)) throw new InputError(reason('input.slugTaken', { slug }), 'slug');
  } else {
    slug = await uniqueSlug(ctx, slugify(title));
  }
  const adminToken = newToken();
  const now = ctx.clock.now().toISOString();
  let parade: Parade;
  try {
    parade = await insertParade(ctx.db, {
      slug,
      title,
      call_url: callUrl,
      call_url_normalized: normalized,
      call_key: normalized,
      prompt: optionalText(pick(input.prompt, found?.prompt), 'prompt'),
      hashtag,
      host_name: optionalText(pick(input.hostName, found?.hostName), 'hostName'),
      description: optionalText(pick(input.description, found?.description), 'description'),
      lang,
      deadline,
      time_zone: timeZone,
      status: 'open',
      admin_token_hash: hashToken(adminToken),
      verify_code: `korso-${crypto.randomBytes(9).toString('base64url')}`,
      approved_at: ctx.config.newParades === 'open' ? now : null,
      created_at: now,
      updated_at: now,
    });
  } catch (error) {
    // Two requests for one call (or one slug) at once: the unique index decides, the loser hears why.
    const winner = await findParadeByCallUrl(ctx.db, normalized);
    if (winner) throw new ParadeExists(winner, paradePageUrl(ctx, winner.slug));
    if (await slugExists(ctx.db, slug)) throw new InputError(reason('input.slugTaken', { slug }), 'slug');
    throw error;
  }
  ctx.log.info('parade.created', { parade: parade.slug, url: callUrl, prefilled: found !== null });
  // A host who linked the parade's address before creating it has proved the call already.
  if (page?.ok) await judgeCallPage(ctx, parade, page);
  const fresh = (await findParadeBySlug(ctx.db, parade.slug)) ?? parade;
  return { parade: fresh, adminToken, adminUrl: adminUrlFor(ctx, parade.slug, adminToken) };
}

export async function changeParadeDetails(
  ctx: AppContext,
  parade: Parade,
  change: ParadeDetailsChange,
): Promise<Parade> {
  const fields: ParadeDetails = {};
  if (change.title !== undefined) {
    const title = optionalText(change.title, 'title');
    if (title === null) throw new InputError(reason('input.required', { field: 'title' }), 'title');
    fields.title = title;
  }
  if (change.prompt !== undefined) fields.prompt = optionalText(change.prompt, 'prompt');
  if (change.hashtag !== undefined) fields.hashtag = hashtagText(change.hashtag);
  if (change.hostName !== undefined) fields.host_name = optionalText(change.hostName, 'hostName');
  if (change.description !== undefined) fields.description = optionalText(change.description, 'description');
  if (change.lang?.trim()) fields.lang = checkedLang(change.lang);
  if (change.timeZone !== undefined) fields.time_zone = checkedZone(change.timeZone);
  if (change.deadline !== undefined)
    fields.deadline = checkedDeadline(change.deadline, fields.time_zone ?? parade.time_zone);
  const changed = Object.keys(fields).filter(
    (key) => fields[key as keyof ParadeDetails] !== parade[key as keyof ParadeDetails],
  );
  if (changed.length === 0) return parade;
  await updateParadeDetails(ctx.db, parade.id, fields, ctx.clock.now().toISOString());
  ctx.log.info('parade.details_changed', { parade: parade.slug, fields: changed.join(',') });
  return (await findParadeBySlug(ctx.db, parade.slug)) ?? parade;
}

/** A new secret link for the host; every older link and admin cookie stops working. */
export async function rotateAdminToken(
  ctx: AppContext,
  parade: Parade,
): Promise<{ adminToken: string; adminUrl: string }> {
  const adminToken = newToken();
  await replaceAdminToken(ctx.db, parade.id, hashToken(adminToken), ctx.clock.now().toISOString());
  ctx.log.info('parade.token_rotated', { parade: parade.slug });
  return { adminToken, adminUrl: adminUrlFor(ctx, parade.slug, adminToken) };
}

export function adminUrlFor(ctx: AppContext, slug: string, token: string): string {
  return `${ctx.config.baseUrl}/p/${slug}/admin?token=${encodeURIComponent(token)}`;
}

export async function requireParade(ctx: AppContext, slug: string): Promise<Parade> {
  const parade = await findParadeBySlug(ctx.db, slug);
  if (!parade) throw new InputError(reason('parade.unknown', { slug }), 'slug', 404);
  return parade;
}

/** A page of korso itself (its host as the base URL names it). */
export function isKorsoUrl(ctx: AppContext, url: string): boolean {
  try {
    return new URL(url).host.toLowerCase() === new URL(ctx.config.baseUrl).host.toLowerCase();
  } catch {
    return false;
  }
}

/** Roads by which a blogger or a mention adds an entry; closed parades take none of them. */
const OUTSIDE_ROADS: ReadonlySet<Road> = new Set(['registration', 'api', 'webmention', 'pingback']);

export async function registerEntry(
  ctx: AppContext,
  parade: Parade,
  rawUrl: string,
  road: Road,
  detail?: string,
) {
  const field = road === 'webmention' || road === 'pingback' ? 'source' : 'url';
  const url = parseHttpUrl(rawUrl ?? '', field);
  const normalizedUrl = normalizeUrl(url);
  if (!normalizedUrl) throw new InputError(reason('input.scheme', { field }), field);
  if (normalizedUrl === parade.call_url_normalized) throw new InputError(reason('entry.isCall'), field);
  // From outside, such an address is refused at once; the operator's and discovery's are stored and
  // refused by the crawler with the reason on the entry.
  if (OUTSIDE_ROADS.has(road)) refusePrivateAddress(ctx, url, field);
  if (isKorsoUrl(ctx, url)) throw new InputError(reason('entry.isKorso'), field);
  if (await isBlocked(ctx, parade.id, url)) throw new InputError(reason('entry.blocked'), field);
  if (parade.closed_at !== null && OUTSIDE_ROADS.has(road))
    throw new InputError(reason('parade.closed'), field, 409);
  const result = await addEntry(ctx.db, {
    paradeId: parade.id,
    url,
    normalizedUrl,
    road,
    detail: detail ?? null,
    now: ctx.clock.now().toISOString(),
  });
  ctx.log.info('entry.registered', { parade: parade.slug, url, road, created: result.created });
  if (result.created) ctx.metrics.countEntryFound(road);
  return result;
}
