import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/runtime.js';
import { createApp } from '../../src/web/app.js';
import { type CallServer, callPage, startCallServer } from '../support/call-server.js';
import { sqliteDatabase, type TestDatabase } from '../support/databases.js';
import { testRuntime } from '../support/runtime.js';
import { type WebClient, webClient } from '../support/web-client.js';

let database: TestDatabase;
let runtime: Runtime;
let app: ReturnType<typeof createApp>;
let calls: CallServer;
let host: WebClient;
let token = '';

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

const ping = (source: string, target: string) => ({
  method: 'POST',
  headers: { 'Content-Type': 'text/xml' },
  body: `<?xml version="1.0"?><methodCall><methodName>pingback.ping</methodName><params>
<param><value><string>${source}</string></value></param><param><value><string>${target}</string></value></param>
</params></methodCall>`,
});

beforeAll(async () => {
  database = await sqliteDatabase();
  runtime = await testRuntime(database);
  calls = await startCallServer();
  calls.set('/aufruf/', callPage({ title: 'Wunschkunde' }));
  app = createApp(runtime.ctx);
  const res = await app.request('/api/parades', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ callUrl: calls.url('/aufruf/'), slug: 'wunsch', title: 'Wunschkunde' }),
  });
  token = ((await res.json()) as { adminToken: string }).adminToken;
  host = webClient((path, init) => app.request(path, init), 'http://korso.test');
  const signedIn = await host.get(`/p/wunsch/admin?token=${token}`);
  expect(signedIn.status).toBe(303);
});

afterAll(async () => {
  await calls?.close();
  await runtime?.close();
  await database?.drop();
});

describe('endpoint discovery', () => {
  it('every parade page advertises the Webmention and Pingback endpoints', async () => {
    const res = await app.request('/p/wunsch');
    expect(res.headers.get('link')).toBe('<http://korso.test/webmention>; rel="webmention"');
    expect(res.headers.get('x-pingback')).toBe('http://korso.test/xmlrpc');
    const html = await res.text();
    expect(html).toContain('<link rel="webmention" href="http://korso.test/webmention"/>');
    expect(html).toContain('<link rel="pingback" href="http://korso.test/xmlrpc"/>');
  });
});

describe('Webmention validation', () => {
  it.each([
    ['a missing source', { target: 'http://korso.test/p/wunsch' }, 'source is required'],
    [
      'a non-http source',
      { source: 'ftp://a.example/x', target: 'http://korso.test/p/wunsch' },
      'source must be an http or https URL',
    ],
    [
      'source equal to target',
      { source: 'http://korso.test/p/wunsch', target: 'http://korso.test/p/wunsch/' },
      'source and target are the same',
    ],
    [
      'a target that is no parade',
      { source: 'https://a.example/x', target: 'https://elsewhere.example/' },
      'the target is neither a parade page nor the call of a parade',
    ],
    ['an unknown parade', { source: 'https://a.example/x', target: 'http://korso.test/p/nope' }, 'there is no parade "nope"'],
    [
      'a call whose host has not proved it',
      { source: 'https://a.example/x', target: 'CALL' },
      'the target is a call whose host has not shown it belongs to a parade on korso',
    ],
    [
      'a source that is a page of korso',
      { source: 'http://korso.test/p/wunsch/lists', target: 'http://korso.test/p/wunsch' },
      'the source is the call or a page of korso, not an entry',
    ],
  ])('refuses %s with 400', async (_name, fields, message) => {
    const resolved = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v === 'CALL' ? calls.url('/aufruf/') : v]));
    const res = await app.request('/webmention', form(resolved));
    expect(res.status).toBe(400);
    expect(await res.text()).toBe(message);
  });
});

