import crypto from 'node:crypto';
import type { AppContext } from '../context.js';
import { extractPage } from '../extract/index.js';
import { InputError, isBlocked, isKorsoUrl, parseHttpUrl, registerEntry } from '../parades/parade-service.js';
import { renderReason } from '../reasons/catalog.js';
import { type Reason, reason } from '../reasons/reason.js';
import { normalizeUrl } from '../sanitize/index.js';
import { markEntryDue } from '../store/entry-repository.js';
import {
  findMention,
  linkMentionToEntry,
  type MentionKind,
  recordMention,
} from '../store/mention-repository.js';
import { findParadeByCallUrl, findParadeBySlug, type Parade } from '../store/parade-repository.js';

/** Pingback 1.0 fault codes (https://www.hixie.ch/specs/pingback/pingback). */
export const PINGBACK_FAULT = {
  sourceMissing: 0x0010,
  noLinkToTarget: 0x0011,
  targetMissing: 0x0020,
  targetNotPingable: 0x0021,
  alreadyRegistered: 0x0030,
  accessDenied: 0x0031,
} as const;

export class PingbackFault extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

type TargetMatch = { ok: true; parade: Parade } | { ok: false; missing: boolean; why: Reason };

/**
 * A mention's target is one of korso's parade pages, or a parade's call post (hosts may delegate
 * their endpoint) — the latter only once the host proved the call is theirs, so nobody who merely
 * registered someone else's call receives its mentions.
 */
export async function resolveTarget(ctx: AppContext, target: string): Promise<TargetMatch> {
  const base = new URL(ctx.config.baseUrl);
  const url = new URL(target);
  if (url.host === base.host) {
    const slug = url.pathname.match(/^\/p\/([a-z0-9-]+)(?:\/|$)/)?.[1];
    if (!slug) return { ok: false, missing: false, why: reason('mention.notParadePage') };
    const parade = await findParadeBySlug(ctx.db, slug);
    return parade ? { ok: true, parade } : { ok: false, missing: true, why: reason('mention.noParade', { slug }) };
  }
  const normalized = normalizeUrl(target);
  const parade = normalized ? await findParadeByCallUrl(ctx.db, normalized) : undefined;
  if (!parade) return { ok: false, missing: false, why: reason('mention.unknownTarget') };
  if (parade.call_verified_at === null) return { ok: false, missing: false, why: reason('mention.unverifiedCall') };
  return { ok: true, parade };
}

/** A mention from the call itself or from korso's own pages is no entry; nothing is stored for it. */
function isSelfSource(ctx: AppContext, parade: Parade, source: string): boolean {
  return normalizeUrl(source) === parade.call_url_normalized || isKorsoUrl(ctx, source);
}

export interface MentionInput {
  source: string;
  target: string;
  client: string | null;
  /** Runs once the parade is known and before anything is stored (per-parade rate limits). */
  beforeAccept?: (parade: Parade) => Promise<void>;
}

export interface AcceptedMention {
  token: string;
  parade: Parade;
  entryId: number;
  repeated: boolean;
  /** True when a new entry was created (the scheduler should fetch it now). */
  created: boolean;
}

async function acceptMention(ctx: AppContext, kind: MentionKind, parade: Parade, input: MentionInput) {
  const now = ctx.clock.now().toISOString();
  // The entry first: a source korso refuses (private address, the call itself) leaves no mention behind.
  const { entry, created } = await registerEntry(ctx, parade, input.source, kind, `target ${input.target}`);
  const { mention, repeated } = await recordMention(ctx.db, {
    token: crypto.randomBytes(12).toString('base64url'),
    paradeId: parade.id,
    kind,
    source: input.source,
    target: input.target,
    client: input.client,
    now,
  });
  if (mention.entry_id !== entry.id) await linkMentionToEntry(ctx.db, mention.id, entry.id);
  // A repeated mention asks korso to look again (the post changed, moved to 410, or dropped the link).
  if (!created) await markEntryDue(ctx.db, entry.id, now);
  ctx.log.info('mention.accepted', { parade: parade.slug, kind, url: input.source, repeated, created });
  return { token: mention.token, parade, entryId: entry.id, repeated, created };
}

