/**
 * Token buckets per key (client address, source host): `burst` requests at once, refilled at
 * `perMinute`. In memory, per process; a sweep keeps idle keys from piling up.
 */
export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly burst: number,
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token; returns 0 when allowed, else the seconds until the next token. */
  take(key: string): number {
    const now = this.now();
    const rate = this.perMinute / 60_000;
    const bucket = this.#buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * rate);
    bucket.at = now;
    if (this.#buckets.size > 10_000) this.#sweep(now, rate);
    this.#buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / rate / 1000);
  }

  #sweep(now: number, rate: number): void {
    for (const [key, b] of this.#buckets) {
      if (b.tokens + (now - b.at) * rate >= this.burst) this.#buckets.delete(key);
    }
  }
}
