import { FetchFailureError } from './failure.js';
import type { HostGate, HostTurn } from './host-gate.js';

/** Waits `ms`, ending early (with a rejection) when `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** A counting semaphore; waiters are served in arrival order and leave the queue when their signal aborts. */
export class Semaphore {
  #free: number;
  readonly #waiters = new Set<() => void>();

  constructor(size: number) {
    this.#free = Math.max(1, size);
  }

  async acquire(signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    if (this.#free > 0) {
      this.#free--;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const grant = () => {
        signal.removeEventListener('abort', cancel);
        resolve();
      };
      const cancel = () => {
        this.#waiters.delete(grant);
        reject(signal.reason);
      };
      this.#waiters.add(grant);
      signal.addEventListener('abort', cancel, { once: true });
    });
  }

  release(): void {
    const [next] = this.#waiters;
    if (!next) {
      this.#free++;
      return;
    }
    this.#waiters.delete(next);
    next();
  }
}

interface Lane {
  lock: Semaphore;
  /** Earliest time the next request to this host may start. */
  nextAt: number;
  /** The host asked korso to stay away until then (Retry-After); 0 when it did not. */
  deferredUntil: number;
  users: number;
}

/** What a request may tell politeness about its host while it holds the turn. */
export interface Turn {
  /** The host answered with Retry-After: no request to it before `until`. */
  deferUntil(until: Date): void;
}

export interface PolitenessOptions {
  /** Shared with other processes; without one, politeness holds for this process alone. */
  gate?: HostGate;
  /** How long a turn taken from the gate lasts at most (longer than any one request can take). */
  leaseMs?: number;
  /** A turn could not be handed back; it lapses on its own after its lease. */
  onReleaseError?: (host: string, error: unknown) => void;
}

// Lanes of idle hosts are dropped once this many exist, so a long-running worker does not grow without bound
const LANE_SWEEP_THRESHOLD = 256;
// A Retry-After or Crawl-delay up to a minute is waited out; a longer one fails the request at once
const MAX_POLITE_WAIT_MS = 60_000;
// Asking a busy gate again sooner than this would only load the database
const MIN_GATE_POLL_MS = 20;

/** The request cannot go now: the host asked korso to stay away for longer than is worth waiting. */
function deferred(host: string, until: number): FetchFailureError {
  const retryAfter = new Date(until);
  return new FetchFailureError({
    reason: 'rate-limited',
    detail: `${host} asked us to come back after ${retryAfter.toISOString()}`,
    retryAfter,
  });
}

/**
 * One request at a time per host, a pause between them counted from the end of the previous request,
 * and a global cap on requests in flight. Waiting holds no global slot, so idle hosts never block busy
 * ones. With a gate, the host's turn and pause also hold across every process that shares it.
 */
export class Politeness {
  readonly #global: Semaphore;
  readonly #lanes = new Map<string, Lane>();
  readonly #gate: HostGate | undefined;
  readonly #leaseMs: number;
  readonly #onReleaseError: (host: string, error: unknown) => void;

  constructor(
    concurrency: number,
    private readonly now: () => number,
    private readonly sleep: Sleep,
    options: PolitenessOptions = {},
  ) {
    this.#global = new Semaphore(concurrency);
    this.#gate = options.gate;
    this.#leaseMs = options.leaseMs ?? 60_000;
    this.#onReleaseError = options.onReleaseError ?? (() => {});
  }

  async run<T>(
    host: string,
    delayMs: number,
    signal: AbortSignal,
    task: (turn: Turn) => Promise<T>,
  ): Promise<T> {
    const lane = this.#lane(host);
    lane.users++;
    try {
      await lane.lock.acquire(signal);
      try {
        for (;;) {
          this.#checkDeferral(host, lane);
          await this.#waitUntil(lane.nextAt, signal);
          await this.#global.acquire(signal);
          const token = await this.#take(host, lane, delayMs);
          if (token === undefined) continue;
          return await this.#runTurn(host, lane, delayMs, token, task);
        }
      } finally {
        lane.lock.release();
      }
    } finally {
      lane.users--;
    }
  }

  /** The gate's token for this turn (null without a gate), or undefined when the host is not free yet. */
  async #take(host: string, lane: Lane, delayMs: number): Promise<string | null | undefined> {
    if (!this.#gate) return null;
    let turn: HostTurn;
    try {
      turn = await this.#gate.take(host, this.#leaseMs, delayMs);
    } catch (error) {
      this.#global.release();
      // Said plainly, so a database that refuses connections is not taken for the blog refusing them
      throw new FetchFailureError({
        reason: 'connect',
        detail: `korso could not take its turn for ${host} (${error instanceof Error ? error.message : String(error)})`,
      });
    }
    if (turn.granted) return turn.token;
    this.#global.release();
    const now = this.now();
    lane.nextAt = now + Math.max(turn.waitMs, MIN_GATE_POLL_MS);
    if (turn.deferredMs !== undefined)
      lane.deferredUntil = Math.max(lane.deferredUntil, now + turn.deferredMs);
    return undefined;
  }

  async #runTurn<T>(
    host: string,
    lane: Lane,
    delayMs: number,
    token: string | null,
    task: (turn: Turn) => Promise<T>,
  ): Promise<T> {
    let deferUntil: number | undefined;
    try {
      return await task({ deferUntil: (until) => (deferUntil = until.getTime()) });
    } finally {
      this.#global.release();
      const end = this.now();
      lane.nextAt = end + delayMs;
      if (deferUntil !== undefined) lane.deferredUntil = Math.max(lane.deferredUntil, deferUntil);
      if (token !== null && this.#gate) {
        const deferMs = deferUntil !== undefined && deferUntil > end ? deferUntil - end : undefined;
        await this.#gate
          .release(host, token, delayMs, deferMs)
          .catch((error) => this.#onReleaseError(host, error));
      }
    }
  }

  /** A short deferral is waited out like a pause; a long one fails the request without contacting the host. */
  #checkDeferral(host: string, lane: Lane): void {
    const now = this.now();
    if (lane.deferredUntil <= now) {
      lane.deferredUntil = 0;
      return;
    }
    if (lane.deferredUntil - now > MAX_POLITE_WAIT_MS) throw deferred(host, lane.deferredUntil);
    lane.nextAt = Math.max(lane.nextAt, lane.deferredUntil);
  }

  async #waitUntil(time: number, signal: AbortSignal): Promise<void> {
    const wait = time - this.now();
    if (wait > 0) await this.sleep(wait, signal);
    signal.throwIfAborted();
  }

  #lane(host: string): Lane {
    const existing = this.#lanes.get(host);
    if (existing) return existing;
    if (this.#lanes.size >= LANE_SWEEP_THRESHOLD) this.#sweep();
    const lane: Lane = { lock: new Semaphore(1), nextAt: 0, deferredUntil: 0, users: 0 };
    this.#lanes.set(host, lane);
    return lane;
  }

  #sweep(): void {
    const now = this.now();
    for (const [host, lane] of this.#lanes) {
      if (lane.users === 0 && lane.nextAt <= now && lane.deferredUntil <= now) this.#lanes.delete(host);
    }
  }
}
