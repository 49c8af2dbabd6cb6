import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Call posts on 127.0.0.1: each path serves the HTML a test sets (404 otherwise). */
export interface CallServer {
  origin: string;
  url(path: string): string;
  set(path: string, html: string, status?: number): void;
  hits(path: string): number;
  close(): Promise<void>;
}

export function callPage(opts: {
  title: string;
  body?: string;
  lang?: string;
  author?: string;
  published?: string;
}): string {
  return `<!doctype html><html lang="${opts.lang ?? 'de'}"><head><meta charset="utf-8"><title>${opts.title}</title>
${opts.author ? `<meta name="author" content="${opts.author}">` : ''}
${opts.published ? `<meta property="article:published_time" content="${opts.published}">` : ''}
</head><body><article><h1>${opts.title}</h1>${opts.body ?? '<p>Macht mit bei meiner Blogparade!</p>'}</article></body></html>`;
}

export async function startCallServer(): Promise<CallServer> {
  const pages = new Map<string, { html: string; status: number }>();
  const hits = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path === '/robots.txt')
      return res.writeHead(200, { 'Content-Type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
    const page = pages.get(path);
    if (!page) return res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    res.writeHead(page.status, { 'Content-Type': 'text/html; charset=utf-8' }).end(page.html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    set: (path, html, status = 200) => pages.set(path, { html, status }),
    hits: (path) => hits.get(path) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
