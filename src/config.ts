import path from 'node:path';

export interface HttpConfig {
  userAgent: string;
  /** Refuse private, loopback, link-local… addresses after DNS resolution unless true. */
  allowPrivateNetworks: boolean;
  /** Addresses allowed even when private networks are refused (tests allow their fixture's own address). */
  allowedAddresses: readonly string[];
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  totalTimeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  perHostDelayMs: number;
  concurrency: number;
  robotsTtlMs: number;
  respectRobots: boolean;
}

export interface CrawlConfig {
  /** node-cron expression for the fetch/re-check pass. */
  cron: string;
  /** node-cron expression for discovery (call page, comment feed, participant feeds). */
  discoverCron: string;
  /** node-cron expression for closing parades whose deadline has passed. */
  deadlineCron: string;
  /** node-cron expression for cleanup: stale rendered pages, old discovery runs, lapsed host turns. */
  cleanupCron: string;
  batchSize: number;
  leaseMs: number;
  maxAttempts: number;
}

export interface DiscoveryConfig {
  /** Comment pages and comment-feed pages one call source reads per pass, beyond the call page itself. */
  pagesPerPass: number;
  /** Days after the deadline a participant's new post still counts as published while the parade ran. */
  graceDays: number;
  /** New posts one participant blog may propose per pass only because they fall in the parade's window. */
  windowPerBlog: number;
  /** The same, for all blogs of one parade together. */
  windowPerParade: number;
}

export interface RateConfig {
  /** Requests allowed at once … */
  burst: number;
  /** … and per minute after that. */
  perMinute: number;
}

export interface LimitsConfig {
  /** Registrations, webmentions and pingbacks one client address, or one source host on one parade, may send at once … */
  burst: number;
  /** … and per minute after that. */
  perMinute: number;
  /** Registrations, webmentions and pingbacks one parade takes from everyone together. */
  parade: RateConfig;
  /** Parades one client address may create. */
  create: RateConfig;
  /** Failed admin attempts (wrong token or cookie) one client address may make. */
  admin: RateConfig;
}

export interface CacheConfig {
  /** How long a process trusts its idea of a parade's change counter before asking the database again. */
  checkMs: number;
  /** Bytes of rendered pages (with their compressed forms) kept in this process's memory. */
  memoryBytes: number;
}

export interface Config {
  port: number;
  host: string;
  baseUrl: string;
  databaseUrl: string;
  contactUrl: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  http: HttpConfig;
  crawl: CrawlConfig;
  discovery: DiscoveryConfig;
  limits: LimitsConfig;
  cache: CacheConfig;
  /** Addresses (or CIDR ranges) of reverse proxies whose X-Forwarded-For is believed. */
  trustedProxies: readonly string[];
  /** 'open': a new parade is listed once its call is verified; 'review': also once the operator approved it. */
  newParades: 'open' | 'review';
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return Math.floor(value);
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(raw.toLowerCase());
}

function list(env: Env, name: string): string[] {
  return (env[name] || '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

function newParades(raw: string | undefined): 'open' | 'review' {
  const value = (raw || 'open').toLowerCase();
  if (value !== 'open' && value !== 'review')
    throw new Error(`KORSO_NEW_PARADES must be "open" or "review", got "${raw}"`);
  return value;
}

/** Reads the environment once; the only reader of process.env. Overrides win over the environment. */
export function loadConfig(env: Env = process.env, overrides: Partial<Env> = {}): Config {
  const e: Env = { ...env, ...overrides };
  const port = int(e, 'PORT', 3000);
  const baseUrl = (e.KORSO_BASE_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  const contactUrl = e.KORSO_CONTACT_URL || `${baseUrl}/about`;
  const logLevel = (e.KORSO_LOG_LEVEL || 'info') as Config['logLevel'];
  return deepFreeze({
    port,
    host: e.HOST || '0.0.0.0',
    baseUrl,
    databaseUrl: e.DATABASE_URL || `sqlite:${path.join('.', 'data', 'korso.db')}`,
    contactUrl,
    logLevel,
    http: {
      userAgent: e.KORSO_USER_AGENT || `korso/0.1 (+${contactUrl})`,
      allowPrivateNetworks: bool(e, 'KORSO_ALLOW_PRIVATE_NETWORKS', false),
      allowedAddresses: list(e, 'KORSO_ALLOWED_ADDRESSES'),
      connectTimeoutMs: int(e, 'KORSO_CONNECT_TIMEOUT_MS', 5_000),
      headersTimeoutMs: int(e, 'KORSO_HEADERS_TIMEOUT_MS', 10_000),
      totalTimeoutMs: int(e, 'KORSO_TOTAL_TIMEOUT_MS', 20_000),
      maxBytes: int(e, 'KORSO_MAX_BYTES', 5 * 1024 * 1024),
      maxRedirects: int(e, 'KORSO_MAX_REDIRECTS', 5),
      perHostDelayMs: int(e, 'KORSO_PER_HOST_DELAY_MS', 1_000),
      concurrency: int(e, 'KORSO_CONCURRENCY', 8),
      robotsTtlMs: int(e, 'KORSO_ROBOTS_TTL_MS', 60 * 60 * 1000),
      respectRobots: bool(e, 'KORSO_RESPECT_ROBOTS', true),
    },
    crawl: {
      cron: e.KORSO_CRAWL_CRON || '*/5 * * * *',
      discoverCron: e.KORSO_DISCOVER_CRON || '*/15 * * * *',
      deadlineCron: e.KORSO_DEADLINE_CRON || '* * * * *',
      cleanupCron: e.KORSO_CLEANUP_CRON || '23 * * * *',
      batchSize: int(e, 'KORSO_CRAWL_BATCH', 100),
      leaseMs: int(e, 'KORSO_LEASE_MS', 2 * 60 * 1000),
      maxAttempts: int(e, 'KORSO_MAX_ATTEMPTS', 5),
    },
    discovery: {
      pagesPerPass: int(e, 'KORSO_DISCOVER_PAGES_PER_PASS', 20),
      graceDays: int(e, 'KORSO_DISCOVER_GRACE_DAYS', 7),
      windowPerBlog: int(e, 'KORSO_DISCOVER_WINDOW_PER_BLOG', 5),
      windowPerParade: int(e, 'KORSO_DISCOVER_WINDOW_PER_PARADE', 30),
    },
    limits: {
      burst: int(e, 'KORSO_RATE_BURST', 10),
      perMinute: int(e, 'KORSO_RATE_PER_MINUTE', 6),
      parade: {
        burst: int(e, 'KORSO_RATE_PARADE_BURST', 60),
        perMinute: int(e, 'KORSO_RATE_PARADE_PER_MINUTE', 30),
      },
      create: {
        burst: int(e, 'KORSO_RATE_CREATE_BURST', 6),
        perMinute: int(e, 'KORSO_RATE_CREATE_PER_HOUR', 12) / 60,
      },
      admin: {
        burst: int(e, 'KORSO_RATE_ADMIN_BURST', 10),
        perMinute: int(e, 'KORSO_RATE_ADMIN_PER_MINUTE', 5),
      },
    },
    cache: {
      checkMs: int(e, 'KORSO_CACHE_CHECK_MS', 1_000),
      memoryBytes: int(e, 'KORSO_CACHE_MB', 64) * 1024 * 1024,
    },
    trustedProxies: list(e, 'KORSO_TRUSTED_PROXIES'),
    newParades: newParades(e.KORSO_NEW_PARADES),
  });
}
