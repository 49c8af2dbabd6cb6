import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { routePath } from 'hono/route';
import type { AppContext } from '../context.js';
import {
  findRenderedPage,
  paradeVersion,
  SITE_SCOPE,
  type StoredPage,
  saveRenderedPage,
  siteVersion,
} from '../store/page-repository.js';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** What a page renderer returns; the cache adds validators, compression and headers. */
export interface Rendered {
  body: string | Buffer;
  contentType: string;
  /** ISO instant when the text goes stale by time alone (a countdown, the deadline), or null. */
  validUntil?: string | null;
}

/** A parade (by slug) or the site-wide pages (directory, global feeds, calendar). */
export type Scope = { slug: string } | 'site';

export interface Version {
  /** The parade's id, or SITE_SCOPE. */
  id: number;
  seq: number;
}

/** How long browsers and proxies may keep a response; public pages are cheap to revalidate (ETag). */
export const CACHE_CONTROL = {
  page: 'public, max-age=30, stale-while-revalidate=300',
  feed: 'public, max-age=300, stale-while-revalidate=3600',
} as const;

interface Entry {
  page: StoredPage;
  validUntilMs: number | null;
  size: number;
}

type Encoding = 'br' | 'gzip' | 'identity';

/** How a request address maps to a cached document, learned the first time the app answered it. */
interface Alias {
  cacheKey: string;
  versionKey: string;
  cacheControl: string;
  route: string;
  /** The headers the app adds to every answer of this route (security, Link, X-Pingback …). */
  headers: [string, string][];
}

/** An answer the front door gives without running the app. */
export interface FastAnswer {
  status: 200 | 304;
  headers: Record<string, string>;
  body: Buffer | null;
  route: string;
}

// Headers that belong to one rendering and one coding, not to the route.
const PER_RENDERING = new Set([
  'content-type',
  'content-length',
  'content-encoding',
  'etag',
  'last-modified',
  'cache-control',
  'vary',
]);
const MAX_ALIASES = 20_000;

/**
 * Pages, feeds and API documents rendered once per change of their scope and served from memory:
 * an LRU per process over a table every replica shares. A page is valid for one value of its
 * parade's change counter, which a process re-reads at most every `checkMs` (one indexed query).
 */
export class PageCache {
  readonly #ctx: AppContext;
  readonly #lru = new Map<string, Entry>();
  #bytes = 0;
  readonly #versions = new Map<string, Version & { checkedAt: number }>();
  readonly #inflight = new Map<string, Promise<Entry>>();
  readonly #aliases = new Map<string, Alias>();

  constructor(ctx: AppContext) {
    this.#ctx = ctx;
  }

