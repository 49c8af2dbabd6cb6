import { once } from 'node:events';
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';

/** One request as the server saw it, with its own clock (ms since the epoch, fractional). */
export interface RequestRecord {
  path: string;
  headers: IncomingMessage['headers'];
  startedAt: number;
  endedAt?: number;
}

export interface FaultServer {
  /** Absolute URL on this server, e.g. url('/html'). */
  url(path?: string): string;
  origin: string;
  port: number;
  host: string;
  /** Requests seen for a pathname (query ignored). */
  hits(path: string): number;
  /** TCP connections accepted, whatever was sent on them. */
  connections(): number;
  /** Most requests this server handled at the same moment. */
  maxInFlight(): number;
  requests: RequestRecord[];
  /** Serve this robots.txt (null: answer 404); status lets tests simulate 5xx. */
  setRobots(body: string | null, status?: number): void;
  close(): Promise<void>;
}

export const HTML =
  '<!doctype html><html><head><title>Fixture</title></head><body><p>Grüße</p></body></html>';
export const ETAG = '"v1"';
export const LAST_MODIFIED = 'Wed, 01 May 2024 10:00:00 GMT';
// 8-byte PNG signature plus the start of an IHDR chunk: enough to be recognisably binary
export const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
// "Grüße" in windows-1252, served under a utf-8 label
export const LATIN1 = Buffer.from([0x47, 0x72, 0xfc, 0xdf, 0x65]);

