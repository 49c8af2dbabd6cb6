import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../src/http/client.js';
import type { HttpClient } from '../../src/http/types.js';
import { ETAG, type FaultServer, HTML, LAST_MODIFIED, startFaultServer } from '../support/fault-server.js';
import { expectFailure, expectOk } from './expect-result.js';
import { testConfig } from './test-config.js';

// Generous "did not hang" bound; the configured limits are far below it
const HANG_BOUND_MS = 5_000;

describe('guarded HTTP client: misbehaving servers', () => {
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

  describe('redirects', () => {
    it('follows a chain and records every URL', async () => {
      const result = expectOk(await client.fetch(server.url('/redirect/3')));
      expect(result.chain).toEqual([
        server.url('/redirect/3'),
        server.url('/redirect/2'),
        server.url('/redirect/1'),
        server.url('/html'),
      ]);
      expect(result.requestedUrl).toBe(server.url('/redirect/3'));
      expect(result.url).toBe(server.url('/html'));
      expect(result.body.toString('utf8')).toBe(HTML);
    });

    it('stops after maxRedirects', async () => {
      const failure = expectFailure(await client.fetch(server.url('/redirect/4')), 'too-many-redirects');
      expect(failure.detail).toBe('the page redirected more than 3 times');
      expect(failure.chain).toHaveLength(4);
    });

    it('detects a loop', async () => {
      const failure = expectFailure(await client.fetch(server.url('/loop-a')), 'too-many-redirects');
      expect(failure.detail).toBe('the page redirects in a loop');
      expect(failure.chain).toEqual([server.url('/loop-a'), server.url('/loop-b')]);
    });

    it('refuses a redirect to a non-http scheme', async () => {
      const target = encodeURIComponent('file:///etc/passwd');
      const failure = expectFailure(
        await client.fetch(server.url(`/redirect-to?location=${target}`)),
        'invalid-url',
      );
      expect(failure.detail).toBe('file:///etc/passwd is not an http or https address');
    });

    it('reports a redirect without Location as the status it is', async () => {
      const failure = expectFailure(await client.fetch(server.url('/no-location')), 'http-status');
      expect(failure.status).toBe(302);
    });
  });

  describe('timeouts', () => {
    it('gives up on slow headers', async () => {
      // undici checks header timeouts on a ~1 s tick, so the total timeout must leave room for it
      const patient = createHttpClient(testConfig({ headersTimeoutMs: 300, totalTimeoutMs: 4_000 }));
      try {
        const failure = expectFailure(await patient.fetch(server.url('/slow-headers?ms=6000')), 'timeout');
        expect(failure.detail).toBe('the server did not answer within 300 ms');
        expect(failure.ms).toBeLessThan(HANG_BOUND_MS);
      } finally {
        await patient.close();
      }
    });

    it('counts slow headers against the total timeout', async () => {
      const failure = expectFailure(await client.fetch(server.url('/slow-headers?ms=3000')), 'timeout');
      expect(failure.detail).toBe('the server took longer than 800 ms to send the page');
    });

    it('bounds a body that drips forever below the idle timeout by the total timeout', async () => {
      const failure = expectFailure(await client.fetch(server.url('/drip?ms=50&chunks=1000')), 'timeout');
      expect(failure.detail).toBe('the server took longer than 800 ms to send the page');
      expect(failure.ms).toBeLessThan(HANG_BOUND_MS);
    });

    it('reads a drip that finishes within the limits', async () => {
      const result = expectOk(await client.fetch(server.url('/drip?ms=10&chunks=5')));
      expect(result.body.toString('utf8')).toBe('<p>drip</p>'.repeat(5));
    });

    it('ends when the caller aborts', async () => {
      const failure = expectFailure(
        await client.fetch(server.url('/slow-headers?ms=3000'), { signal: AbortSignal.timeout(50) }),
        'timeout',
      );
      expect(failure.detail).toBe('the request was cancelled before it finished');
    });
  });

  describe('byte cap', () => {
    it('refuses an honest Content-Length over the cap without reading the body', async () => {
      const failure = expectFailure(
        await client.fetch(server.url(`/big?bytes=${1024 * 1024}&length=honest`)),
        'too-large',
      );
      expect(failure.detail).toBe('the page is larger than 64 KB');
    });

    it('stops a chunked body once it passes the cap', async () => {
      const failure = expectFailure(await client.fetch(server.url(`/big?bytes=${1024 * 1024}`)), 'too-large');
      expect(failure.detail).toBe('the page is larger than 64 KB');
    });

    it('reads no further than a Content-Length that understates the body', async () => {
      const result = expectOk(await client.fetch(server.url(`/big?bytes=${1024 * 1024}&length=lie`)));
      expect(result.body.length).toBe(100);
    });

    it('stops an endless body at the cap', async () => {
      expectFailure(await client.fetch(server.url('/endless')), 'too-large');
    });

    it('stops an endless body at the total timeout when the cap is out of reach', async () => {
      const roomy = createHttpClient(testConfig({ maxBytes: 1024 * 1024 * 1024, totalTimeoutMs: 300 }));
      try {
        const failure = expectFailure(await roomy.fetch(server.url('/endless')), 'timeout');
        expect(failure.ms).toBeLessThan(HANG_BOUND_MS);
      } finally {
        await roomy.close();
      }
    });

    it('honours a per-request cap', async () => {
      const failure = expectFailure(await client.fetch(server.url('/html'), { maxBytes: 10 }), 'too-large');
      expect(failure.detail).toBe('the page is larger than 10 bytes');
    });
  });

  describe('decompression', () => {
    it.each(['/gzip', '/deflate', '/brotli'])('decodes %s', async (path) => {
      const result = expectOk(await client.fetch(server.url(path)));
      expect(result.body.toString('utf8')).toBe(HTML);
    });

    it('stops a gzip bomb at the cap on decoded bytes', async () => {
      const failure = expectFailure(await client.fetch(server.url('/gzip-bomb')), 'too-large');
      expect(failure.detail).toBe('the page is larger than 64 KB');
      expect(failure.ms).toBeLessThan(HANG_BOUND_MS);
    });

    it('reports a body that is not what Content-Encoding says', async () => {
      const failure = expectFailure(await client.fetch(server.url('/mislabelled-gzip')), 'protocol');
      expect(failure.detail).toBe('the page could not be decompressed');
    });

    it('reports an encoding it did not ask for', async () => {
      const failure = expectFailure(await client.fetch(server.url('/unknown-encoding')), 'protocol');
      expect(failure.detail).toBe('the server used the unknown content encoding "zstd"');
    });
  });

  describe('conditional GET', () => {
    it('sends the validators and reports 304 as not modified', async () => {
      const result = expectOk(
        await client.fetch(server.url('/html'), { etag: ETAG, lastModified: LAST_MODIFIED }),
      );
      expect(result.status).toBe(304);
      expect(result.notModified).toBe(true);
      expect(result.body.length).toBe(0);
      expect(result.etag).toBe(ETAG);
      expect(result.lastModified).toBe(LAST_MODIFIED);
      const sent = server.requests.at(-1)?.headers;
      expect(sent?.['if-none-match']).toBe(ETAG);
      expect(sent?.['if-modified-since']).toBe(LAST_MODIFIED);
    });

    it('gets the full page when the validator no longer matches', async () => {
      const result = expectOk(await client.fetch(server.url('/html'), { etag: '"old"' }));
      expect(result.status).toBe(200);
      expect(result.etag).toBe(ETAG);
    });
  });

  describe('broken connections', () => {
    it('maps a reset connection to connect', async () => {
      const failure = expectFailure(await client.fetch(server.url('/reset')), 'connect');
      expect(failure.detail).toBe('the server closed the connection unexpectedly');
    });

    it('maps a refused connection to connect', async () => {
      const gone = await startFaultServer();
      const url = gone.url('/html');
      await gone.close();
      const failure = expectFailure(await client.fetch(url), 'connect');
      expect(failure.detail).toBe('the server refused the connection');
    });

    it('maps an untrusted certificate to tls', async () => {
      const secure = await startFaultServer({ tls: true });
      try {
        const failure = expectFailure(await client.fetch(secure.url('/html')), 'tls');
        expect(failure.detail).toBe("the server's certificate is self-signed");
      } finally {
        await secure.close();
      }
    });

    it('maps a response that is not HTTP to protocol', async () => {
      const failure = expectFailure(await client.fetch(server.url('/garbage')), 'protocol');
      expect(failure.detail).toBe('the server sent a malformed HTTP response');
    });

    it('maps a body cut short of its Content-Length to connect', async () => {
      const failure = expectFailure(await client.fetch(server.url('/short')), 'connect');
      expect(failure.detail).toBe('the server closed the connection unexpectedly');
    });
  });
});
