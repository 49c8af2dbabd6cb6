import { setMaxListeners } from 'node:events';
import type { LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { Agent, request as undiciRequest } from 'undici';
import type { HttpConfig } from '../config.js';
import { type Logger, silentLogger } from '../log.js';
import {
  type AddressGuard,
  createAddressGuard,
  createGuardedLookup,
  literalAddress,
} from './address-guard.js';
import { ACCEPT_ENCODING, readBody } from './body.js';
import {
  BodyTooLargeError,
  describeError,
  type Failure,
  FetchFailureError,
  failureForStatus,
  parseRetryAfter,
} from './failure.js';
import type { HostGate } from './host-gate.js';
import { Politeness, type Sleep, type Turn } from './politeness.js';
import {
  allowAll,
  productToken,
  ROBOTS_MAX_BYTES,
  RobotsCache,
  type RobotsRules,
  robotsTextOf,
  rulesFromText,
} from './robots.js';
import { linkSignals } from './signals.js';
import type { FetchRequest, FetchResult, HttpClient } from './types.js';

export { describeFetchFailure } from './failure.js';

export const DEFAULT_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// A shared host turn outlives the longest request by this much, so a slow event loop cannot lose it mid-request
const TURN_LEASE_MARGIN_MS = 5_000;
const EMPTY = Buffer.alloc(0);

export interface HttpClientDeps {
  log?: Logger;
  now?: () => number;
  sleep?: Sleep;
  /** DNS resolver (tests swap in a fake one); its answers still pass the address guard. */
  lookup?: LookupFunction;
  /** Sees every finished fetch (korso's metrics), so this layer needs no metrics library. */
  observe?: (result: FetchResult) => void;
  /** Host turns, pauses, Retry-After and robots.txt shared with other processes (PostgreSQL). */
  gate?: HostGate;
}

interface Exchange {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Where a fetch got to: the URLs passed through and how it ended. */
interface Trail {
  chain: string[];
  outcome: { exchange: Exchange } | { failure: Failure };
}

const defaultSleep: Sleep = (ms, signal) => delay(ms, undefined, { signal });

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** Drops a body we will not read; closing the socket beats draining a body that may drip for seconds. */
function discard(body: Readable): void {
  body.on('error', () => {});
  body.destroy();
}

/** host[:port] as entries store it (default port left out), the unit politeness is counted in. */
function hostKey(url: URL): string {
  return url.host;
}

function parseTarget(raw: string, base?: URL): URL | Failure {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return { reason: 'invalid-url', detail: `"${raw}" is not a valid web address` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { reason: 'invalid-url', detail: `${url.href} is not an http or https address` };
  }
  return url;
}

function cancelled(): Failure {
  return { reason: 'timeout', detail: 'the request was cancelled before it finished' };
}

/** Network time left for one fetch across its redirect hops; waiting for a polite slot does not count. */
class TimeBudget {
  #remainingMs: number;

  constructor(
    private readonly totalMs: number,
    private readonly now: () => number,
  ) {
    this.#remainingMs = totalMs;
  }

  async spend<T>(parent: AbortSignal, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const link = linkSignals([parent]);
    let expired = false;
    const handle = setTimeout(
      () => {
        expired = true;
        link.abort();
      },
      Math.max(0, this.#remainingMs),
    );
    const started = this.now();
    try {
      return await task(link.signal);
    } catch (error) {
      if (!expired) throw error;
      throw new FetchFailureError({
        reason: 'timeout',
        detail: `the server took longer than ${this.totalMs} ms to send the page`,
      });
    } finally {
      clearTimeout(handle);
      link.dispose();
      this.#remainingMs -= this.now() - started;
    }
  }
}

class GuardedHttpClient implements HttpClient {
  readonly #closing = new AbortController();
  readonly #agent: Agent;
  readonly #guard: AddressGuard;
  readonly #politeness: Politeness;
  readonly #robots: RobotsCache;
  readonly #agentToken: string;
  readonly #log: Logger;
  readonly #now: () => number;
  readonly #observe: ((result: FetchResult) => void) | undefined;
  readonly #gate: HostGate | undefined;

  constructor(
    private readonly config: HttpConfig,
    deps: HttpClientDeps,
  ) {
    this.#log = deps.log ?? silentLogger;
    this.#now = deps.now ?? Date.now;
    this.#observe = deps.observe;
    // Every request in flight listens on the closing signal; hundreds at once are expected.
    setMaxListeners(0, this.#closing.signal);
    this.#guard = createAddressGuard(config);
    this.#agent = new Agent({
      connect: { timeout: config.connectTimeoutMs, lookup: createGuardedLookup(this.#guard, deps.lookup) },
      headersTimeout: config.headersTimeoutMs,
      bodyTimeout: config.headersTimeoutMs,
    });
    this.#gate = deps.gate;
    this.#politeness = new Politeness(config.concurrency, this.#now, deps.sleep ?? defaultSleep, {
      gate: deps.gate,
      leaseMs: config.totalTimeoutMs + TURN_LEASE_MARGIN_MS,
      onReleaseError: (host, error) =>
        this.#log.warn('http.turn_release_failed', { host, error: String(error) }),
    });
    this.#agentToken = productToken(config.userAgent);
    this.#robots = new RobotsCache(config.robotsTtlMs, this.#now, (origin) => this.#loadRobots(origin));
  }

  async fetch(requestedUrl: string, request: FetchRequest = {}): Promise<FetchResult> {
    const started = this.#now();
    const link = linkSignals(
      request.signal ? [this.#closing.signal, request.signal] : [this.#closing.signal],
    );
    const trail = await this.#follow(requestedUrl, request, link.signal);
    link.dispose();
    const result = this.#toResult(requestedUrl, request, trail, started);
    const fields = { url: result.url, status: result.status, ms: result.ms };
    if (result.ok) this.#log.debug('http.fetch', fields);
    else this.#log.info('http.fetch_failed', { ...fields, reason: result.reason, detail: result.detail });
    this.#observe?.(result);
    return result;
  }

  async close(): Promise<void> {
    this.#closing.abort();
    this.#robots.clear();
    await this.#agent.destroy();
  }

  async #follow(requestedUrl: string, request: FetchRequest, signal: AbortSignal): Promise<Trail> {
    const chain: string[] = [];
    const budget = new TimeBudget(this.config.totalTimeoutMs, this.#now);
    try {
      let target = parseTarget(requestedUrl);
      while (target instanceof URL) {
        chain.push(target.href);
        const exchange = await this.#hop(target, request, budget, signal);
        const next = this.#redirectTarget(exchange, target, chain);
        if (next === null) return { chain, outcome: { exchange } };
        target = next;
      }
      return { chain, outcome: { failure: target } };
    } catch (error) {
      const failure = signal.aborted ? cancelled() : describeError(error, this.config);
      return { chain, outcome: { failure } };
    }
  }

  /** Where a redirect leads; null when the exchange is the final answer, a failure for one we will not follow. */
  #redirectTarget(exchange: Exchange, from: URL, chain: readonly string[]): URL | Failure | null {
    const location = exchange.headers.location;
    if (!REDIRECT_STATUSES.has(exchange.status) || location === undefined) return null;
    const { maxRedirects } = this.config;
    if (chain.length > maxRedirects) {
      return { reason: 'too-many-redirects', detail: `the page redirected more than ${maxRedirects} times` };
    }
    const next = parseTarget(location, from);
    if (next instanceof URL && chain.includes(next.href)) {
      return { reason: 'too-many-redirects', detail: 'the page redirects in a loop' };
    }
    return next;
  }

  /** One request: checks that need no connection first, then the exchange in the host's polite slot. */
  async #hop(url: URL, request: FetchRequest, budget: TimeBudget, signal: AbortSignal): Promise<Exchange> {
    const literal = literalAddress(url.hostname);
    const refusal = literal === null ? null : this.#guard(literal);
    if (refusal) throw new FetchFailureError({ reason: 'blocked-address', detail: refusal });
    const rules = await this.#rulesFor(url, request);
    if (!rules.isAllowed(url.href)) {
      throw new FetchFailureError({
        reason: 'robots',
        detail: `robots.txt of ${url.host} asks crawlers not to fetch this page`,
      });
    }
    const delayMs = Math.max(this.config.perHostDelayMs, rules.crawlDelayMs);
    return this.#politeness.run(hostKey(url), delayMs, signal, async (turn) => {
      const exchange = await budget.spend(signal, (hopSignal) => this.#exchange(url, request, hopSignal));
      this.#noteRetryAfter(exchange, turn);
      return exchange;
    });
  }

  /** A 429 or 503 with Retry-After holds back every request to the host, not only this one's retry. */
  #noteRetryAfter(exchange: Exchange, turn: Turn): void {
    if (exchange.status !== 429 && exchange.status !== 503) return;
    const until = parseRetryAfter(exchange.headers['retry-after'], this.#now());
    if (until) turn.deferUntil(until);
  }

  #rulesFor(url: URL, request: FetchRequest): Promise<RobotsRules> {
    if (!this.config.respectRobots || request.skipRobots) return Promise.resolve(allowAll);
    return this.#robots.get(url.origin);
  }

  /** robots.txt from another process if it is fresh, else fetched and shared. */
  async #loadRobots(origin: string): Promise<RobotsRules> {
    const robotsUrl = `${origin}/robots.txt`;
    const host = new URL(origin).host;
    const shared = await this.#gate?.readRobots(host, origin).catch((error) => {
      this.#log.warn('http.shared_robots_failed', { host, error: String(error) });
      return undefined;
    });
    if (shared) return rulesFromText(robotsUrl, shared.text, this.#agentToken);
    const result = await this.fetch(robotsUrl, {
      skipRobots: true,
      accept: 'text/plain,*/*;q=0.5',
      maxBytes: Math.min(ROBOTS_MAX_BYTES, this.config.maxBytes),
    });
    const text = robotsTextOf(result);
    await this.#gate?.saveRobots(host, origin, { text }, this.config.robotsTtlMs).catch((error) => {
      this.#log.warn('http.shared_robots_failed', { host, error: String(error) });
    });
    return rulesFromText(robotsUrl, text, this.#agentToken);
  }

  async #exchange(url: URL, request: FetchRequest, signal: AbortSignal): Promise<Exchange> {
    const response = await undiciRequest(url, {
      dispatcher: this.#agent,
      method: 'GET',
      headers: this.#requestHeaders(request),
      signal,
    });
    const headers = flattenHeaders(response.headers);
    const status = response.statusCode;
    if (status < 200 || status >= 300 || status === 204) {
      discard(response.body);
      return { status, headers, body: EMPTY };
    }
    const maxBytes = request.maxBytes ?? this.config.maxBytes;
    if (!headers['content-encoding'] && Number(headers['content-length']) > maxBytes) {
      discard(response.body);
      throw new BodyTooLargeError(maxBytes);
    }
    return { status, headers, body: await readBody(response.body, headers['content-encoding'], maxBytes) };
  }

  #requestHeaders(request: FetchRequest): Record<string, string> {
    return {
      'user-agent': this.config.userAgent,
      accept: request.accept ?? DEFAULT_ACCEPT,
      'accept-encoding': ACCEPT_ENCODING,
      ...(request.etag && { 'if-none-match': request.etag }),
      ...(request.lastModified && { 'if-modified-since': request.lastModified }),
    };
  }

  #toResult(requestedUrl: string, request: FetchRequest, trail: Trail, started: number): FetchResult {
    const chain = trail.chain.length > 0 ? trail.chain : [requestedUrl];
    const base = {
      requestedUrl,
      url: chain[chain.length - 1] ?? requestedUrl,
      chain,
      ms: this.#now() - started,
    };
    if ('failure' in trail.outcome) return { ok: false, ...base, ...trail.outcome.failure };
    const { status, headers, body } = trail.outcome.exchange;
    const failure = failureForStatus(status, headers, this.#now());
    if (failure) return { ok: false, ...base, ...failure };
    const notModified = status === 304;
    return {
      ok: true,
      ...base,
      status,
      notModified,
      headers,
      contentType: headers['content-type'] ?? null,
      // a 304 need not repeat the validators; the ones we sent still hold
      etag: headers.etag ?? (notModified ? (request.etag ?? null) : null),
      lastModified: headers['last-modified'] ?? (notModified ? (request.lastModified ?? null) : null),
      body,
    };
  }
}

/** The one outbound HTTP client: address guard, robots.txt, politeness, timeouts, byte cap, redirects. */
export function createHttpClient(config: HttpConfig, deps: HttpClientDeps = {}): HttpClient {
  return new GuardedHttpClient(config, deps);
}