/**
 * W3C Webmention receiving: validate synchronously, verify asynchronously (the crawler fetches the
 * source and checks its link), answer 202 with a status URL.
 */
export async function receiveWebmention(ctx: AppContext, input: MentionInput): Promise<AcceptedMention> {
  const source = parseHttpUrl(input.source ?? '', 'source');
  const target = parseHttpUrl(input.target ?? '', 'target');
  if (normalizeUrl(source) === normalizeUrl(target)) throw new InputError(reason('mention.same'), 'source');
  const match = await resolveTarget(ctx, target);
  if (!match.ok) throw new InputError(match.why, 'target');
  if (isSelfSource(ctx, match.parade, source)) throw new InputError(reason('mention.self'), 'source');
  if (await isBlocked(ctx, match.parade.id, source)) throw new InputError(reason('mention.blocked'), 'source');
  if (match.parade.closed_at !== null) throw new InputError(reason('parade.closed'), 'target', 409);
  await input.beforeAccept?.(match.parade);
  return acceptMention(ctx, 'webmention', match.parade, { ...input, source, target });
}

/**
 * Pingback 1.0 `pingback.ping`: the spec asks the server to check at once that the source exists and
 * links the target, and to answer with a fault code otherwise.
 */
export async function receivePingback(ctx: AppContext, input: MentionInput): Promise<AcceptedMention> {
  let source: string;
  let target: string;
  try {
    source = parseHttpUrl(input.source ?? '', 'source');
  } catch {
    throw new PingbackFault(PINGBACK_FAULT.sourceMissing, 'the source URI is not an http(s) URL');
  }
  try {
    target = parseHttpUrl(input.target ?? '', 'target');
  } catch {
    throw new PingbackFault(PINGBACK_FAULT.targetMissing, 'the target URI is not an http(s) URL');
  }
  const match = await resolveTarget(ctx, target);
  if (!match.ok) {
    throw new PingbackFault(
      match.missing ? PINGBACK_FAULT.targetMissing : PINGBACK_FAULT.targetNotPingable,
      renderReason(match.why, 'en'),
    );
  }
  const { parade } = match;
  if (isSelfSource(ctx, parade, source))
    throw new PingbackFault(PINGBACK_FAULT.accessDenied, renderReason(reason('mention.self'), 'en'));
  if (parade.closed_at !== null)
    throw new PingbackFault(PINGBACK_FAULT.accessDenied, renderReason(reason('parade.closed'), 'en'));
  if (await isBlocked(ctx, parade.id, source))
    throw new PingbackFault(PINGBACK_FAULT.accessDenied, 'the source domain is blocked');
  if (await findMention(ctx.db, parade.id, 'pingback', source)) {
    throw new PingbackFault(PINGBACK_FAULT.alreadyRegistered, 'the pingback has already been registered');
  }
  await input.beforeAccept?.(parade);
  const fetched = await ctx.http.fetch(source);
  if (!fetched.ok || fetched.notModified) {
    throw new PingbackFault(
      PINGBACK_FAULT.sourceMissing,
      `the source could not be fetched: ${fetched.ok ? 'no content' : fetched.detail}`,
    );
  }
  const page = extractPage({ bytes: fetched.body, url: fetched.url, contentType: fetched.contentType });
  const wanted = new Set([normalizeUrl(target), normalizeUrl(parade.call_url)]);
  const linked = [...page.links, ...page.otherLinks].some((l) => wanted.has(normalizeUrl(l)));
  if (!linked)
    throw new PingbackFault(PINGBACK_FAULT.noLinkToTarget, 'the source does not link to the target');
  return acceptMention(ctx, 'pingback', parade, { ...input, source, target });
}
