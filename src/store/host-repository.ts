import type { Kysely } from 'kysely';
import type { Database, HostRow } from '../../db/schema.js';
import type { HostGate, HostTurn, SharedRobots } from '../http/host-gate.js';

export type Host = HostRow;

const EPOCH = new Date(0).toISOString();
// Rows of hosts nobody has asked for in this long are dropped by the cleanup job
const IDLE_HOST_MS = 24 * 60 * 60 * 1000;

function plus(now: Date, ms: number): string {
  return new Date(now.getTime() + ms).toISOString();
}

export interface TakeHost {
  host: string;
  /** Unique to this turn; only its holder hands the host back. */
  token: string;
  now: Date;
  leaseMs: number;
  pauseMs: number;
}

/**
 * Takes a host for one request when nobody holds it, its pause is over and it asked for no later
 * Retry-After. One statement: the upsert's WHERE is checked against the row as it is once locked, so
 * of two workers asking at once exactly one gets it. Until it is handed back, the next request may
 * start only a pause after the lease ends, which is what a killed holder leaves behind.
 */
export async function takeHost(db: Kysely<Database>, take: TakeHost): Promise<HostTurn> {
  const now = take.now.toISOString();
  const leaseUntil = plus(take.now, take.leaseMs);
  const taken = await db
    .insertInto('hosts')
    .values({
      host: take.host,
      next_allowed_at: plus(take.now, take.leaseMs + take.pauseMs),
      holder: take.token,
      lease_until: leaseUntil,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc
        .column('host')
        .doUpdateSet((eb) => ({
          next_allowed_at: eb.ref('excluded.next_allowed_at'),
          holder: eb.ref('excluded.holder'),
          lease_until: eb.ref('excluded.lease_until'),
          updated_at: eb.ref('excluded.updated_at'),
        }))
        .where('hosts.next_allowed_at', '<=', now)
        .where((eb) => eb.or([eb('hosts.retry_after', 'is', null), eb('hosts.retry_after', '<=', now)]))
        .where((eb) => eb.or([eb('hosts.holder', 'is', null), eb('hosts.lease_until', '<=', now)])),
    )
    .returning('host')
    .executeTakeFirst();
  if (taken) return { granted: true, token: take.token };
  const row = await db.selectFrom('hosts').selectAll().where('host', '=', take.host).executeTakeFirst();
  // Handed back between the two statements: ask again at once.
  if (!row) return { granted: false, waitMs: 0 };
  return busyTurn(row, take.now, take.pauseMs);
}

/** How long a worker refused a turn should wait before it asks again. */
function busyTurn(row: HostRow, now: Date, pauseMs: number): HostTurn {
  const at = now.getTime();
  const until = (iso: string | null) => (iso === null ? 0 : Date.parse(iso) - at);
  const deferredMs = until(row.retry_after);
  const pausedMs = until(row.next_allowed_at);
  const held = row.holder !== null && until(row.lease_until) > 0;
  // A held host frees no sooner than a pause after its holder finishes, which is a pause from now at best.
  const waitMs = Math.max(deferredMs, held ? Math.min(pauseMs, pausedMs) : pausedMs, 0);
  return deferredMs > 0 ? { granted: false, waitMs, deferredMs } : { granted: false, waitMs };
}

export interface ReleaseHost {
  host: string;
  token: string;
  now: Date;
  pauseMs: number;
  /** The host asked to be left alone this long (Retry-After). */
  deferMs?: number;
}

/**
 * Hands a turn back: the next request may start a pause after this one ended. A turn that lapsed and
 * was taken by another worker is not touched, except that the host's pause is never shortened.
 */
export async function releaseHost(db: Kysely<Database>, release: ReleaseHost): Promise<void> {
  const now = release.now.toISOString();
  const nextAllowedAt = plus(release.now, release.pauseMs);
  const retryAfter = release.deferMs !== undefined ? plus(release.now, release.deferMs) : null;
  const handedBack = await db
    .updateTable('hosts')
    .set({
      holder: null,
      lease_until: null,
      next_allowed_at: nextAllowedAt,
      retry_after: retryAfter,
      updated_at: now,
    })
    .where('host', '=', release.host)
    .where('holder', '=', release.token)
    .executeTakeFirst();
  if (Number(handedBack.numUpdatedRows) > 0) return;
  await db
    .updateTable('hosts')
    .set({ next_allowed_at: nextAllowedAt, updated_at: now })
    .where('host', '=', release.host)
    .where('next_allowed_at', '<', nextAllowedAt)
    .execute();
  if (retryAfter !== null) {
    await db
      .updateTable('hosts')
      .set({ retry_after: retryAfter })
      .where('host', '=', release.host)
      .where((eb) => eb.or([eb('retry_after', 'is', null), eb('retry_after', '<', retryAfter)]))
      .execute();
  }
}

export async function findHost(db: Kysely<Database>, host: string): Promise<HostRow | undefined> {
  return db.selectFrom('hosts').selectAll().where('host', '=', host).executeTakeFirst();
}

export async function readHostRobots(
  db: Kysely<Database>,
  host: string,
  origin: string,
  now: Date,
): Promise<SharedRobots | undefined> {
  const row = await db
    .selectFrom('hosts')
    .select(['robots_txt', 'robots_origin', 'robots_expires_at'])
    .where('host', '=', host)
    .executeTakeFirst();
  if (!row || row.robots_origin !== origin || row.robots_expires_at === null) return undefined;
  if (row.robots_expires_at <= now.toISOString()) return undefined;
  return { text: row.robots_txt };
}

export async function saveHostRobots(
  db: Kysely<Database>,
  input: { host: string; origin: string; robots: SharedRobots; now: Date; ttlMs: number },
): Promise<void> {
  const robots = {
    robots_origin: input.origin,
    robots_txt: input.robots.text,
    robots_expires_at: plus(input.now, input.ttlMs),
    updated_at: input.now.toISOString(),
  };
  await db
    .insertInto('hosts')
    .values({ host: input.host, next_allowed_at: EPOCH, ...robots })
    .onConflict((oc) => oc.column('host').doUpdateSet(robots))
    .execute();
}

/** Cleanup: lapsed turns are cleared and hosts idle for a day forgotten; returns how many of each. */
export async function sweepHosts(
  db: Kysely<Database>,
  now: Date,
): Promise<{ lapsed: number; dropped: number }> {
  const at = now.toISOString();
  const lapsed = await db
    .updateTable('hosts')
    .set({ holder: null, lease_until: null })
    .where('holder', 'is not', null)
    .where('lease_until', '<=', at)
    .executeTakeFirst();
  const idleSince = plus(now, -IDLE_HOST_MS);
  const dropped = await db
    .deleteFrom('hosts')
    .where('holder', 'is', null)
    .where('next_allowed_at', '<', idleSince)
    .where('updated_at', '<', idleSince)
    .where((eb) => eb.or([eb('retry_after', 'is', null), eb('retry_after', '<=', at)]))
    .where((eb) => eb.or([eb('robots_expires_at', 'is', null), eb('robots_expires_at', '<=', at)]))
    .executeTakeFirst();
  return { lapsed: Number(lapsed.numUpdatedRows), dropped: Number(dropped.numDeletedRows) };
}

/** The HTTP client's host gate on the `hosts` table: politeness for every process on one database. */
export function databaseHostGate(db: Kysely<Database>, now: () => Date, owner: string): HostGate {
  let turns = 0;
  return {
    take: (host, leaseMs, pauseMs) =>
      takeHost(db, { host, token: `${owner}#${++turns}`, now: now(), leaseMs, pauseMs }),
    release: (host, token, pauseMs, deferMs) =>
      releaseHost(db, { host, token, now: now(), pauseMs, deferMs }),
    readRobots: (host, origin) => readHostRobots(db, host, origin, now()),
    saveRobots: (host, origin, robots, ttlMs) =>
      saveHostRobots(db, { host, origin, robots, now: now(), ttlMs }),
  };
}
