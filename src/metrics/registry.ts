import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { FetchResult } from '../http/types.js';
import type { ServiceStats } from '../store/stats-repository.js';

/** What korso counts; one per process (carried in AppContext), so tests can build several apps side by side. */
export interface Metrics {
  /** One answered HTTP request: the route pattern (not the URL, to bound the label values) and its status. */
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  /** One entry crawled: the outcome's kind and reason (a fetch failure code, or none). */
  countCrawlOutcome(kind: string, reason: string | undefined): void;
  /** One fetch by the guarded client, ending in success or a failure reason. */
  observeFetch(result: FetchResult): void;
  /** A new entry, by the road it came by. */
  countEntryFound(road: string): void;
  /** A page answered from the render cache: from this process's memory, the shared table, or rendered anew. */
  countPage(source: 'memory' | 'stored' | 'rendered', seconds?: number): void;
  /** Bytes of rendered pages this process keeps in memory. */
  setPageCacheBytes(bytes: number): void;
  /** Sets the gauges read from the database at scrape time. */
  recordStats(stats: ServiceStats, now: Date): void;
  /** Prometheus text exposition format. */
  render(): Promise<string>;
  readonly contentType: string;
}

const STATUSES = ['pending', 'live', 'unverified', 'failing', 'gone', 'rejected'];

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

function statusClass(status: number): string {
  return `${Math.floor(status / 100)}xx`;
}

/** Builds a registry with korso's metrics; `process` adds Node's own (CPU, memory, event-loop lag). */
export function createMetrics(opts: { process?: boolean } = {}): Metrics {
  const registry = new Registry();
  const registers = [registry];
  if (opts.process) collectDefaultMetrics({ register: registry });

  const requests = new Counter({
    name: 'korso_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status class.',
    labelNames: ['method', 'route', 'status'] as const,
    registers,
  });
  const requestSeconds = new Histogram({
    name: 'korso_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route pattern and status class.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const crawlOutcomes = new Counter({
    name: 'korso_crawl_outcomes_total',
    help: 'Entries crawled, by outcome (fetched, changed, unchanged, failed) and failure reason.',
    labelNames: ['kind', 'reason'] as const,
    registers,
  });
  const fetchSeconds = new Histogram({
    name: 'korso_fetch_duration_seconds',
    help: "Outbound fetches by the guarded client (redirects and the host's polite wait included), by result.",
    labelNames: ['result'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60],
    registers,
  });
  const fetchFailures = new Counter({
    name: 'korso_fetch_failures_total',
    help: 'Outbound fetches that failed, by reason (timeout, dns, robots, not-found …).',
    labelNames: ['reason'] as const,
    registers,
  });
  const entriesFound = new Counter({
    name: 'korso_entries_found_total',
    help: 'New entries by the road that found them (registration, webmention, call-comment, blog-feed …).',
    labelNames: ['road'] as const,
    registers,
  });

  const pagesServed = new Counter({
    name: 'korso_pages_total',
    help: 'Pages, feeds and API documents answered from the render cache, by where the rendering came from (memory, stored, rendered).',
    labelNames: ['source'] as const,
    registers,
  });
  const renderSeconds = new Histogram({
    name: 'korso_page_render_seconds',
    help: 'Time to render a page, feed or API document after a change (queries, rendering, compression).',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const cacheBytes = new Gauge({
    name: 'korso_page_cache_bytes',
    help: "Bytes of rendered pages (with their gzip and brotli forms) in this process's memory.",
    registers,
  });

  const gauge = (name: string, help: string, labelNames: string[] = []) =>
    new Gauge({ name, help, labelNames, registers });
  const parades = gauge('korso_parades', 'Blog parades registered.');
  const entries = gauge('korso_entries', 'Entries by status.', ['status']);
  const roads = gauge(
    'korso_entry_roads',
    'Entries by the road they were found by (an entry may have several).',
    ['road'],
  );
  const due = gauge('korso_entries_due', 'Queue depth: entries due for a fetch or re-check now.');
  const lag = gauge('korso_queue_lag_seconds', 'Queue lag: how long the oldest due entry has been waiting.');
  const sources = gauge('korso_discovery_sources', 'Discovery sources (call pages, participant blogs).');
  const sourcesFailing = gauge('korso_discovery_sources_failing', 'Discovery sources whose last run failed.');
  const mentions = gauge('korso_mentions', 'Received Webmentions and pingbacks.', ['kind']);

  const setAll = (g: Gauge, label: string, values: Record<string, number>) => {
    // Labels that vanished from the database must vanish from the scrape too.
    g.reset();
    for (const [key, n] of Object.entries(values)) g.set({ [label]: key }, n);
  };

  return {
    observeRequest(method, route, status, seconds) {
      const labels = { method: METHODS.has(method) ? method : 'other', route, status: statusClass(status) };
      requests.inc(labels);
      requestSeconds.observe(labels, seconds);
    },
    countCrawlOutcome(kind, reason) {
      crawlOutcomes.inc({ kind, reason: reason ?? 'none' });
    },
    observeFetch(result) {
      fetchSeconds.observe({ result: result.ok ? 'ok' : 'failed' }, result.ms / 1000);
      if (!result.ok) fetchFailures.inc({ reason: result.reason });
    },
    countEntryFound(road) {
      entriesFound.inc({ road });
    },
    countPage(source, seconds) {
      pagesServed.inc({ source });
      if (seconds !== undefined) renderSeconds.observe(seconds);
    },
    setPageCacheBytes(bytes) {
      cacheBytes.set(bytes);
    },
    recordStats(stats, now) {
      parades.set(stats.parades);
      setAll(entries, 'status', {
        ...Object.fromEntries(STATUSES.map((s) => [s, 0])),
        ...stats.entriesByStatus,
      });
      setAll(roads, 'road', stats.entriesByRoad);
      due.set(stats.dueEntries);
      lag.set(stats.oldestDueAt ? Math.max(0, (now.getTime() - Date.parse(stats.oldestDueAt)) / 1000) : 0);
      sources.set(stats.sourcesTotal);
      sourcesFailing.set(stats.sourcesFailing);
      setAll(mentions, 'kind', stats.mentionsByKind);
    },
    render: () => registry.metrics(),
    contentType: registry.contentType,
  };
}
