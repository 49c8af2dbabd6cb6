import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, DEFAULT_ACCEPT, describeFetchFailure } from '../../src/http/client.js';
import { silentLogger } from '../../src/log.js';
import type { HttpClient } from '../../src/http/types.js';
import {
  ETAG,
  type FaultServer,
  HTML,
  LAST_MODIFIED,
  LATIN1,
  PNG,
  startFaultServer,
} from '../support/fault-server.js';
import { expectFailure, expectOk } from './expect-result.js';
import { testConfig } from './test-config.js';

describe('guarded HTTP client: pages and statuses', () => {
  let server: FaultServer;
  let client: HttpClient;

  beforeAll(async () => {
    server = await startFaultServer();
    client = createHttpClient(testConfig());
  });
  afterAll(async () => {
    await client.close();
    await server.close();
  });

  it('fetches an HTML page with lower-cased headers, validators and a one-URL chain', async () => {
    const result = expectOk(await client.fetch(server.url('/html')));
    expect(result.status).toBe(200);
    expect(result.body.toString('utf8')).toBe(HTML);
    expect(result.contentType).toBe('text/html; charset=utf-8');
    expect(result.etag).toBe(ETAG);
    expect(result.lastModified).toBe(LAST_MODIFIED);
    expect(result.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(result.chain).toEqual([server.url('/html')]);
    expect(result.url).toBe(server.url('/html'));
    expect(result.notModified).toBe(false);
  });

  it('sends an honest User-Agent, the default Accept and the encodings it can decode', async () => {
    const result = expectOk(await client.fetch(server.url('/echo')));
    const sent = JSON.parse(result.body.toString('utf8')) as Record<string, string>;
    expect(sent['user-agent']).toBe(testConfig().userAgent);
    expect(sent.accept).toBe(DEFAULT_ACCEPT);
    expect(sent['accept-encoding']).toBe('gzip, deflate, br');
    expect(sent['if-none-match']).toBeUndefined();
  });

  it('lets the caller choose Accept', async () => {
    const result = expectOk(await client.fetch(server.url('/echo'), { accept: 'application/rss+xml' }));
    expect(JSON.parse(result.body.toString('utf8')).accept).toBe('application/rss+xml');
  });

  it.each([
    ['/status/404', 'not-found', 'the server answered 404 Not Found'],
    ['/status/410', 'not-found', 'the server answered 410 Gone'],
    ['/status/500', 'http-status', 'the server answered 500 Internal Server Error'],
    ['/status/403', 'http-status', 'the server answered 403 Forbidden'],
    ['/status/429', 'rate-limited', 'the server answered 429 Too Many Requests'],
  ] as const)('maps %s to %s', async (path, reason, detail) => {
    const failure = expectFailure(await client.fetch(server.url(path)), reason);
    expect(failure.detail).toBe(detail);
    expect(failure.status).toBe(Number(path.slice(-3)));
  });

  // A Retry-After holds back the whole host, so these two use clients of their own.
  it('reads Retry-After in seconds on 503', async () => {
    const before = Date.now();
    const own = createHttpClient(testConfig());
    const failure = expectFailure(await own.fetch(server.url('/status/503?retry-after=120')), 'rate-limited');
    await own.close();
    const wait = (failure.retryAfter?.getTime() ?? 0) - before;
    expect(wait).toBeGreaterThanOrEqual(119_000);
    expect(wait).toBeLessThanOrEqual(125_000);
    expect(failure.detail).toMatch(
      /^the server answered 503 Service Unavailable and asked us to come back after /,
    );
  });

  it('reads Retry-After as an HTTP date on 429', async () => {
    const date = 'Wed, 21 Oct 2037 07:28:00 GMT';
    const own = createHttpClient(testConfig());
    const failure = expectFailure(
      await own.fetch(server.url(`/status/429?retry-after=${encodeURIComponent(date)}`)),
      'rate-limited',
    );
    await own.close();
    expect(failure.retryAfter?.toISOString()).toBe(new Date(date).toISOString());
  });

  it.each([
    'not a url',
    '/relative/path',
    'ftp://127.0.0.1/file',
    'file:///etc/passwd',
    'javascript:alert(1)',
  ])('refuses %s as invalid-url without a request', async (input) => {
    const failure = expectFailure(await client.fetch(input), 'invalid-url');
    expect(failure.requestedUrl).toBe(input);
    expect(failure.chain).toEqual([input]);
  });

  it('logs one line per failed fetch with stable keys', async () => {
    const lines: Array<{ event: string; fields?: Record<string, unknown> }> = [];
    const log = {
      ...silentLogger,
      info: (event: string, fields?: Record<string, unknown>) => lines.push({ event, fields }),
    };
    const logged = createHttpClient(testConfig(), { log });
    try {
      await logged.fetch(server.url('/status/410'), { skipRobots: true });
    } finally {
      await logged.close();
    }
    expect(lines).toEqual([
      {
        event: 'http.fetch_failed',
        fields: expect.objectContaining({ url: server.url('/status/410'), status: 410, reason: 'not-found' }),
      },
    ]);
  });

  it('describes a failure in one sentence for a host', async () => {
    const failure = expectFailure(await client.fetch(server.url('/status/404')), 'not-found');
    expect(describeFetchFailure(failure)).toBe(
      `Fetching ${server.url('/status/404')} failed: the server answered 404 Not Found.`,
    );
  });

  it('returns binary bodies byte for byte', async () => {
    const result = expectOk(await client.fetch(server.url('/image.png')));
    expect(result.contentType).toBe('image/png');
    expect(result.body.equals(PNG)).toBe(true);
  });

  it('leaves charset decoding to the caller: mislabelled and unknown charsets come back as raw bytes', async () => {
    const latin1 = expectOk(await client.fetch(server.url('/latin1')));
    expect(latin1.body.equals(LATIN1)).toBe(true);
    const unknown = expectOk(await client.fetch(server.url('/bad-charset')));
    expect(unknown.contentType).toBe('text/html; charset=x-no-such-charset');
    expect(unknown.body.toString('utf8')).toBe(HTML);
  });
});
