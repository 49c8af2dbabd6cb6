import os from 'node:os';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../db/database.js';
import type { Config } from './config.js';
import { type AppContext, type Clock, systemClock } from './context.js';
import { createHttpClient } from './http/client.js';
import type { HttpClient } from './http/types.js';
import { createLogger, type Logger } from './log.js';
import { createMetrics } from './metrics/registry.js';
import { databaseHostGate } from './store/host-repository.js';

export interface Runtime {
  ctx: AppContext;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  migrate?: boolean;
  log?: Logger;
  clock?: Clock;
  http?: HttpClient;
  database?: DatabaseHandle;
  /** Add Node's process metrics (CPU, memory, event loop) to /metrics: for long-running commands. */
  processMetrics?: boolean;
}

/** Names this process in shared host turns, so a stuck turn can be traced to its worker. */
function processName(): string {
  return `${os.hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Builds the AppContext for an entry point: database (migrated), guarded HTTP client, logger, clock, metrics.
 * On PostgreSQL, where several processes may crawl at once, the client's politeness is shared through
 * the database; SQLite is one process, whose in-memory politeness is enough.
 */
export async function openRuntime(config: Config, opts: RuntimeOptions = {}): Promise<Runtime> {
  const log = opts.log ?? createLogger(config.logLevel);
  const database = opts.database ?? openDatabase(config.databaseUrl);
  if (opts.migrate !== false) {
    const applied = await migrateToLatest(database.db);
    if (applied.length) log.info('db.migrated', { migrations: applied });
  }
  const metrics = createMetrics({ process: opts.processMetrics });
  const clock = opts.clock ?? systemClock;
  const gate =
    database.dialect === 'postgres'
      ? databaseHostGate(database.db, () => clock.now(), processName())
      : undefined;
  const http =
    opts.http ?? createHttpClient(config.http, { log, gate, observe: (result) => metrics.observeFetch(result) });
  const ctx: AppContext = {
    config,
    db: database.db,
    dialect: database.dialect,
    http,
    log,
    clock,
    metrics,
  };
  return {
    ctx,
    close: async () => {
      await http.close();
      await database.close();
    },
  };
}
