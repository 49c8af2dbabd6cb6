import { type Kysely, sql } from 'kysely';
import type { Database, JobRunRow } from '../../db/schema.js';

export type JobRun = JobRunRow;

// First key of korso's advisory locks, so they cannot collide with another application's on the same database
const LOCK_SPACE = 0x6b6f72;
// Tick records older than this are dropped by the cleanup job
const KEEP_JOB_RUNS_MS = 7 * 24 * 60 * 60 * 1000;

export interface TickClaim {
  job: string;
  /** The scheduled time of the tick (ISO); the same for every process whose cron fired for it. */
  tick: string;
  owner: string;
  now: string;
}

export type TickResult<T> =
  | { ran: true; result: T }
  | { ran: false; why: 'running elsewhere' | 'already ran' };

/**
 * Runs `work` once per job and tick across every process on the database. On PostgreSQL an advisory
 * lock, held on one connection while the job runs, keeps two processes from running the job at once,
 * and the (job, tick) row keeps a process whose cron fired a moment later from running it again. On
 * SQLite (one process) the row alone is kept, as a record. A job that throws is recorded as failed.
 */
export async function runOncePerTick<T>(
  db: Kysely<Database>,
  dialect: 'sqlite' | 'postgres',
  claim: TickClaim,
  work: () => Promise<T>,
  finishedAt: () => string,
): Promise<TickResult<T>> {
  if (dialect === 'sqlite') return runClaimed(db, claim, work, finishedAt);
  return db.connection().execute(async (conn) => {
    const { rows } = await sql<{ locked: boolean }>`
      select pg_try_advisory_lock(${LOCK_SPACE}, hashtext(${claim.job})) as locked`.execute(conn);
    if (!rows[0]?.locked) return { ran: false, why: 'running elsewhere' } as const;
    try {
      return await runClaimed(conn, claim, work, finishedAt);
    } finally {
      await sql`select pg_advisory_unlock(${LOCK_SPACE}, hashtext(${claim.job}))`.execute(conn);
    }
  });
}

async function runClaimed<T>(
  db: Kysely<Database>,
  claim: TickClaim,
  work: () => Promise<T>,
  finishedAt: () => string,
): Promise<TickResult<T>> {
  const recorded = await db
    .insertInto('job_runs')
    .values({ job: claim.job, tick_at: claim.tick, owner: claim.owner, started_at: claim.now })
    .onConflict((oc) => oc.columns(['job', 'tick_at']).doNothing())
    .returning('job')
    .executeTakeFirst();
  if (!recorded) return { ran: false, why: 'already ran' };
  const finish = (outcome: string) =>
    db
      .updateTable('job_runs')
      .set({ finished_at: finishedAt(), outcome })
      .where('job', '=', claim.job)
      .where('tick_at', '=', claim.tick)
      .execute();
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await finish(`failed: ${String(error)}`.slice(0, 500));
    throw error;
  }
  await finish('done');
  return { ran: true, result };
}

export async function listJobRuns(db: Kysely<Database>, job?: string): Promise<JobRunRow[]> {
  let query = db.selectFrom('job_runs').selectAll().orderBy('tick_at').orderBy('job');
  if (job !== undefined) query = query.where('job', '=', job);
  return query.execute();
}

/** Cleanup: forgets tick records older than a week. */
export async function pruneJobRuns(db: Kysely<Database>, now: Date): Promise<number> {
  const before = new Date(now.getTime() - KEEP_JOB_RUNS_MS).toISOString();
  const result = await db.deleteFrom('job_runs').where('tick_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
