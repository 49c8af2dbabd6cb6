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
  users: number;
}

// Lanes of idle hosts are dropped once this many exist, so a long-running worker does not grow without bound
const LANE_SWEEP_THRESHOLD = 256;

/**
 * One request at a time per host, a pause between them counted from the end of the previous request,
 * and a global cap on requests in flight. Waiting holds no global slot, so idle hosts never block busy ones.
 */
export class Politeness {
  readonly #global: Semaphore;
  readonly #lanes = new Map<string, Lane>();

  constructor(
    concurrency: number,
    private readonly now: () => number,
    private readonly sleep: Sleep,
  ) {
    this.#global = new Semaphore(concurrency);
  }

  async run<T>(host: string, delayMs: number, signal: AbortSignal, task: () => Promise<T>): Promise<T> {
    const lane = this.#lane(host);
    lane.users++;
    try {
      await lane.lock.acquire(signal);
      try {
        await this.#waitUntil(lane.nextAt, signal);
        await this.#global.acquire(signal);
        try {
          return await task();
        } finally {
          this.#global.release();
          lane.nextAt = this.now() + delayMs;
        }
      } finally {
        lane.lock.release();
      }
    } finally {
      lane.users--;
    }
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
    const lane: Lane = { lock: new Semaphore(1), nextAt: 0, users: 0 };
    this.#lanes.set(host, lane);
    return lane;
  }

  #sweep(): void {
    const now = this.now();
    for (const [host, lane] of this.#lanes) {
      if (lane.users === 0 && lane.nextAt <= now) this.#lanes.delete(host);
    }
  }
}
