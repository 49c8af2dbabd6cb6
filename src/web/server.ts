import { type ServerType, serve } from '@hono/node-server';
import type { AppContext } from '../context.js';
import { createApp } from './app.js';
import type { AppHooks } from './hooks.js';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function startServer(
  ctx: AppContext,
  opts: { port: number; host: string; hooks?: AppHooks },
): Promise<RunningServer> {
  const app = createApp(ctx, opts.hooks);
  return new Promise((resolve, reject) => {
    let server: ServerType;
    try {
      server = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, (info) => {
        const host = opts.host === '0.0.0.0' || opts.host === '::' ? 'localhost' : opts.host;
        resolve({
          url: `http://${host}:${info.port}`,
          port: info.port,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => done());
              // Keep-alive sockets would hold close() open until they time out.
              if ('closeAllConnections' in server) server.closeAllConnections();
            }),
        });
      });
      server.once('error', reject);
    } catch (error) {
      reject(error);
    }
  });
}
