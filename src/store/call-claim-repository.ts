import type { Kysely } from 'kysely';
import type { CallClaimRow, Database } from '../../db/schema.js';
import { bumpParade } from './parade-repository.js';

/** A claim on a parade's unproved call, as the store returns it. */
export type CallClaim = CallClaimRow;

export async function insertCallClaim(
  db: Kysely<Database>,
  row: { paradeId: number; codeHash: string; now: string; expiresAt: string },
): Promise<CallClaim> {
  return db
    .insertInto('call_claims')
    .values({
      parade_id: row.paradeId,
      code_hash: row.codeHash,
      created_at: row.now,
      expires_at: row.expiresAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The claim on this parade whose code hashes to `codeHash`, used or not, expired or not. */
export async function findCallClaim(
  db: Kysely<Database>,
  paradeId: number,
  codeHash: string,
): Promise<CallClaim | undefined> {
  return db
    .selectFrom('call_claims')
    .selectAll()
    .where('code_hash', '=', codeHash)
    .where('parade_id', '=', paradeId)
    .executeTakeFirst();
}

/** What the last look at the call page found for this claim (the claim stays open). */
export async function recordClaimCheck(
  db: Kysely<Database>,
  claimId: number,
  check: { checkedAt: string; code: string; params: string | null },
): Promise<void> {
  await db
    .updateTable('call_claims')
    .set({ checked_at: check.checkedAt, check_code: check.code, check_params: check.params })
    .where('id', '=', claimId)
    .where('used_at', 'is', null)
    .execute();
}

export type ClaimOutcome = 'claimed' | 'used' | 'expired' | 'proved';

/** Thrown inside the transaction to roll it back with the outcome that stopped it. */
class ClaimStopped extends Error {
  constructor(readonly outcome: Exclude<ClaimOutcome, 'claimed'>) {
    super(outcome);
  }
}

/**
 * The call page showed the claim's code: in one transaction the claim is used, the parade gets the
 * new token hash, its call counts as proved (the code becomes its proof code), every admin session
 * ends, the parade's own blocks of the call's domain are lifted, and the parade is bumped. Nothing
 * changes when the claim was used or lapsed meanwhile, or the call was proved by someone else.
 */
export async function completeCallClaim(
  db: Kysely<Database>,
  input: {
    claimId: number;
    paradeId: number;
    tokenHash: string;
    verifyCode: string;
    now: string;
    check: { code: string; params: string | null };
    unblockDomains: string[];
  },
): Promise<ClaimOutcome> {
  try {
    await db.transaction().execute(async (trx) => {
      const used = await trx
        .updateTable('call_claims')
        .set({
          used_at: input.now,
          checked_at: input.now,
          check_code: input.check.code,
          check_params: input.check.params,
        })
        .where('id', '=', input.claimId)
        .where('used_at', 'is', null)
        .where('expires_at', '>', input.now)
        .returning('id')
        .executeTakeFirst();
      if (!used) {
        const claim = await trx
          .selectFrom('call_claims')
          .select('used_at')
          .where('id', '=', input.claimId)
          .executeTakeFirst();
        throw new ClaimStopped(claim?.used_at ? 'used' : 'expired');
      }
      // Only a parade whose call nobody has proved changes hands; the row lock orders rival claims.
      const taken = await trx
        .updateTable('parades')
        .set({
          admin_token_hash: input.tokenHash,
          verify_code: input.verifyCode,
          call_verified_at: input.now,
          call_checked_at: input.now,
          call_check_code: input.check.code,
          call_check_params: input.check.params,
          updated_at: input.now,
        })
        .where('id', '=', input.paradeId)
        .where('call_verified_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (!taken) throw new ClaimStopped('proved');
      await trx.deleteFrom('admin_sessions').where('parade_id', '=', input.paradeId).execute();
      if (input.unblockDomains.length > 0)
        await trx
          .deleteFrom('blocked_domains')
          .where('parade_id', '=', input.paradeId)
          .where('domain', 'in', input.unblockDomains)
          .execute();
      // The parade is listed now and takes the call's mentions: a change readers see.
      await bumpParade(trx, input.paradeId, input.now);
    });
    return 'claimed';
  } catch (error) {
    if (error instanceof ClaimStopped) return error.outcome;
    throw error;
  }
}

/**
 * The operator hands a parade to someone: a new token hash, every admin session ends; with
 * `verified`, the call counts as proved from now on (listed, mentions of the call reach it).
 */
export async function transferParade(
  db: Kysely<Database>,
  input: {
    paradeId: number;
    tokenHash: string;
    now: string;
    verified: { code: string; params: string | null } | null;
  },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('parades')
      .select('call_verified_at')
      .where('id', '=', input.paradeId)
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('parades')
      .set({ admin_token_hash: input.tokenHash, updated_at: input.now })
      .where('id', '=', input.paradeId)
      .execute();
    await trx.deleteFrom('admin_sessions').where('parade_id', '=', input.paradeId).execute();
    if (input.verified && before.call_verified_at === null) {
      await trx
        .updateTable('parades')
        .set({
          call_verified_at: input.now,
          call_checked_at: input.now,
          call_check_code: input.verified.code,
          call_check_params: input.verified.params,
        })
        .where('id', '=', input.paradeId)
        .execute();
      await bumpParade(trx, input.paradeId, input.now);
    }
  });
}

/** Drops claims nobody used that lapsed before `before` (used ones stay as the record of a handover). */
export async function pruneLapsedClaims(db: Kysely<Database>, before: string): Promise<number> {
  const result = await db
    .deleteFrom('call_claims')
    .where('used_at', 'is', null)
    .where('expires_at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
