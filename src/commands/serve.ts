import { startScheduler } from '../../jobs/scheduler.js';
import type { Config } from '../config.js';
import { openRuntime } from '../runtime.js';
import { startServer } from '../web/server.js';
import { untilSignal } from './signals.js';

/** `korso serve`: the web server, plus the in-process scheduler unless `--no-scheduler`. */
export async function serveCommand(config: Config, opts: { scheduler: boolean }): Promise<void> {
  const runtime = await openRuntime(config, { processMetrics: true });
  const { ctx } = runtime;
  const scheduler = opts.scheduler ? startScheduler(ctx) : null;
  const server = await startServer(ctx, {
    port: config.port,
    host: config.host,
    hooks: { onEntryAdded: () => scheduler?.kick() },
  });
  ctx.log.info('server.started', {
    url: server.url,
    database: config.databaseUrl.replace(/\/\/[^@]*@/, '//…@'),
  });
  process.stdout.write(`korso serves ${server.url}\n`);
  const signal = await untilSignal();
  ctx.log.info('server.stopping', { signal });
  await server.close();
  await scheduler?.stop();
  await runtime.close();
}

/** `korso worker`: the crawl scheduler only; `--metrics-port` serves its /metrics. */
export async function workerCommand(config: Config, opts: { metricsPort?: number }): Promise<void> {
  const runtime = await openRuntime(config, { processMetrics: true });
  const { ctx } = runtime;
  const scheduler = startScheduler(ctx);
  let metrics: { url: string; close(): Promise<void> } | null = null;
  if (opts.metricsPort !== undefined) {
    const { startMetricsServer } = await import('../web/metrics-server.js');
    metrics = await startMetricsServer(ctx, { port: opts.metricsPort, host: config.host });
    process.stdout.write(`korso worker serves ${metrics.url}/metrics\n`);
  }
  const signal = await untilSignal();
  ctx.log.info('worker.stopping', { signal });
  await metrics?.close();
  await scheduler.stop();
  await runtime.close();
}
