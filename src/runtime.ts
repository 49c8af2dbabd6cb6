import { type DatabaseHandle, migrateToLatest, openDatabase } from '../db/database.js';
import type { Config } from './config.js';
import { type AppContext, type Clock, systemClock } from './context.js';
import { createHttpClient } from './http/client.js';
import type { HttpClient } from './http/types.js';
import { createLogger, type Logger } from './log.js';
import { createMetrics } from './metrics/registry.js';

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

/** Builds the AppContext for an entry point: database (migrated), guarded HTTP client, logger, clock, metrics. */
export async function openRuntime(config: Config, opts: RuntimeOptions = {}): Promise<Runtime> {
  const log = opts.log ?? createLogger(config.logLevel);
  const database = opts.database ?? openDatabase(config.databaseUrl);
  if (opts.migrate !== false) {
    const applied = await migrateToLatest(database.db);
    if (applied.length) log.info('db.migrated', { migrations: applied });
  }
  const metrics = createMetrics({ process: opts.processMetrics });
  const http =
    opts.http ?? createHttpClient(config.http, { log, observe: (result) => metrics.observeFetch(result) });
  const ctx: AppContext = {
    config,
    db: database.db,
    dialect: database.dialect,
    http,
    log,
    clock: opts.clock ?? systemClock,
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