describe('Pingback faults', () => {
  it.each([
    ['an unknown parade page', 'http://korso.test/p/nope', 0x20],
    ['a page that cannot take pingbacks', 'https://elsewhere.example/', 0x21],
  ])('answers %s with its fault code', async (_name, target, code) => {
    const res = await app.request('/xmlrpc', ping('https://b.example/post', target));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(`<name>faultCode</name><value><int>${code}</int></value>`);
  });

  it('answers a request that is not XML-RPC with a parse fault', async () => {
    const res = await app.request('/xmlrpc', { method: 'POST', body: '<nope' });
    expect(await res.text()).toContain('<int>-32700</int>');
  });
});

describe('the host dashboard', () => {
  it('blocks a domain, and registrations from it are refused', async () => {
    const blocked = await host.postForm(
      '/p/wunsch/admin/blocklist',
      { domain: 'https://www.Spam.example/', action: 'block' },
      '/p/wunsch/admin',
    );
    expect(blocked.status).toBe(303);
    expect(blocked.headers.get('location')).toBe('/p/wunsch/admin');
    const page = await (await host.get('/p/wunsch/admin')).text();
    expect(page).toContain('spam.example');
    const res = await app.request('/api/parades/wunsch/entries', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: 'https://blog.spam.example/kaufen' }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('Beiträge von dieser Domain werden nicht angenommen');
    const pb = await app.request('/xmlrpc', ping('https://spam.example/x', 'http://korso.test/p/wunsch'));
    expect(await pb.text()).toContain('<int>49</int>');
  });

  it('refuses every admin action without the host cookie', async () => {
    const token = (await (await host.get('/p/wunsch/admin')).text()).match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
    const res = await app.request('/p/wunsch/admin/blocklist', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Cookie: `korso_csrf=${token}; korso_admin=forged`,
        Origin: 'http://korso.test',
      },
      body: new URLSearchParams({ _csrf: token, domain: 'a.example', action: 'block' }).toString(),
    });
    expect(res.status).toBe(403);
    const mod = await app.request('/p/wunsch/admin/entries/1', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `korso_csrf=${token}` },
      body: new URLSearchParams({ _csrf: token, action: 'approve' }).toString(),
    });
    expect(mod.status).toBe(403);
  });

  it('refuses a malformed domain', async () => {
    const res = await host.postForm('/p/wunsch/admin/blocklist', { domain: 'not a domain', action: 'block' }, '/p/wunsch/admin');
    expect(res.status).toBe(400);
    expect(await res.text()).toBe('„not a domain“ ist kein Domainname');
  });

  it('shows roads and discovery state to the host in the API', async () => {
    const res = await app.request('/api/parades/wunsch', { headers: { Authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { discovery: { roads: Record<string, number>; lastRun: unknown } };
    expect(body.discovery.roads).toEqual({});
    expect(body.discovery.lastRun).toBeNull();
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After once a client has sent its burst', async () => {
    const strict = createApp({
      ...runtime.ctx,
      config: { ...runtime.ctx.config, limits: { ...runtime.ctx.config.limits, burst: 3, perMinute: 1 } },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      // A client of its own (the socket's peer), so earlier tests' requests do not count.
      const res = await strict.request(
        '/webmention',
        form({ source: `https://r${i}.example/p`, target: 'http://korso.test/p/wunsch' }),
        { incoming: { socket: { remoteAddress: '203.0.113.7' } } },
      );
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([202, 202, 202, 429, 429]);
  });
});

describe('metrics', () => {
  it('counts parades, entries by status and mentions in the Prometheus text format', async () => {
    const res = await app.request('/metrics');
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await res.text();
    expect(text).toContain('# TYPE korso_parades gauge\nkorso_parades 1\n');
    expect(text).toMatch(/^korso_entries\{status="pending"\} \d+$/m);
    expect(text).toContain('korso_entries{status="rejected"} 0');
    expect(text).toMatch(/^korso_mentions\{kind="webmention"\} [1-9]\d*$/m);
    expect(text.endsWith('\n')).toBe(true);
  });
});
