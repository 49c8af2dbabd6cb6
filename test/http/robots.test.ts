import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HttpConfig } from '../../src/config.js';
import { createHttpClient, type HttpClientDeps } from '../../src/http/client.js';
import { parseRobots, productToken } from '../../src/http/robots.js';
import type { HttpClient } from '../../src/http/types.js';
import { type FaultServer, startFaultServer } from '../support/fault-server.js';
import { expectFailure, expectOk } from './expect-result.js';
import { gapsBetween } from './gaps.js';
import { testConfig } from './test-config.js';

describe('productToken', () => {
  it.each([
    ['korso/0.1 (+https://korso.example/about)', 'korso'],
    ['korso', 'korso'],
    ['Mozilla/5.0 (compatible; korso/1.0)', 'Mozilla'],
  ])('reads %s as %s', (ua, token) => {
    expect(productToken(ua)).toBe(token);
  });
});

describe('parseRobots', () => {
  const rules = (text: string) => parseRobots('https://blog.example/robots.txt', text, 'korso');

  it('applies the group for our token over the * group', () => {
    const robots = rules('User-agent: *\nDisallow: /\n\nUser-agent: korso\nDisallow: /drafts/\n');
    expect(robots.isAllowed('https://blog.example/2024/post')).toBe(true);
    expect(robots.isAllowed('https://blog.example/drafts/x')).toBe(false);
  });

  it('ignores groups for other crawlers', () => {
    expect(rules('User-agent: otherbot\nDisallow: /\n').isAllowed('https://blog.example/post')).toBe(true);
  });

  it('reads Crawl-delay in seconds and caps it at a minute', () => {
    expect(rules('User-agent: *\nCrawl-delay: 2.5\n').crawlDelayMs).toBe(2500);
    expect(rules('User-agent: *\nCrawl-delay: 86400\n').crawlDelayMs).toBe(60_000);
    expect(rules('User-agent: *\nDisallow:\n').crawlDelayMs).toBe(0);
  });
});

describe('robots.txt in the client', () => {
  let server: FaultServer;
  const clients: HttpClient[] = [];
  const client = (overrides: Partial<HttpConfig> = {}, deps: HttpClientDeps = {}) => {
    const created = createHttpClient(testConfig(overrides), deps);
    clients.push(created);
    return created;
  };

  beforeEach(async () => {
    server = await startFaultServer();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await server.close();
  });

  it('refuses a disallowed page without requesting it', async () => {
    server.setRobots('User-agent: *\nDisallow: /private\n');
    const failure = expectFailure(await client().fetch(server.url('/private/page')), 'robots');
    expect(failure.detail).toBe(
      `robots.txt of 127.0.0.1:${server.port} asks crawlers not to fetch this page`,
    );
    expect(server.hits('/private/page')).toBe(0);
  });

  it('asks robots.txt with our own agent token', async () => {
    server.setRobots('User-agent: korso\nDisallow: /html\n');
    expectFailure(await client().fetch(server.url('/html')), 'robots');
    expect(server.requests[0]?.headers['user-agent']).toBe(testConfig().userAgent);
  });

  it('loads robots.txt once per origin while the TTL lasts, then again', async () => {
    let clock = 1_000_000;
    const http = client({ robotsTtlMs: 60_000 }, { now: () => clock });
    server.setRobots('User-agent: *\nDisallow: /private\n');
    await Promise.all([http.fetch(server.url('/html')), http.fetch(server.url('/echo'))]);
    expectOk(await http.fetch(server.url('/html')));
    expect(server.hits('/robots.txt')).toBe(1);
    clock += 60_001;
    expectOk(await http.fetch(server.url('/html')));
    expect(server.hits('/robots.txt')).toBe(2);
  });

  it.each([
    ['a missing robots.txt', null, 404],
    ['a failing robots.txt', 'User-agent: *\nDisallow: /\n', 500],
    ['an overloaded robots.txt', 'User-agent: *\nDisallow: /\n', 503],
  ])('allows everything on %s', async (_name, body, status) => {
    server.setRobots(body, status);
    expectOk(await client().fetch(server.url('/html')));
    expect(server.hits('/robots.txt')).toBe(1);
  });

  it('checks robots.txt for every redirect hop', async () => {
    server.setRobots('User-agent: *\nDisallow: /html\n');
    const failure = expectFailure(await client().fetch(server.url('/redirect/1')), 'robots');
    expect(failure.chain).toEqual([server.url('/redirect/1'), server.url('/html')]);
    expect(server.hits('/html')).toBe(0);
  });

  it('skips robots.txt when told to, or when respectRobots is off', async () => {
    server.setRobots('User-agent: *\nDisallow: /\n');
    expectOk(await client().fetch(server.url('/html'), { skipRobots: true }));
    expectOk(await client({ respectRobots: false }).fetch(server.url('/html')));
    expect(server.hits('/robots.txt')).toBe(0);
  });

  it('waits Crawl-delay between requests to the host', async () => {
    server.setRobots('User-agent: *\nCrawl-delay: 0.2\n');
    const http = client();
    await Promise.all([
      http.fetch(server.url('/html')),
      http.fetch(server.url('/echo')),
      http.fetch(server.url('/gzip')),
    ]);
    const pages = server.requests.filter((r) => r.path !== '/robots.txt');
    expect(pages).toHaveLength(3);
    // 15 ms tolerance: the server's and the client's clocks see the same moment a little apart
    for (const gap of gapsBetween(pages)) expect(gap).toBeGreaterThanOrEqual(185);
  });
});
