import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/runtime.js';
import { createApp } from '../../src/web/app.js';
import { sqliteDatabase, type TestDatabase } from '../support/databases.js';
import { testRuntime } from '../support/runtime.js';

let database: TestDatabase;
let runtime: Runtime;
let app: ReturnType<typeof createApp>;
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
  app = createApp(runtime.ctx);
  const res = await app.request('/api/parades', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ callUrl: 'https://host.example/aufruf/', slug: 'wunsch', title: 'Wunschkunde' }),
  });
  token = ((await res.json()) as { adminToken: string }).adminToken;
});

afterAll(async () => {
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
    ['a missing source', { target: 'http://korso.test/p/wunsch' }, 'source is not a valid URL'],
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
    [
      'an unknown parade',
      { source: 'https://a.example/x', target: 'http://korso.test/p/nope' },
      'there is no parade "nope"',
    ],
  ])('refuses %s with 400', async (_name, fields, message) => {
    const res = await app.request('/webmention', form(fields as Record<string, string>));
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
    const blocked = await app.request(
      '/p/wunsch/admin/blocklist',
      form({ token, domain: 'https://www.Spam.example/', action: 'block' }),
    );
    expect(blocked.status).toBe(303);
    const page = await (await app.request(`/p/wunsch/admin?token=${token}`)).text();
    expect(page).toContain('spam.example');
    const res = await app.request('/api/parades/wunsch/entries', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: 'https://blog.spam.example/kaufen' }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('entries from this domain are not accepted');
    const pb = await app.request('/xmlrpc', ping('https://spam.example/x', 'http://korso.test/p/wunsch'));
    expect(await pb.text()).toContain('<int>49</int>');
  });

  it('refuses a forged token on every admin action', async () => {
    const res = await app.request(
      '/p/wunsch/admin/blocklist',
      form({ token: 'forged', domain: 'a.example', action: 'block' }),
    );
    expect(res.status).toBe(403);
    const mod = await app.request('/p/wunsch/admin/entries/1', form({ token: 'forged', action: 'approve' }));
    expect(mod.status).toBe(403);
  });

  it('refuses a malformed domain', async () => {
    const res = await app.request(
      '/p/wunsch/admin/blocklist',
      form({ token, domain: 'not a domain', action: 'block' }),
    );
    expect(res.status).toBe(400);
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
      config: { ...runtime.ctx.config, limits: { burst: 3, perMinute: 1 } },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await strict.request(
        '/webmention',
        form({ source: `https://r${i}.example/p`, target: 'http://korso.test/p/wunsch' }),
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