  /** The scope's current counter (at most `checkMs` old), or undefined when the parade does not exist. */
  async version(scope: Scope): Promise<Version | undefined> {
    const key = scope === 'site' ? 'site' : `p:${scope.slug}`;
    const known = this.#versions.get(key);
    const at = performance.now();
    if (known && at - known.checkedAt < this.#ctx.config.cache.checkMs) return known;
    const fresh =
      scope === 'site'
        ? { id: SITE_SCOPE, seq: await siteVersion(this.#ctx.db) }
        : await paradeVersion(this.#ctx.db, scope.slug);
    if (!fresh) {
      this.#versions.delete(key);
      return undefined;
    }
    if (this.#versions.size > 10_000) this.#versions.clear();
    this.#versions.set(key, { ...fresh, checkedAt: at });
    return fresh;
  }

  /** A write made by this process: the next request asks the database instead of trusting memory. */
  forget(slug: string): void {
    this.#versions.delete(`p:${slug}`);
    this.#versions.delete('site');
  }

  /**
   * Answers from the cache, rendering on a miss (once per process and key however many requests wait).
   * `key` names the document within its scope, including every query parameter that changes it.
   */
  async respond(
    c: Context,
    scope: Scope,
    key: string,
    cacheControl: string,
    render: (version: Version) => Promise<Rendered>,
    extraHeaders: Record<string, string> = {},
  ): Promise<Response> {
    const { version, cacheKey, nowMs, hit } = await this.#lookup(scope, key);
    let entry = hit;
    if (entry) {
      // Most recently used last, so eviction drops the oldest.
      this.#lru.delete(cacheKey);
      this.#lru.set(cacheKey, entry);
      this.#ctx.metrics.countPage('memory');
    } else {
      entry = await this.#load(cacheKey, key, version, nowMs, render);
    }
    const response = send(c, entry.page, cacheControl, extraHeaders);
    this.#learn(c, response, {
      cacheKey,
      versionKey: scope === 'site' ? 'site' : `p:${scope.slug}`,
      cacheControl,
      route: routePath(c),
      headers: [],
    });
    return response;
  }

  /** Remembers which document answers this address, so the front door can answer it next time. */
  #learn(c: Context, response: Response, alias: Alias): void {
    // A host's request (Authorization) is answered by other routes; the front door never sees it.
    if (c.req.header('authorization') !== undefined || response.status !== 200) return;
    const url = new URL(c.req.url);
    const address = `${url.pathname}${url.search}`;
    if (this.#aliases.has(address)) return;
    if (this.#aliases.size >= MAX_ALIASES) this.#aliases.clear();
    response.headers.forEach((value, name) => {
      if (!PER_RENDERING.has(name)) alias.headers.push([name, value]);
    });
    this.#aliases.set(address, alias);
  }

  /**
   * The answer for a GET of `address` straight from memory, when this process already answered
   * that address from a rendering that is still current and its counter was checked within
   * `checkMs`; undefined sends the request through the app (which checks, renders, counts).
   */
  fastAnswer(address: string, header: (name: string) => string | undefined): FastAnswer | undefined {
    const alias = this.#aliases.get(address);
    if (!alias) return undefined;
    const version = this.#versions.get(alias.versionKey);
    if (!version || performance.now() - version.checkedAt >= this.#ctx.config.cache.checkMs) return undefined;
    const entry = this.#lru.get(alias.cacheKey);
    if (!entry || entry.page.seq !== version.seq || expired(entry, this.#ctx.clock.now().getTime()))
      return undefined;
    this.#lru.delete(alias.cacheKey);
    this.#lru.set(alias.cacheKey, entry);
    this.#ctx.metrics.countPage('memory');
    const answer = answerFor(entry.page, alias.cacheControl, header);
    return {
      status: answer.status,
      headers: { ...Object.fromEntries(alias.headers), ...answer.headers },
      body: answer.body,
      route: alias.route,
    };
  }

  /**
   * A document of the scope as stored (rendered on a miss), for pages built from another cached
   * document, e.g. the themes every page of the lists view and the round-up share.
   */
  async document(
    scope: Scope,
    key: string,
    render: (version: Version) => Promise<Rendered>,
  ): Promise<Buffer> {
    const { version, cacheKey, nowMs, hit } = await this.#lookup(scope, key);
    return (hit ?? (await this.#load(cacheKey, key, version, nowMs, render))).page.body;
  }

  /** The scope's current counter and this process's rendering of `key` for it, if still current. */
  async #lookup(scope: Scope, key: string) {
    const version = await this.version(scope);
    if (!version)
      throw new HTTPException(404, { message: `no parade "${(scope as { slug: string }).slug}"` });
    const cacheKey = `${version.id}\n${key}`;
    const nowMs = this.#ctx.clock.now().getTime();
    const entry = this.#lru.get(cacheKey);
    const hit = entry && entry.page.seq === version.seq && !expired(entry, nowMs) ? entry : undefined;
    return { version, cacheKey, nowMs, hit };
  }

  #load(
    cacheKey: string,
    key: string,
    version: Version,
    nowMs: number,
    render: (version: Version) => Promise<Rendered>,
  ): Promise<Entry> {
    const flightKey = `${cacheKey}\n${version.seq}`;
    const running = this.#inflight.get(flightKey);
    if (running) return running;
    const loading = (async () => {
      let page = await findRenderedPage(this.#ctx.db, version.id, key, version.seq);
      if (!page || (page.validUntil !== null && Date.parse(page.validUntil) <= nowMs)) {
        const started = performance.now();
        page = await materialize(version, key, await render(version), this.#ctx.clock.now());
        const ms = performance.now() - started;
        this.#ctx.metrics.countPage('rendered', ms / 1000);
        this.#ctx.log.debug('page.rendered', {
          scope: version.id,
          key,
          seq: version.seq,
          bytes: page.body.length,
          ms: Math.round(ms),
        });
        try {
          await saveRenderedPage(this.#ctx.db, page);
        } catch (error) {
          // Serving the page matters more than sharing it; the next render tries again.
          this.#ctx.log.warn('page.save_failed', { key, error: String(error) });
        }
      } else {
        this.#ctx.metrics.countPage('stored');
      }
      const entry: Entry = {
        page,
        validUntilMs: page.validUntil === null ? null : Date.parse(page.validUntil),
        size: page.body.length + page.gzip.length + page.br.length + key.length,
      };
      this.#remember(cacheKey, entry);
      return entry;
    })().finally(() => this.#inflight.delete(flightKey));
    this.#inflight.set(flightKey, loading);
    return loading;
  }

  #remember(cacheKey: string, entry: Entry): void {
    const budget = this.#ctx.config.cache.memoryBytes;
    const old = this.#lru.get(cacheKey);
    if (old) {
      this.#lru.delete(cacheKey);
      this.#bytes -= old.size;
    }
    // One huge document must not flush everything else; it is served from the database instead.
    if (entry.size > budget / 4) return;
    this.#lru.set(cacheKey, entry);
    this.#bytes += entry.size;
    for (const [k, e] of this.#lru) {
      if (this.#bytes <= budget) break;
      this.#lru.delete(k);
      this.#bytes -= e.size;
    }
    this.#ctx.metrics.setPageCacheBytes(this.#bytes);
  }

  /** Bytes held in memory (for metrics and tests). */
  get bytes(): number {
    return this.#bytes;
  }
}

function expired(entry: Entry, nowMs: number): boolean {
  return entry.validUntilMs !== null && entry.validUntilMs <= nowMs;
}

async function materialize(
  version: Version,
  key: string,
  rendered: Rendered,
  now: Date,
): Promise<StoredPage> {
  const body = Buffer.isBuffer(rendered.body) ? rendered.body : Buffer.from(rendered.body, 'utf8');
  // Brotli 6 and gzip 6: within a few per cent of their best on pages, at a tenth of the time (a
  // change re-renders, and a busy parade changes often).
  const [gz, br] = await Promise.all([
    gzip(body, { level: 6 }),
    brotli(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 6,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
  ]);
  const hash = crypto.createHash('sha256').update(body).digest('base64url').slice(0, 27);
  return {
    scopeId: version.id,
    key,
    seq: version.seq,
    validUntil: rendered.validUntil ?? null,
    etag: `"${hash}"`,
    contentType: rendered.contentType,
    lastModified: now.toUTCString(),
    body,
    gzip: gz,
    br,
    createdAt: now.toISOString(),
  };
}

/** br, then gzip, then the plain body, as the client's Accept-Encoding allows (q=0 refuses). */
export function pickEncoding(header: string | undefined): Encoding {
  if (!header) return 'identity';
  const accepted = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name.trim(), q ? Number(q.slice(2)) || 0 : 1);
  }
  const allowed = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (allowed('br')) return 'br';
  if (allowed('gzip')) return 'gzip';
  return 'identity';
}

/** Each coding has its own strong validator (RFC 9110 §8.8.3: different bytes, different tag). */
function etagFor(base: string, encoding: Encoding): string {
  return encoding === 'identity' ? base : `${base.slice(0, -1)}-${encoding}"`;
}

/** If-None-Match holds the tag of any coding of this rendering (or "*"). */
export function etagMatches(header: string, base: string): boolean {
  const core = base.slice(1, -1);
  return header.split(',').some((raw) => {
    const tag = raw.trim().replace(/^W\//, '');
    return tag === '*' || tag === base || tag === `"${core}-gzip"` || tag === `"${core}-br"`;
  });
}

/** Status, headers and body for one rendering as the request's headers ask for it. */
function answerFor(
  page: StoredPage,
  cacheControl: string,
  header: (name: string) => string | undefined,
): { status: 200 | 304; headers: Record<string, string>; body: Buffer | null } {
  const encoding = pickEncoding(header('accept-encoding'));
  const headers: Record<string, string> = {
    'Content-Type': page.contentType,
    ETag: etagFor(page.etag, encoding),
    'Last-Modified': page.lastModified,
    'Cache-Control': cacheControl,
    Vary: 'Accept-Encoding',
  };
  const ifNoneMatch = header('if-none-match');
  const ifModifiedSince = header('if-modified-since');
  // If-Modified-Since counts only without If-None-Match (RFC 9110 §13.1.3).
  const notModified = ifNoneMatch
    ? etagMatches(ifNoneMatch, page.etag)
    : ifModifiedSince !== undefined && Date.parse(ifModifiedSince) >= Date.parse(page.lastModified);
  if (notModified) return { status: 304, headers, body: null };
  const body = encoding === 'br' ? page.br : encoding === 'gzip' ? page.gzip : page.body;
  if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
  headers['Content-Length'] = String(body.length);
  return { status: 200, headers, body };
}

function send(
  c: Context,
  page: StoredPage,
  cacheControl: string,
  extraHeaders: Record<string, string>,
): Response {
  const answer = answerFor(page, cacheControl, (name) => c.req.header(name));
  const headers = { ...extraHeaders, ...answer.headers };
  if (answer.body === null) return c.body(null, 304, headers);
  return c.body(answer.body as Uint8Array<ArrayBuffer>, 200, headers);
}
