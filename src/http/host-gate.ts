/**
 * A host's turn as granted by a gate shared by every korso process: `token` identifies this one turn;
 * otherwise `waitMs` says when asking again can succeed, and `deferredMs` how long the host itself
 * asked korso to stay away (Retry-After), if it did.
 */
export type HostTurn =
  | { granted: true; token: string }
  | { granted: false; waitMs: number; deferredMs?: number };

/** robots.txt as shared between processes; `text` null means none usable, which allows everything. */
export interface SharedRobots {
  text: string | null;
}

/**
 * Politeness across processes: one request per host at a time and the pause after it, for every worker
 * together. The HTTP client asks before each request and hands the turn back after it; the database
 * implements it (src/store/host-repository.ts). All times are relative, so the gate keeps its own clock.
 */
export interface HostGate {
  /**
   * Takes the host for one request if nobody holds it and its pause is over; never waits. The turn
   * lapses after `leaseMs` (a killed worker's turn frees itself), and until the holder hands it back
   * the next request counts its `pauseMs` from the end of the lease.
   */
  take(host: string, leaseMs: number, pauseMs: number): Promise<HostTurn>;
  /** Hands the turn back: the next request may start `pauseMs` from now, or `deferMs` when the host asked for that. */
  release(host: string, token: string, pauseMs: number, deferMs?: number): Promise<void>;
  /** robots.txt another process loaded for this origin and is still fresh, if any. */
  readRobots(host: string, origin: string): Promise<SharedRobots | undefined>;
  saveRobots(host: string, origin: string, robots: SharedRobots, ttlMs: number): Promise<void>;
}