// Throwaway self-signed certificate for 127.0.0.1, so TLS failures can be tested without a CA
const SELF_SIGNED_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgJP/7hQNRK/+vX/pY
u7WVjCMTq5wY61UlpSdMLaZ7ikahRANCAARFDKUqMnh+C13AygOjBqus87mHFIdx
iFWhj7bY1uVlDP6b0lKIhDWWf59jlio2LjHrdez6eMyN+aFMtlgmewOk
-----END PRIVATE KEY-----`;
const SELF_SIGNED_CERT = `-----BEGIN CERTIFICATE-----
MIIBkDCCATagAwIBAgIUIuarGuiPmFJaijX+HUUShaM79r0wCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJMTI3LjAuMC4xMCAXDTI2MTEyOTAxMjk1NVoYDzIxMjYxMTA1
MDEyOTU1WjAUMRIwEAYDVQQDDAkxMjcuMC4wLjEwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAARFDKUqMnh+C13AygOjBqus87mHFIdxiFWhj7bY1uVlDP6b0lKIhDWW
f59jlio2LjHrdez6eMyN+aFMtlgmewOko2QwYjAdBgNVHQ4EFgQUia1ekxyOd5Xs
oM7yOJFe0WvQWHEwHwYDVR0jBBgwFoAUia1ekxyOd5XsoM7yOJFe0WvQWHEwDwYD
VR0TAQH/BAUwAwEB/zAPBgNVHREECDAGhwR/AAABMAoGCCqGSM49BAMCA0gAMEUC
IGR4vdH6JC1I6MripzAIMb+/bXL67IgjRdQj0+mjVaQHAiEA2K0ZfpLckek8cmXq
D2adCGOWTfEUOTU1HsUoXhjlj2w=
-----END CERTIFICATE-----`;

type Route = (req: IncomingMessage, res: ServerResponse, query: URLSearchParams) => void;

const now = () => performance.timeOrigin + performance.now();

let bombMember: Buffer | undefined;
/** 8 MiB of zeros gzipped to a few KB; sent 128 times as gzip members it decodes to 1 GiB. */
function gzipBombMember(): Buffer {
  bombMember ??= gzipSync(Buffer.alloc(8 * 1024 * 1024), { level: 9 });
  return bombMember;
}

/** Writes chunks from `next` while the client reads, stopping when it returns null or the client leaves. */
function stream(res: ServerResponse, next: () => Buffer | null): void {
  const pump = () => {
    while (!res.destroyed) {
      const chunk = next();
      if (chunk === null) return void res.end();
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
  };
  pump();
}

function html(res: ServerResponse, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
  res.end(body);
}

function compressed(encoding: string, body: Buffer): Route {
  return (_req, res) => html(res, body, { 'content-encoding': encoding });
}

const routes: Record<string, Route> = {
  '/html': (req, res) => {
    if (req.headers['if-none-match'] === ETAG) {
      res.writeHead(304, { etag: ETAG }).end();
      return;
    }
    html(res, HTML, { etag: ETAG, 'last-modified': LAST_MODIFIED });
  },
  '/echo': (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(req.headers));
  },
  '/slow-headers': (_req, res, query) => {
    const timer = setTimeout(() => html(res, HTML), Number(query.get('ms') ?? 1000));
    res.on('close', () => clearTimeout(timer));
  },
  '/drip': (_req, res, query) => {
    let left = Number(query.get('chunks') ?? 100);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    const timer = setInterval(
      () => {
        if (left-- > 0) res.write('<p>drip</p>');
        else res.end();
      },
      Number(query.get('ms') ?? 100),
    );
    res.on('close', () => clearInterval(timer));
  },
  '/endless': (_req, res) => {
    const chunk = Buffer.alloc(16 * 1024, 'a');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    stream(res, () => chunk);
  },
  '/reset': (req) => req.socket.resetAndDestroy(),
  '/garbage': (req) => req.socket.end('THIS IS NOT HTTP\r\n\r\n'),
  '/short': (req) =>
    req.socket.end('HTTP/1.1 200 OK\r\nContent-Length: 100\r\nContent-Type: text/html\r\n\r\nshort'),
  '/big': (_req, res, query) => {
    const bytes = Number(query.get('bytes') ?? 1024 * 1024);
    let sent = 0;
    const chunk = Buffer.alloc(16 * 1024, 'b');
    const length = query.get('length');
    const declared = length === 'honest' ? bytes : length === 'lie' ? 100 : undefined;
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      ...(declared !== undefined && { 'content-length': String(declared) }),
    });
    stream(res, () => {
      if (sent >= bytes) return null;
      const part = chunk.subarray(0, Math.min(chunk.length, bytes - sent));
      sent += part.length;
      return part;
    });
  },
  '/gzip': compressed('gzip', gzipSync(HTML)),
  '/deflate': compressed('deflate', deflateSync(HTML)),
  '/brotli': compressed('br', brotliCompressSync(HTML)),
  '/mislabelled-gzip': compressed('gzip', Buffer.from(HTML)),
  '/unknown-encoding': compressed('zstd', Buffer.from(HTML)),
  '/gzip-bomb': (_req, res) => {
    let left = 128;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' });
    stream(res, () => (left-- > 0 ? gzipBombMember() : null));
  },
  '/image.png': (_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(PNG),
  '/latin1': (_req, res) => html(res, LATIN1),
  '/bad-charset': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=x-no-such-charset' }).end(HTML);
  },
  '/loop-a': (_req, res) => res.writeHead(302, { location: '/loop-b' }).end(),
  '/loop-b': (_req, res) => res.writeHead(302, { location: '/loop-a' }).end(),
  '/redirect-to': (_req, res, query) =>
    res.writeHead(302, { location: query.get('location') ?? '/html' }).end(),
  '/no-location': (_req, res) => res.writeHead(302).end(),
};

/** /redirect/3 → /redirect/2 → /redirect/1 → /html; /status/503?retry-after=120 answers that status. */
function patternRoute(path: string): Route | undefined {
  const redirect = /^\/redirect\/(\d+)$/.exec(path);
  if (redirect) {
    const left = Number(redirect[1]);
    return (_req, res) =>
      res.writeHead(301, { location: left > 1 ? `/redirect/${left - 1}` : '/html' }).end();
  }
  const status = /^\/status\/(\d{3})$/.exec(path);
  if (status) {
    return (_req, res, query) => {
      const retryAfter = query.get('retry-after');
      res.writeHead(Number(status[1]), {
        'content-type': 'text/plain',
        ...(retryAfter && { 'retry-after': retryAfter }),
      });
      res.end(`status ${status[1]}`);
    };
  }
  return undefined;
}

/** A loopback HTTP server with one route per way a blog server can misbehave. */
export interface FaultServerOptions {
  /** Loopback address to listen on (default 127.0.0.1). */
  host?: string;
  port?: number;
  /** Serve HTTPS with a self-signed certificate for 127.0.0.1. */
  tls?: boolean;
}

export async function startFaultServer(opts: FaultServerOptions = {}): Promise<FaultServer> {
  const host = opts.host ?? '127.0.0.1';
  const requests: RequestRecord[] = [];
  let robots: { body: string | null; status: number } = { body: null, status: 200 };
  let connections = 0;
  let inFlight = 0;
  let maxInFlight = 0;

  const serveRobots: Route = (_req, res) => {
    if (robots.body === null) res.writeHead(404, { 'content-type': 'text/plain' }).end('no robots here');
    else res.writeHead(robots.status, { 'content-type': 'text/plain' }).end(robots.body);
  };

  const handle: RequestListener = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fixture.invalid');
    const record: RequestRecord = { path: url.pathname, headers: req.headers, startedAt: now() };
    requests.push(record);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => {
      inFlight--;
      record.endedAt = now();
    });
    const route =
      url.pathname === '/robots.txt' ? serveRobots : (routes[url.pathname] ?? patternRoute(url.pathname));
    if (route) route(req, res, url.searchParams);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  };
  const server = opts.tls
    ? createTlsServer({ key: SELF_SIGNED_KEY, cert: SELF_SIGNED_CERT }, handle)
    : createServer(handle);
  server.on('connection', () => connections++);
  server.listen(opts.port ?? 0, host);
  await once(server, 'listening');

  const { port } = server.address() as AddressInfo;
  const origin = `${opts.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url: (path = '/') => `${origin}${path}`,
    origin,
    port,
    host,
    hits: (path) => requests.filter((r) => r.path === path).length,
    connections: () => connections,
    maxInFlight: () => maxInFlight,
    requests,
    setRobots(body, status = 200) {
      robots = { body, status };
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
