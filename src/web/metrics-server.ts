import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppContext } from '../context.js';
import { serviceStats } from '../store/stats-repository.js';

/** The scrape: gauges read from the database now, then every metric of this process as Prometheus text. */
export async function scrapeMetrics(ctx: AppContext): Promise<string> {
  const now = ctx.clock.now();
  ctx.metrics.recordStats(await serviceStats(ctx.db, now.toISOString()), now);
  return ctx.metrics.render();
}

/** GET /metrics alone, for a `korso worker` that has no web server of its own. */
export async function startMetricsServer(
  ctx: AppContext,
  opts: { port: number; host: string },
): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    scrapeMetrics(ctx)
      .then((text) => res.writeHead(200, { 'Content-Type': ctx.metrics.contentType }).end(text))
      .catch((error) => {
        ctx.log.error('metrics.failed', { error: String(error) });
        res.writeHead(500, { 'Content-Type': 'text/plain' }).end('internal error');
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = opts.host === '0.0.0.0' || opts.host === '::' ? 'localhost' : opts.host;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
