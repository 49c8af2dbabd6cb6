import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { getRequestListener } from '@hono/node-server';
import type { AppContext } from '../context.js';
import { createApp } from './app.js';
import type { AppHooks } from './hooks.js';
import { PageCache } from './page-cache.js';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function startServer(
  ctx: AppContext,
  opts: { port: number; host: string; hooks?: AppHooks },
): Promise<RunningServer> {
  const pages = new PageCache(ctx);
  const app = createApp(ctx, opts.hooks, pages);
  const viaApp = getRequestListener(app.fetch);
  // The front door: a page this process rendered, still current and its parade checked within
  // KORSO_CACHE_CHECK_MS, is written straight from memory; everything else goes through the app.
  const server = http.createServer((req, res) => {
    const method = req.method;
    if ((method === 'GET' || method === 'HEAD') && req.url && req.headers.authorization === undefined) {
      const started = performance.now();
      const answer = pages.fastAnswer(req.url, (name) => {
        const value = req.headers[name];
        return Array.isArray(value) ? value.join(', ') : value;
      });
      if (answer) {
        res.writeHead(answer.status, answer.headers);
        res.end(method === 'HEAD' ? undefined : (answer.body ?? undefined));
        ctx.metrics.observeRequest(method, answer.route, answer.status, (performance.now() - started) / 1000);
        return;
      }
    }
    void viaApp(req, res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      const { port } = server.address() as AddressInfo;
      const host = opts.host === '0.0.0.0' || opts.host === '::' ? 'localhost' : opts.host;
      resolve({
        url: `http://${host}:${port}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Keep-alive sockets would hold close() open until they time out.
            server.closeAllConnections();
          }),
      });
    });
  });
}
