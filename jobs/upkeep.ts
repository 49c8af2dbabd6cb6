import type { AppContext } from '../src/context.js';
import { pruneLapsedClaims } from '../src/store/call-claim-repository.js';
import { sweepHosts } from '../src/store/host-repository.js';
import { pruneJobRuns } from '../src/store/job-run-repository.js';
import {
  markDeadlinesPassed,
  pruneDiscoveryRuns,
  pruneRenderedPages,
} from '../src/store/upkeep-repository.js';

// Discovery runs kept per parade for the host's dashboard
export const KEEP_DISCOVERY_RUNS = 50;

// Unused claim codes are kept this long past their expiry, so a late claimer hears "expired", not "unknown".
export const KEEP_LAPSED_CLAIMS_DAYS = 30;

/** Marks parades whose deadline has passed; each one's pages are rendered anew (now "closed"). */
export async function closeDeadlines(ctx: AppContext): Promise<{ closed: number }> {
  const closed = await markDeadlinesPassed(ctx.db, ctx.clock.now().toISOString());
  for (const parade of closed) ctx.log.info('parade.deadline_passed', { parade: parade.slug });
  return { closed: closed.length };
}

/**
 * Drops what nobody reads any more: stale rendered pages, old discovery runs and tick records, lapsed
 * host turns, claim codes that lapsed unused a month ago.
 */
export async function cleanUp(ctx: AppContext): Promise<Record<string, number>> {
  const now = ctx.clock.now();
  const renderedPages = await pruneRenderedPages(ctx.db, now.toISOString());
  const discoveryRuns = await pruneDiscoveryRuns(ctx.db, KEEP_DISCOVERY_RUNS);
  const hosts = await sweepHosts(ctx.db, now);
  const jobRuns = await pruneJobRuns(ctx.db, now);
  const lapsedClaims = await pruneLapsedClaims(
    ctx.db,
    new Date(now.getTime() - KEEP_LAPSED_CLAIMS_DAYS * 86_400_000).toISOString(),
  );
  return {
    renderedPages,
    discoveryRuns,
    lapsedHostTurns: hosts.lapsed,
    idleHosts: hosts.dropped,
    jobRuns,
    lapsedClaims,
  };
}
