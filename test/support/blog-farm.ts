import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * One request as a farm host saw it, by the wall clock korso's processes share (Date.now): when its
 * handler began, and when the farm handed over the end of its answer or the client went away.
 */
export interface FarmRequest {
  /** host:port as sent by the client. */
  host: string;
  path: string;
  startedAt: number;
  endedAt?: number;
}

/** Many small blogs on loopback addresses: every host serves a call page and numbered entries. */
export interface BlogFarm {
  hosts: string[];
  port: number;
  callUrl: string;
  entryUrl(host: string, n: number): string;
  /** Requests seen per "host:port/path". */
  hits: Map<string, number>;
  /** Total entry page requests. */
  entryHits(): number;
  /** Every request, in the order they arrived. */
  requests: FarmRequest[];
  close(): Promise<void>;
}

export interface BlogFarmOptions {
  hosts: string[];
  latencyMs?: number;
  port?: number;
}

export function entryPage(callUrl: string, host: string, n: number): string {
  const items = [1, 2, 3].map((i) => `<li>Punkt ${i} von Beitrag ${n} auf ${host}</li>`).join('');
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Beitrag ${n} – Blog ${host}</title>
<meta property="og:title" content="Beitrag ${n}"><meta property="article:published_time" content="2026-11-10T08:00:00+01:00">
<meta name="author" content="Autorin ${n}"></head><body>
<nav><ul><li><a href="/">Start</a></li><li><a href="/ueber/">Über mich</a></li></ul></nav>
<main><article class="post"><h1>Beitrag ${n}</h1>
<div class="entry-content"><p>Ich mache mit bei der <a href="${callUrl}">Blogparade „Mein Wunschkunde ist …“</a> und erzähle, was mir wichtig ist. Es ist ein langer Absatz mit genug Text, damit er wie ein echter Beitrag aussieht.</p>
<p>Mein Wunschkunde ist …</p><ul>${items}</ul>
<p>Und wie sieht euer Wunschkunde aus? Schreibt es mir in die Kommentare, ich freue mich auf eure Antworten.</p></div>
</article></main><footer><ul><li><a href="/impressum/">Impressum</a></li></ul></footer></body></html>`;
}

export async function startBlogFarm(opts: BlogFarmOptions): Promise<BlogFarm> {
  const latency = opts.latencyMs ?? 0;
  const hits = new Map<string, number>();
  let entryHits = 0;
  const requests: FarmRequest[] = [];
  const servers: http.Server[] = [];
  let port = opts.port ?? 0;
  const first = opts.hosts[0];
  if (!first) throw new Error('a blog farm needs at least one host');
  const callUrl = () => `http://${first}:${port}/blogparade/`;

  const handler: http.RequestListener = (req, res) => {
    const host = req.headers.host ?? '';
    const key = `${host}${req.url}`;
    hits.set(key, (hits.get(key) ?? 0) + 1);
    const record: FarmRequest = { host, path: req.url ?? '', startedAt: Date.now() };
    requests.push(record);
    // Stamped before the answer leaves, so the client can only see its end later than recorded
    const ended = () => {
      record.endedAt ??= Date.now();
    };
    res.once('close', ended);
    const end = res.end.bind(res);
    res.end = ((...args: Parameters<typeof res.end>) => {
      ended();
      return end(...args);
    }) as typeof res.end;
    const respond = () => {
      const match = req.url?.match(/^\/e\/(\d+)\/$/);
      if (req.url === '/robots.txt') {
        res.writeHead(200, { 'Content-Type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
      } else if (req.url === '/blogparade/') {
        res
          .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
          .end(
            '<!doctype html><html lang="de"><head><title>Blogparade</title></head><body><p>Macht mit!</p></body></html>',
          );
      } else if (match) {
        entryHits++;
        res
          .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
          .end(entryPage(callUrl(), host.split(':')[0] ?? host, Number(match[1])));
      } else {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      }
    };
    if (latency > 0) setTimeout(respond, latency);
    else respond();
  };

  for (const host of opts.hosts) {
    const server = http.createServer(handler);
    server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    if (port === 0) port = (server.address() as AddressInfo).port;
    servers.push(server);
  }

  return {
    hosts: opts.hosts,
    port,
    callUrl: callUrl(),
    entryUrl: (host, n) => `http://${host}:${port}/e/${n}/`,
    hits,
    entryHits: () => entryHits,
    requests,
    close: async () => {
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.close(() => resolve());
              s.closeAllConnections();
            }),
        ),
      );
    },
  };
}

/** 127.0.0.2 … 127.0.0.(n+1): distinct loopback hosts. */
export function loopbackHosts(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `127.0.0.${i + 2}`);
}
