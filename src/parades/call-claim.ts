import crypto from 'node:crypto';
import type { AppContext } from '../context.js';
import { reason, storedReason } from '../reasons/reason.js';
import { blockedDomains } from '../store/blocklist-repository.js';
import {
  type ClaimOutcome,
  completeCallClaim,
  findCallClaim,
  insertCallClaim,
  recordClaimCheck,
  transferParade as storeTransfer,
} from '../store/call-claim-repository.js';
import { findParadeBySlug, type Parade } from '../store/parade-repository.js';
import { domainOf, isBlocked } from './blocklist.js';
import { readCallPage } from './call-details.js';
import { callShowsCode } from './call-ownership.js';
import { InputError } from './input-error.js';
import { adminUrlFor, hashToken, newToken } from './parade-service.js';

/** How long a claim code may wait for the call page to show it. */
export const CLAIM_DAYS = 7;

const CODE = /^korso-claim-[\w-]{22}$/;

/** The global blocklist is kept as parade 0's. */
const GLOBAL = 0;

export interface StartedClaim {
  code: string;
  expiresAt: string;
}

export interface HandedOver {
  parade: Parade;
  adminToken: string;
  adminUrl: string;
}

/** Someone else may claim the parade: it holds its call, and nobody has proved the call is theirs. */
export function isClaimable(parade: Pick<Parade, 'call_verified_at' | 'call_key'>): boolean {
  return parade.call_verified_at === null && parade.call_key !== null;
}

function refuseUnclaimable(parade: Parade): void {
  if (parade.call_key === null) throw new InputError(reason('claim.noCall'), 'slug', 409);
  if (parade.call_verified_at !== null) throw new InputError(reason('claim.proved'), 'slug', 409);
}

/** A new claim code for this parade; the claimer shows it on the call page within CLAIM_DAYS. */
export async function startClaim(ctx: AppContext, parade: Parade): Promise<StartedClaim> {
  refuseUnclaimable(parade);
  const code = `korso-claim-${crypto.randomBytes(16).toString('base64url')}`;
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + CLAIM_DAYS * 86_400_000).toISOString();
  await insertCallClaim(ctx.db, {
    paradeId: parade.id,
    codeHash: hashToken(code),
    now: now.toISOString(),
    expiresAt,
  });
  ctx.log.info('claim.started', { parade: parade.slug, url: parade.call_url });
  return { code, expiresAt };
}

const STOPPED: Record<Exclude<ClaimOutcome, 'claimed'>, (at: string) => InputError> = {
  used: () => new InputError(reason('claim.used'), 'code', 409),
  expired: (at) => new InputError(reason('claim.expired', { at }), 'code', 400),
  proved: () => new InputError(reason('claim.proved'), 'code', 409),
};

/**
 * Checks that the call page shows the claim's code (outside its comment area) and, if it does, hands
 * the parade over: a new admin token, every older link and session ended, the call proved. A wrong,
 * lapsed or used code, or a page that does not show it, changes nothing of the parade.
 */
export async function completeClaim(ctx: AppContext, parade: Parade, rawCode: string): Promise<HandedOver> {
  const code = rawCode.trim();
  const claim = CODE.test(code) ? await findCallClaim(ctx.db, parade.id, hashToken(code)) : undefined;
  if (!claim) throw new InputError(reason('claim.unknown'), 'code', 400);
  if (claim.used_at !== null) throw STOPPED.used(claim.expires_at);
  const now = ctx.clock.now().toISOString();
  if (claim.expires_at <= now) throw STOPPED.expired(claim.expires_at);
  refuseUnclaimable(parade);
  // Only the operator's list counts here: the parade's own list is its current holder's.
  if (await isBlocked(ctx, GLOBAL, parade.call_url))
    throw new InputError(reason('call.blocked'), 'code', 409);

  const page = await readCallPage(ctx, parade.call_url);
  const refusal = !page.ok
    ? page.why
    : callShowsCode(page.html, code)
      ? null
      : reason('claim.notShown', { url: parade.call_url, code });
  if (refusal !== null) {
    const stored = storedReason(refusal);
    await recordClaimCheck(ctx.db, claim.id, { checkedAt: now, code: stored.code, params: stored.params });
    ctx.log.info('claim.checked', { parade: parade.slug, url: parade.call_url, status: refusal.code });
    throw new InputError(refusal, 'code', 409);
  }

  // A block of the call's own domain that the previous holder set would end the proof at once.
  const callDomain = domainOf(parade.call_url);
  const ownBlocks = (await blockedDomains(ctx.db, parade.id))
    .filter((b) => !b.global && (callDomain === b.domain || callDomain.endsWith(`.${b.domain}`)))
    .map((b) => b.domain);
  const adminToken = newToken();
  const outcome = await completeCallClaim(ctx.db, {
    claimId: claim.id,
    paradeId: parade.id,
    tokenHash: hashToken(adminToken),
    verifyCode: code,
    now,
    check: storedReason(reason('call.claimed')),
    unblockDomains: ownBlocks,
  });
  if (outcome !== 'claimed') throw STOPPED[outcome](claim.expires_at);
  ctx.log.info('claim.completed', { parade: parade.slug, url: parade.call_url });
  const fresh = (await findParadeBySlug(ctx.db, parade.slug)) ?? parade;
  return { parade: fresh, adminToken, adminUrl: adminUrlFor(ctx, parade.slug, adminToken) };
}

/**
 * The operator hands a parade to someone (a support case): a new admin link, every older link and
 * session ended; with `verified`, the operator vouches that the call is theirs.
 */
export async function transferParade(
  ctx: AppContext,
  parade: Parade,
  opts: { verified: boolean },
): Promise<HandedOver> {
  const adminToken = newToken();
  await storeTransfer(ctx.db, {
    paradeId: parade.id,
    tokenHash: hashToken(adminToken),
    now: ctx.clock.now().toISOString(),
    verified: opts.verified ? storedReason(reason('call.operator')) : null,
  });
  ctx.log.info('parade.transferred', { parade: parade.slug, verified: opts.verified });
  const fresh = (await findParadeBySlug(ctx.db, parade.slug)) ?? parade;
  return { parade: fresh, adminToken, adminUrl: adminUrlFor(ctx, parade.slug, adminToken) };
}
