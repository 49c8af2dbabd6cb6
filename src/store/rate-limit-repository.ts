import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';

export interface Rate {
  /** Requests allowed at once … */
  burst: number;
  /** … and one more every this many ms. */
  intervalMs: number;
}

let takes = 0;

/**
 * Takes one request from a bucket shared by every process on the database (GCRA: the bucket is one
 * "theoretical arrival time"). One statement, so concurrent replicas never both take the last one.
 * Returns 0 when allowed, else the ms until the next request would be.
 */
export async function takeRate(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
  bucket: string,
  rate: Rate,
  nowMs: number,
): Promise<number> {
  const limit = rate.burst * rate.intervalMs;
  if (rate.burst <= 0) return rate.intervalMs;
  const greatest = dialect === 'postgres' ? sql.raw('greatest') : sql.raw('max');
  const next = sql<number>`${greatest}(rate_limits.tat_ms, ${nowMs}) + ${rate.intervalMs}`;
  const taken = await db
    .insertInto('rate_limits')
    .values({ bucket, tat_ms: nowMs + rate.intervalMs })
    .onConflict((oc) =>
      oc.column('bucket').doUpdateSet({ tat_ms: next }).where(sql<boolean>`${next} - ${nowMs} <= ${limit}`),
    )
    .returning('tat_ms')
    .executeTakeFirst();
  if (++takes % 256 === 0) await sweepRates(db, nowMs);
  if (taken) return 0;
  return waitOf(await tatOf(db, bucket), rate, nowMs);
}

/** Like takeRate, without taking: 0 when one more request would be allowed now. */
export async function peekRate(
  db: Kysely<Database>,
  bucket: string,
  rate: Rate,
  nowMs: number,
): Promise<number> {
  if (rate.burst <= 0) return rate.intervalMs;
  return waitOf(await tatOf(db, bucket), rate, nowMs);
}

async function tatOf(db: Kysely<Database>, bucket: string): Promise<number | null> {
  const row = await db
    .selectFrom('rate_limits')
    .select('tat_ms')
    .where('bucket', '=', bucket)
    .executeTakeFirst();
  return row ? Number(row.tat_ms) : null;
}

function waitOf(tat: number | null, rate: Rate, nowMs: number): number {
  if (tat === null) return 0;
  const wait = Math.max(tat, nowMs) + rate.intervalMs - rate.burst * rate.intervalMs - nowMs;
  return Math.max(0, wait);
}

/** Buckets whose time has passed are full again, the same as absent. */
export async function sweepRates(db: Kysely<Database>, nowMs: number): Promise<void> {
  await db.deleteFrom('rate_limits').where('tat_ms', '<', nowMs).execute();
}
