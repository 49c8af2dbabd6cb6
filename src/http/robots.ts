import robotsParserModule from 'robots-parser';
import type { FetchResult } from './types.js';

// robots-parser is CommonJS typed as an ES default export; under NodeNext the default import is the function itself
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

export interface RobotsRules {
  isAllowed(url: string): boolean;
  /** Crawl-delay for our agent, 0 when none. */
  crawlDelayMs: number;
}

export const allowAll: RobotsRules = { isAllowed: () => true, crawlDelayMs: 0 };

// Google reads only the first 500 KiB of a robots.txt
export const ROBOTS_MAX_BYTES = 500 * 1024;
// A huge Crawl-delay would park the host's queue for hours; a minute is already very slow for a blog
const MAX_CRAWL_DELAY_MS = 60_000;

/** The product token robots.txt groups are matched against: "korso" for "korso/0.1 (+https://…)". */
export function productToken(userAgent: string): string {
  return /^[^\s/]+/.exec(userAgent)?.[0] ?? userAgent;
}

export function parseRobots(robotsUrl: string, text: string, agent: string): RobotsRules {
  const robot = robotsParser(robotsUrl, text);
  const delaySeconds = robot.getCrawlDelay(agent) ?? 0;
  return {
    // undefined means another origin than the robots.txt, which its rules do not cover
    isAllowed: (url) => robot.isAllowed(url, agent) !== false,
    crawlDelayMs: Math.min(Math.max(0, delaySeconds * 1000), MAX_CRAWL_DELAY_MS),
  };
}

/** The robots.txt text a fetch brought, or null when there is none to obey. */
export function robotsTextOf(result: FetchResult): string | null {
  // No robots.txt allows all; on 5xx or no answer we also allow rather than stall every blog with a flaky server
  return result.ok && !result.notModified ? result.body.toString('utf8') : null;
}

export function rulesFromText(robotsUrl: string, text: string | null, agent: string): RobotsRules {
  return text === null ? allowAll : parseRobots(robotsUrl, text, agent);
}

interface CacheEntry {
  expiresAt: number;
  rules: Promise<RobotsRules>;
}

/** robots.txt rules per origin, loaded once per TTL; concurrent callers share one load. */
export class RobotsCache {
  readonly #entries = new Map<string, CacheEntry>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
    private readonly load: (origin: string) => Promise<RobotsRules>,
  ) {}

  get(origin: string): Promise<RobotsRules> {
    const now = this.now();
    const hit = this.#entries.get(origin);
    if (hit && hit.expiresAt > now) return hit.rules;
    this.#dropExpired(now);
    const rules = this.load(origin);
    this.#entries.set(origin, { expiresAt: now + this.ttlMs, rules });
    return rules;
  }

  clear(): void {
    this.#entries.clear();
  }

  #dropExpired(now: number): void {
    for (const [origin, entry] of this.#entries) {
      if (entry.expiresAt <= now) this.#entries.delete(origin);
    }
  }
}
