import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Config } from './config.js';
import type { HttpClient } from './http/types.js';
import type { Logger } from './log.js';
import type { Metrics } from './metrics/registry.js';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Everything a use case needs, built once by an entry point and passed down; no singletons. */
export interface AppContext {
  config: Config;
  db: Kysely<Database>;
  dialect: 'sqlite' | 'postgres';
  http: HttpClient;
  log: Logger;
  clock: Clock;
  /** This process's Prometheus registry: request, crawl and fetch counters, database gauges. */
  metrics: Metrics;
}
