import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/runtime.js';
import { approveParade, findParadeBySlug } from '../../src/store/parade-repository.js';
import { createApp } from '../../src/web/app.js';
import { type CallServer, callPage, startCallServer } from '../support/call-server.js';
import { sqliteDatabase, type TestDatabase } from '../support/databases.js';
import { testRuntime } from '../support/runtime.js';

describe('KORSO_NEW_PARADES=review', () => {
  let database: TestDatabase;
  let runtime: Runtime;
  let calls: CallServer;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    database = await sqliteDatabase();
    runtime = await testRuntime(database, { config: { KORSO_NEW_PARADES: 'review' } });
    calls = await startCallServer();
    app = createApp(runtime.ctx);
  });

  afterAll(async () => {
    await calls?.close();
    await runtime?.close();
    await database?.drop();
  });

  it('lists a proved parade only once the operator approved it', async () => {
    // The host linked the parade's address in the call before creating it: proved at once.
    calls.set(
      '/call/',
      callPage({
        title: 'Three tools I love',
        lang: 'en',
        author: 'Sam Host',
        body: '<p>Join my blog carnival "Three tools I love…" and tag it #ToolLove. Deadline: May 15, 2030.</p><p><a href="http://korso.test/p/tools">All entries</a></p>',
      }),
    );
    const res = await app.request('/api/parades', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ callUrl: calls.url('/call/'), slug: 'tools' }),
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { parade: Record<string, unknown> };
    // The API takes what the call says for every field it is not given.
    expect(body.parade).toMatchObject({
      title: 'Three tools I love',
      host: 'Sam Host',
      lang: 'en',
      prompt: 'Three tools I love',
      hashtag: '#ToolLove',
      deadline: '2030-05-15T21:59:59.000Z',
      callVerified: true,
      listed: false,
    });
    expect(await (await app.request('/')).text()).not.toContain('href="/p/tools"');
    const parade = await findParadeBySlug(runtime.ctx.db, 'tools');
    await approveParade(runtime.ctx.db, parade?.id ?? 0, runtime.ctx.clock.now().toISOString());
    expect(await (await app.request('/')).text()).toContain('href="/p/tools"');
    expect((await findParadeBySlug(runtime.ctx.db, 'tools'))?.change_seq).toBeGreaterThan(
      parade?.change_seq ?? 0,
    );
  });

  it('sends the page with a policy that loads nothing from other sites', async () => {
    const res = await app.request('/p/tools');
    expect(res.headers.get('content-security-policy')).toContain("img-src 'self' data:");
  });

  it('marks every cookie Secure when the public address is https', async () => {
    const secure = createApp({
      ...runtime.ctx,
      config: { ...runtime.ctx.config, baseUrl: 'https://korso.example' },
    });
    const token = (await (await secure.request('/p/tools/submit')).headers.getSetCookie()).find((c) =>
      c.startsWith('korso_csrf='),
    );
    expect(token).toMatch(/; Secure/);
    const created = await secure.request('/api/parades', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ callUrl: calls.url('/other/'), slug: 'sicher' }),
    });
    const { adminToken } = (await created.json()) as { adminToken: string };
    const exchange = await secure.request(`/p/sicher/admin?token=${adminToken}`);
    expect(exchange.status).toBe(303);
    const admin = exchange.headers.getSetCookie().find((c) => c.startsWith('korso_admin='));
    expect(admin).toMatch(/; Path=\/p\/sicher; HttpOnly; Secure; SameSite=Strict$/);
  });
});
