// Hostile requests against real `korso serve` processes (the built CLI) on one database: every case
// gets the right status and a clear message, nothing is stored that should not be, nothing is lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.js';
import { type CallServer, callPage, startCallServer } from '../support/call-server.js';
import { databaseFactories, type TestDatabase } from '../support/databases.js';
import { migrateDatabase, type ServerProcess, startServerProcess } from '../support/server-process.js';
import { formToken, type WebClient, webClient } from '../support/web-client.js';

// biome-ignore lint/suspicious/noExplicitAny: response shapes are asserted by the tests themselves
type Json = any;

const BURST = 4;
const PARADE_BURST = 30;
const EVIL = 'https://evil.example';
const SQL = `Robert'); DROP TABLE parades; -- " OR 1=1 /*`;

let lastIp = 0;
/** A fresh client address for each case, told to korso by its trusted proxy (the test itself, on 127.0.0.1). */
const nextIp = () => {
  lastIp++;
  return `198.51.${100 + Math.floor(lastIp / 250)}.${(lastIp % 250) + 1}`;
};

describe.each(databaseFactories())('hostile input against two server processes on %s', (_name, factory) => {
  let database: TestDatabase;
  let calls: CallServer;
  let one: ServerProcess;
  let two: ServerProcess;
  let direct: ServerProcess;
  const tokens: Record<string, string> = {};
  const expected = { parades: 0, entries: 0, mentions: 0 };

  /** A request as a client at `ip` behind the trusted proxy. */
  const at =
    (server: ServerProcess, ip: string) =>
    (path: string, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      if (!headers.has('X-Forwarded-For')) headers.set('X-Forwarded-For', ip);
      return fetch(`${server.url}${path}`, { ...init, headers, redirect: 'manual' });
    };
  const client = (server: ServerProcess = one, ip = nextIp()): WebClient =>
    webClient(at(server, ip), server.url);
  const json = (
    server: ServerProcess,
    path: string,
    payload: unknown,
    headers: Record<string, string> = {},
    ip = nextIp(),
  ) =>
    at(server, ip)(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(payload),
    });
  /** The parade as the API shows it to a client presenting `token`. */
  const readAs = (server: ServerProcess, slug: string, token: string | undefined, ip = nextIp()) =>
    at(server, ip)(`/api/parades/${slug}`, { headers: { Authorization: `Bearer ${token}` } });
  /** A Webmention as another site sends it (form fields, no form token). */
  const webmention = (
    server: ServerProcess,
    fields: Record<string, string>,
    headers: Record<string, string> = {},
    ip = nextIp(),
  ) =>
    at(server, ip)('/webmention', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields).toString(),
    });
  const count = async (table: 'parades' | 'entries' | 'mentions' | 'call_claims') => {
    const handle = openDatabase(database.url);
    try {
      const row = await handle.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    } finally {
      await handle.close();
    }
  };
  const create = async (slug: string, extra: Record<string, unknown> = {}) => {
    calls.set(`/${slug}/`, callPage({ title: `Aufruf ${slug}` }));
    const res = await json(one, '/api/parades', { callUrl: calls.url(`/${slug}/`), slug, ...extra });
    expect(res.status, await res.clone().text()).toBe(201);
    expected.parades++;
    const body: Json = await res.json();
    tokens[slug] = body.adminToken;
    return body;
  };

  beforeAll(async () => {
    database = await factory();
    calls = await startCallServer();
    const env = {
      DATABASE_URL: database.url,
      KORSO_BASE_URL: 'http://korso.test',
      KORSO_ALLOWED_ADDRESSES: '127.0.0.1',
      KORSO_LOG_LEVEL: 'silent',
      KORSO_RATE_BURST: String(BURST),
      KORSO_RATE_PER_MINUTE: '0',
      KORSO_RATE_PARADE_BURST: String(PARADE_BURST),
      KORSO_RATE_PARADE_PER_MINUTE: '0',
      KORSO_RATE_CREATE_BURST: '3',
      KORSO_RATE_CREATE_PER_HOUR: '0',
      KORSO_RATE_ADMIN_BURST: '3',
      KORSO_RATE_ADMIN_PER_MINUTE: '0',
    };
    await migrateDatabase(env);
    one = await startServerProcess({ ...env, KORSO_TRUSTED_PROXIES: '127.0.0.1, ::1' });
    two = await startServerProcess({ ...env, KORSO_TRUSTED_PROXIES: '127.0.0.0/8' });
    direct = await startServerProcess(env);
    await create('opfer');
    calls.set(
      '/opfer/',
      callPage({ title: 'Aufruf opfer', body: '<p><a href="http://korso.test/p/opfer">korso</a></p>' }),
    );
    const check = await at(one, nextIp())('/api/parades/opfer/verify', {
      method: 'POST',
      headers: { Authorization: `Bearer ${tokens.opfer}` },
    });
    expect(((await check.json()) as Json).verified).toBe(true);
    await create('zweite');
  }, 60_000);

  afterAll(async () => {
    await Promise.all([one?.stop(), two?.stop(), direct?.stop()]);
    await calls?.close();
    await database?.drop();
  });

  describe('tokens and cookies', () => {
    it('refuses a missing, wrong or forged token or cookie with 403 and says why', async () => {
      const page = await client().get('/p/opfer/admin');
      expect(page.status).toBe(403);
      expect(await page.text()).toContain('Öffne deinen geheimen Verwaltungslink');
      expect((await client().get('/p/opfer/admin?token=falsch')).status).toBe(403);
      const api = await at(one, nextIp())('/api/parades/opfer', {
        headers: { Authorization: 'Bearer falsch' },
      });
      expect(api.status).toBe(403);
      expect(await api.json()).toMatchObject({
        code: 'auth.token',
        error: 'Das Verwaltungs-Token ist nicht gültig',
      });
      const forged = client();
      forged.setCookie('korso_admin', 'x'.repeat(43), '/p/opfer');
      const res = await forged.get('/p/opfer/admin');
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('Deine Verwaltungssitzung ist beendet');
      // The token in the query string opens nothing but the exchange for a cookie.
      expect(
        (await at(one, nextIp())(`/api/parades/opfer/token?token=${tokens.opfer}`, { method: 'POST' }))
          .status,
      ).toBe(403);
    });

    it('a cookie of one parade opens nothing of another', async () => {
      const host = client();
      expect((await host.get(`/p/zweite/admin?token=${tokens.zweite}`)).status).toBe(303);
      const cookie = host.cookies().find((c) => c.name === 'korso_admin');
      expect(cookie?.path).toBe('/p/zweite');
      const stranger = client();
      stranger.setCookie('korso_admin', cookie?.value ?? '', '/p/opfer');
      expect((await stranger.get('/p/opfer/admin')).status).toBe(403);
      expect((await readAs(one, 'opfer', tokens.zweite)).status).toBe(403);
    });

    it('after a rotation the old token and every old cookie are refused, on both processes', async () => {
      const host = client(one);
      expect((await host.get(`/p/zweite/admin?token=${tokens.zweite}`)).status).toBe(303);
      const old = tokens.zweite;
      const rotated = await at(two, nextIp())('/api/parades/zweite/token', {
        method: 'POST',
        headers: { Authorization: `Bearer ${old}` },
      });
      expect(rotated.status).toBe(200);
      expect(rotated.headers.get('cache-control')).toBe('no-store');
      tokens.zweite = ((await rotated.json()) as Json).adminToken;
      expect((await host.get('/p/zweite/admin')).status).toBe(403);
      expect((await readAs(two, 'zweite', old)).status).toBe(403);
      expect((await client(two).get(`/p/zweite/admin?token=${old}`)).status).toBe(403);
      expect((await readAs(one, 'zweite', tokens.zweite)).status).toBe(200);
    });
  });

  describe('requests from other sites', () => {
    it('refuses cross-site form posts, with or without a valid form token, and stores nothing', async () => {
      const before = await count('entries');
      const visitor = client();
      const token = formToken(await (await visitor.get('/p/opfer/submit')).text());
      const cookie = visitor
        .cookies()
        .map((c) => `${c.name}=${c.value}`)
        .join('; ');
      const send = at(one, nextIp());
      const post = (headers: Record<string, string>, fields: Record<string, string>) =>
        send('/p/opfer/submit', {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie, ...headers },
          body: new URLSearchParams(fields).toString(),
        });
      const evil = await post({ Origin: EVIL }, { _csrf: token, url: 'https://a.example/x' });
      expect(evil.status).toBe(403);
      expect(await evil.text()).toBe(
        'Anfrage von einer fremden Seite abgelehnt: sende sie von einer Seite von korso',
      );
      expect(
        (await post({ 'Sec-Fetch-Site': 'cross-site' }, { _csrf: token, url: 'https://a.example/x' })).status,
      ).toBe(403);
      expect(
        (
          await post(
            { Origin: 'null', 'Sec-Fetch-Site': 'cross-site' },
            { _csrf: token, url: 'https://a.example/x' },
          )
        ).status,
      ).toBe(403);
      const tokenless = await post({ Origin: one.url }, { url: 'https://a.example/x' });
      expect(tokenless.status).toBe(403);
      expect(await tokenless.text()).toContain('Das Formular ist abgelaufen');
      const wrongToken = await post(
        { Origin: one.url },
        { _csrf: 'y'.repeat(32), url: 'https://a.example/x' },
      );
      expect(wrongToken.status).toBe(403);
      const creation = await at(one, nextIp())('/new', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: EVIL },
        body: new URLSearchParams({ callUrl: calls.url('/evil/') }).toString(),
      });
      expect(creation.status).toBe(403);
      const admin = await at(one, nextIp())('/p/opfer/admin/rotate', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: EVIL },
        body: '',
      });
      expect(admin.status).toBe(403);
      const details = await at(one, nextIp())('/p/opfer/admin/details', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: EVIL },
        body: new URLSearchParams({ title: 'Gekapert' }).toString(),
      });
      expect(details.status).toBe(403);
      expect(await count('entries')).toBe(before);
    });

    it('the JSON API takes only application/json, and refuses a JSON post from another origin', async () => {
      const before = await count('parades');
      const plain = await at(one, nextIp())('/api/parades', {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: JSON.stringify({ callUrl: calls.url('/plain/') }),
      });
      expect(plain.status).toBe(415);
      expect(await plain.json()).toMatchObject({
        code: 'input.contentType',
        error: 'the request body must be sent as application/json',
      });
      const form = await at(one, nextIp())('/api/parades/opfer/entries', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'url=https%3A%2F%2Fa.example%2F',
      });
      expect(form.status).toBe(415);
      const evil = await json(one, '/api/parades', { callUrl: calls.url('/evil/') }, { Origin: EVIL });
      expect(evil.status).toBe(403);
      expect(await evil.json()).toMatchObject({ code: 'csrf.origin' });
      // Even with the host's token, a change of the parade's details needs JSON from no other site.
      const patch = (headers: Record<string, string>) =>
        at(one, nextIp())('/api/parades/opfer', {
          method: 'PATCH',
          headers: { Authorization: `Bearer ${tokens.opfer}`, ...headers },
          body: JSON.stringify({ title: 'Gekapert' }),
        });
      const evilPatch = await patch({ 'Content-Type': 'application/json', Origin: EVIL });
      expect(evilPatch.status).toBe(403);
      expect(await evilPatch.json()).toMatchObject({ code: 'csrf.origin' });
      expect((await patch({ 'Content-Type': 'text/plain' })).status).toBe(415);
      const opfer: Json = await (await at(one, nextIp())('/api/parades/opfer')).json();
      expect(opfer.parade.title).toBe('Aufruf opfer');
      expect(await count('parades')).toBe(before);
    });

    it('Webmention stays open to every site, as its spec wants', async () => {
      const res = await webmention(
        one,
        {
          source: 'https://blog.example/mein-beitrag/',
          target: 'http://korso.test/p/opfer',
        },
        { Origin: EVIL },
      );
      expect(res.status).toBe(202);
      expected.entries++;
      expected.mentions++;
    });
  });

  describe('oversized and malformed bodies', () => {
    it.each([
      [
        'JSON',
        '/api/parades',
        'application/json',
        JSON.stringify({ callUrl: 'https://a.example/', title: 'x'.repeat(70_000) }),
      ],
      ['a form', '/p/opfer/submit', 'application/x-www-form-urlencoded', `url=${'x'.repeat(70_000)}`],
      [
        'multipart',
        '/p/opfer/submit',
        'multipart/form-data; boundary=b',
        `--b\r\nContent-Disposition: form-data; name="url"\r\n\r\n${'x'.repeat(70_000)}\r\n--b--\r\n`,
      ],
      [
        'XML',
        '/xmlrpc',
        'text/xml',
        `<?xml version="1.0"?><methodCall><methodName>pingback.ping</methodName>${'<x/>'.repeat(1_300_000)}</methodCall>`,
      ],
    ])('answers 413 to an oversized %s body', async (_kind, path, type, body) => {
      const res = await at(one, nextIp())(path, {
        method: 'POST',
        headers: { 'Content-Type': type, Origin: one.url },
        body,
      });
      expect(res.status).toBe(413);
      expect(await res.text()).toMatch(/request body too large|Inhalt der Anfrage ist zu groß/);
    });

    it('answers malformed JSON, form and multipart bodies with 400, never 500', async () => {
      const bad = await at(one, nextIp())('/api/parades', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"callUrl": ',
      });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ code: 'input.json', error: 'the request body must be JSON' });
      const array = await json(one, '/api/parades', [1, 2]);
      expect(array.status).toBe(400);
      expect(await array.json()).toMatchObject({ code: 'input.jsonObject' });
      const visitor = client();
      const token = formToken(await (await visitor.get('/p/opfer/submit')).text());
      const cookie = visitor
        .cookies()
        .map((c) => `${c.name}=${c.value}`)
        .join('; ');
      const multipart = await at(one, nextIp())('/p/opfer/submit', {
        method: 'POST',
        headers: { 'Content-Type': 'multipart/form-data; boundary=zzz', Cookie: cookie, Origin: one.url },
        body: `--other\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n--other`,
      });
      expect(multipart.status).toBe(400);
      expect(await multipart.text()).toMatch(/form could not be read|Formular ließ sich nicht lesen/);
      const file = await at(one, nextIp())('/p/opfer/submit', {
        method: 'POST',
        headers: { 'Content-Type': 'multipart/form-data; boundary=b', Cookie: cookie, Origin: one.url },
        body: `--b\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n--b\r\nContent-Disposition: form-data; name="url"; filename="x.txt"\r\nContent-Type: text/plain\r\n\r\nhttps://a.example/\r\n--b--\r\n`,
      });
      // A file where a text field belongs is no form korso takes.
      expect(file.status).toBe(400);
      expect(await file.text()).toContain('Das Formular ließ sich nicht lesen');
      const jsonMention = await at(one, nextIp())('/webmention', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(jsonMention.status).toBe(415);
    });

    it('refuses XML entity bombs and external entities without expanding them', async () => {
      const before = await count('mentions');
      const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><methodCall><methodName>pingback.ping</methodName><params><param><value><string>&lol3;</string></value></param><param><value><string>http://korso.test/p/opfer</string></value></param></params></methodCall>`;
      const xxe = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><methodCall><methodName>pingback.ping</methodName><params><param><value><string>&xxe;</string></value></param><param><value><string>http://korso.test/p/opfer</string></value></param></params></methodCall>`;
      for (const body of [bomb, xxe]) {
        const res = await at(one, nextIp())('/xmlrpc', {
          method: 'POST',
          headers: { 'Content-Type': 'text/xml' },
          body,
        });
        expect(res.status).toBe(200);
        const text = await res.text();
        expect(text).toContain('<name>faultCode</name>');
        expect(text).not.toContain('root:');
        expect(text).not.toContain('lollollol');
      }
      expect(await count('mentions')).toBe(before);
    });
  });

  describe('fields', () => {
    it.each([
      ['title', 300],
      ['prompt', 500],
      ['hashtag', 100],
      ['hostName', 200],
    ])('refuses a %s longer than %i characters, and takes one of exactly that length', async (field, max) => {
      const value = field === 'hashtag' ? `#${'a'.repeat(max)}` : 'ä'.repeat(max + 1);
      const slug = `lang-${field.toLowerCase()}`;
      calls.set(`/${slug}/`, callPage({ title: slug }));
      const res = await json(one, '/api/parades', { callUrl: calls.url(`/${slug}/`), [field]: value });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'input.tooLong', field, params: { field, max } });
      const exact = field === 'hashtag' ? `#${'a'.repeat(max - 1)}` : 'ä'.repeat(max);
      const ok = await json(one, '/api/parades', { callUrl: calls.url(`/${slug}/`), slug, [field]: exact });
      expect(ok.status).toBe(201);
      expected.parades++;
      expect(((await ok.json()) as Json).parade[field === 'hostName' ? 'host' : field]).toBe(exact);
    });

    it('refuses URLs over 2,048 characters in every URL field', async () => {
      const long = `https://a.example/${'x'.repeat(2040)}`;
      const create = await json(one, '/api/parades', { callUrl: long });
      expect(await create.json()).toMatchObject({ code: 'input.tooLong', params: { max: 2048 } });
      const entry = await json(one, '/api/parades/opfer/entries', { url: long });
      expect(entry.status).toBe(400);
      const mention = await webmention(one, { source: long, target: 'http://korso.test/p/opfer' });
      expect(mention.status).toBe(400);
      expect(await mention.text()).toBe('source is longer than 2048 characters');
      const form = await client().postForm(
        '/new',
        { callUrl: calls.url('/form/'), title: 't'.repeat(301) },
        '/new',
      );
      expect(form.status).toBe(400);
      expect(await form.text()).toContain('Titel ist länger als 300 Zeichen');
    });

    it('stores SQL metacharacters in every field literally', async () => {
      const callUrl = calls.url(`/sql/?q=${encodeURIComponent(SQL)}`);
      calls.set('/sql/', callPage({ title: 'sql' }));
      const res = await json(one, '/api/parades', {
        callUrl,
        title: SQL,
        prompt: SQL,
        hostName: SQL,
        description: SQL,
        hashtag: '#Bobby_Tables',
        slug: 'sql',
      });
      expect(res.status).toBe(201);
      expected.parades++;
      tokens.sql = ((await res.json()) as Json).adminToken;
      const read: Json = await (await at(one, nextIp())('/api/parades/sql')).json();
      expect(read.parade).toMatchObject({ title: SQL, prompt: SQL, host: SQL, description: SQL });
      const edited = await at(one, nextIp())('/api/parades/sql', {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${tokens.sql}` },
        body: JSON.stringify({ title: `${SQL} 2`, description: `${SQL}"); --` }),
      });
      expect(edited.status).toBe(200);
      expect(((await edited.json()) as Json).parade).toMatchObject({
        title: `${SQL} 2`,
        prompt: SQL,
        description: `${SQL}"); --`,
      });
      const entryUrl = `https://blog.example/${encodeURIComponent(SQL)}/`;
      const entry = await json(one, '/api/parades/sql/entries', { url: entryUrl });
      expect(entry.status).toBe(202);
      expected.entries++;
      const badSlug = await json(one, '/api/parades', {
        callUrl: calls.url('/sql2/'),
        slug: "x'; drop table parades;--",
      });
      expect(await badSlug.json()).toMatchObject({ code: 'input.slug' });
      const badTag = await json(one, '/api/parades', { callUrl: calls.url('/sql2/'), hashtag: "#x';--" });
      expect(await badTag.json()).toMatchObject({ code: 'input.hashtag' });
      const host = client();
      await host.get(`/p/sql/admin?token=${tokens.sql}`);
      const domain = await host.postForm(
        '/p/sql/admin/blocklist',
        { domain: "a.example'; delete from entries;--" },
        '/p/sql/admin',
      );
      expect(domain.status).toBe(400);
      // Entries waiting for their first fetch are the host's to see.
      const entries: Json = await (await readAs(one, 'sql', tokens.sql)).json();
      expect(entries.entries.map((e: Json) => e.url)).toEqual([entryUrl]);
      expect(await count('parades')).toBe(expected.parades);
    });

    it.each([
      ['credentials', 'http://user:secret@blog.example/post', 'input.credentials'],
      ['a javascript: URL', 'javascript:alert(1)', 'input.scheme'],
      ['a data: URL', 'data:text/html,<script>alert(1)</script>', 'input.scheme'],
      ['a file: URL', 'file:///etc/passwd', 'input.scheme'],
      ['an ftp: URL', 'ftp://blog.example/post', 'input.scheme'],
      ['a private address', 'http://10.0.0.1/post', 'input.privateAddress'],
      [
        'a link-local address (cloud metadata)',
        'http://169.254.169.254/latest/meta-data/',
        'input.privateAddress',
      ],
      ['another loopback address', 'http://127.0.0.2/post', 'input.privateAddress'],
      ['IPv6 loopback', 'http://[::1]/post', 'input.privateAddress'],
      ['a loopback address in hex', 'http://0x7f000002/post', 'input.privateAddress'],
      ['the unspecified address', 'http://0.0.0.0:8080/post', 'input.privateAddress'],
      ['no URL at all', 'nicht eine Adresse', 'input.url'],
    ])(
      'refuses %s as a call, an entry and a mention source, and stores nothing',
      async (_kind, url, code) => {
        const before = {
          parades: await count('parades'),
          entries: await count('entries'),
          mentions: await count('mentions'),
        };
        const create = await json(one, '/api/parades', { callUrl: url });
        expect(create.status).toBe(400);
        expect(await create.json()).toMatchObject({ code, field: 'callUrl' });
        const entry = await json(one, '/api/parades/opfer/entries', { url });
        expect(entry.status).toBe(400);
        expect(await entry.json()).toMatchObject({ code, field: 'url' });
        const mention = await webmention(one, { source: url, target: 'http://korso.test/p/opfer' });
        expect(mention.status).toBe(400);
        expect(await count('parades')).toBe(before.parades);
        expect(await count('entries')).toBe(before.entries);
        expect(await count('mentions')).toBe(before.mentions);
      },
    );
  });

  describe('ownership of a call', () => {
    it('answers a second parade for a known call with 409 and the existing parade, however the URL is written', async () => {
      const call = calls.url('/opfer/');
      for (const variant of [
        call,
        call.replace(/\/$/, ''),
        `${call}?utm_source=mail`,
        `${call}#comments`,
        call.replace('http://', 'HTTP://'),
      ]) {
        const res = await json(one, '/api/parades', { callUrl: variant, title: 'Meine!' });
        expect(res.status, variant).toBe(409);
        expect(await res.json()).toMatchObject({
          code: 'parade.exists',
          parade: { slug: 'opfer', title: 'Aufruf opfer' },
        });
      }
      const form = await client().postForm('/new', { callUrl: call, title: 'Meine!' }, '/new');
      expect(form.status).toBe(409);
      expect(await form.text()).toContain('href="/p/opfer"');
    });

    it('a mention of a call goes to the parade whose host proved it, and nowhere while nobody has', async () => {
      const before = await count('mentions');
      // A stranger registers a call that is not theirs; its page does not name the stranger's parade.
      calls.set('/fremd/', callPage({ title: 'Fremder Aufruf' }));
      const squat = await json(one, '/api/parades', { callUrl: calls.url('/fremd/'), slug: 'besetzt' });
      expect(squat.status).toBe(201);
      expected.parades++;
      const check: Json = await (
        await at(one, nextIp())('/api/parades/besetzt/verify', {
          method: 'POST',
          headers: { Authorization: `Bearer ${((await squat.json()) as Json).adminToken}` },
        })
      ).json();
      expect(check).toMatchObject({ verified: false, reasonCode: 'call.notNamed' });
      const toSquatted = await webmention(one, {
        source: 'https://anna.example/beitrag/',
        target: calls.url('/fremd/'),
      });
      expect(toSquatted.status).toBe(400);
      expect(await toSquatted.text()).toBe(
        'the target is a call whose host has not shown it belongs to a parade on korso',
      );
      // The proved call's mentions reach its parade.
      const toOwner = await webmention(two, {
        source: 'https://anna.example/beitrag/',
        target: calls.url('/opfer/'),
      });
      expect(toOwner.status).toBe(202);
      expected.entries++;
      expected.mentions++;
      const owner: Json = await (await readAs(one, 'opfer', tokens.opfer)).json();
      expect(owner.entries.map((e: Json) => e.url)).toContain('https://anna.example/beitrag/');
      // The call itself, or a page of korso, as the source: nothing is stored.
      for (const source of [calls.url('/opfer/'), 'http://korso.test/p/besetzt']) {
        const self = await webmention(one, { source, target: calls.url('/opfer/') });
        expect(self.status).toBe(400);
      }
      expect(await count('mentions')).toBe(before + 1);
      const directory = await (await at(one, nextIp())('/')).text();
      expect(directory).toContain('href="/p/opfer"');
      expect(directory).not.toContain('href="/p/besetzt"');
    });
  });

  describe('claims', () => {
    it('refuses cross-site claim posts, from a form or as JSON, and stores no claim', async () => {
      await create('kaper');
      const before = await count('call_claims');
      const visitor = client();
      const token = formToken(await (await visitor.get('/p/kaper/claim')).text());
      const cookie = visitor
        .cookies()
        .map((c) => `${c.name}=${c.value}`)
        .join('; ');
      const form = (path: string, headers: Record<string, string>, fields: Record<string, string>) =>
        at(one, nextIp())(path, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie, ...headers },
          body: new URLSearchParams(fields).toString(),
        });
      const evil = await form('/p/kaper/claim', { Origin: EVIL }, { _csrf: token });
      expect(evil.status).toBe(403);
      expect(await evil.text()).toBe(
        'Anfrage von einer fremden Seite abgelehnt: sende sie von einer Seite von korso',
      );
      expect(
        (await form('/p/kaper/claim', { 'Sec-Fetch-Site': 'cross-site' }, { _csrf: token })).status,
      ).toBe(403);
      const check = await form(
        '/p/kaper/claim/check',
        { Origin: EVIL },
        { _csrf: token, code: 'korso-claim-x' },
      );
      expect(check.status).toBe(403);
      const tokenless = await form('/p/kaper/claim', { Origin: one.url }, {});
      expect(tokenless.status).toBe(403);
      expect(await tokenless.text()).toContain('Das Formular ist abgelaufen');
      for (const [path, payload] of [
        ['/api/parades/kaper/claims', {}],
        ['/api/parades/kaper/claims/check', { code: 'korso-claim-x' }],
      ] as const) {
        const res = await json(one, path, payload, { Origin: EVIL });
        expect(res.status).toBe(403);
        expect(await res.json()).toMatchObject({ code: 'csrf.origin' });
      }
      expect(await count('call_claims')).toBe(before);
      // The same form from korso's own page is taken.
      const own = await form('/p/kaper/claim', { Origin: one.url }, { _csrf: token });
      expect(own.status).toBe(201);
      expect(await count('call_claims')).toBe(before + 1);
    });

    it('limits claim codes per address like creation, and checks like registrations, across both processes', async () => {
      const ip = nextIp();
      const started: number[] = [];
      for (let i = 0; i < 4; i++)
        started.push((await json(i % 2 ? two : one, '/api/parades/kaper/claims', {}, {}, ip)).status);
      expect(started).toEqual([201, 201, 201, 429]);
      const limited = await json(one, '/api/parades/kaper/claims', {}, {}, ip);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await limited.json()).toMatchObject({ code: 'rate.limited' });
      // The form draws from the same bucket.
      const page = client(one, ip);
      expect((await page.postForm('/p/kaper/claim', {}, '/p/kaper/submit')).status).toBe(429);
      expect((await json(one, '/api/parades/kaper/claims', {}, {}, nextIp())).status).toBe(201);

      const checkIp = nextIp();
      const checks: number[] = [];
      for (let i = 0; i < BURST + 1; i++)
        checks.push(
          (
            await json(
              one,
              '/api/parades/kaper/claims/check',
              { code: `korso-claim-${'b'.repeat(22)}` },
              {},
              checkIp,
            )
          ).status,
        );
      expect(checks).toEqual([...Array(BURST).fill(400), 429]);
      const parade: Json = await (await readAs(one, 'kaper', tokens.kaper)).json();
      expect(parade.parade).toMatchObject({ callVerified: false });
    });
  });

  describe('floods', () => {
    const register = (
      server: ServerProcess,
      ip: string,
      slug: string,
      url: string,
      headers: Record<string, string> = {},
    ) => json(server, `/api/parades/${slug}/entries`, { url }, headers, ip);

    it('limits one address: 429 with Retry-After past the burst, on registration, webmention, pingback and creation', async () => {
      const ip = nextIp();
      const statuses: number[] = [];
      for (let i = 0; i < BURST + 2; i++)
        statuses.push((await register(one, ip, 'opfer', `https://flut${i}.example/p`)).status);
      expect(statuses).toEqual([...Array(BURST).fill(202), 429, 429]);
      expected.entries += BURST;
      const limited = await register(one, ip, 'opfer', 'https://flut-x.example/p');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await limited.json()).toMatchObject({
        code: 'rate.limited',
        error: expect.stringMatching(/^Zu viele Anfragen; versuche es in \d+ s erneut$/),
      });

      const mentionIp = nextIp();
      const mentions: number[] = [];
      for (let i = 0; i < BURST + 1; i++) {
        const res = await webmention(
          one,
          {
            source: `https://wm${i}.example/p`,
            target: 'http://korso.test/p/opfer',
          },
          {},
          mentionIp,
        );
        mentions.push(res.status);
      }
      expect(mentions).toEqual([...Array(BURST).fill(202), 429]);
      expected.entries += BURST;
      expected.mentions += BURST;

      const pingIp = nextIp();
      let last: Response | undefined;
      for (let i = 0; i < BURST + 1; i++) {
        last = await at(one, pingIp)('/xmlrpc', {
          method: 'POST',
          headers: { 'Content-Type': 'text/xml' },
          body: `<?xml version="1.0"?><methodCall><methodName>pingback.ping</methodName><params><param><value><string>http://127.0.0.1:9/pb${i}</string></value></param><param><value><string>http://korso.test/p/nope</string></value></param></params></methodCall>`,
        });
      }
      expect(last?.status).toBe(429);
      expect(await last?.text()).toContain('<int>49</int>');

      const createIp = nextIp();
      const created: number[] = [];
      for (let i = 0; i < 4; i++)
        created.push(
          (await json(one, '/api/parades', { callUrl: calls.url(`/welle${i}/`) }, {}, createIp)).status,
        );
      expect(created).toEqual([201, 201, 201, 429]);
      expected.parades += 3;
    });

    it('believes X-Forwarded-For only from a trusted proxy, and only its rightmost hop', async () => {
      const ip = nextIp();
      const statuses: number[] = [];
      // The client writes a fresh address of its own in front each time; the proxy's hop still names it.
      for (let i = 0; i < BURST + 1; i++)
        statuses.push(
          (
            await register(one, ip, 'zweite', `https://xff${i}.example/p`, {
              'X-Forwarded-For': `10.9.8.${i}, ${ip}`,
            })
          ).status,
        );
      expect(statuses).toEqual([...Array(BURST).fill(202), 429]);
      expected.entries += BURST;
      // The server that trusts no proxy takes the peer's address, whatever the header says.
      const direct_: number[] = [];
      for (let i = 0; i < BURST + 1; i++)
        direct_.push((await register(direct, nextIp(), 'zweite', `https://direkt${i}.example/p`)).status);
      expect(direct_).toEqual([...Array(BURST).fill(202), 429]);
      expected.entries += BURST;
    });

    it('limits a source host per parade: a busy blog host floods one parade, not every parade', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < BURST + 1; i++)
        statuses.push((await register(one, nextIp(), 'sql', `https://medium.example/@a${i}/post`)).status);
      expect(statuses).toEqual([...Array(BURST).fill(202), 429]);
      expected.entries += BURST;
      const elsewhere = await register(one, nextIp(), 'zweite', 'https://medium.example/@b/post');
      expect(elsewhere.status).toBe(202);
      expected.entries++;
    });

    it('limits a parade for everyone together, across two server processes on one database', async () => {
      await create('flut');
      const statuses: number[] = [];
      for (let i = 0; i < PARADE_BURST + 2; i++) {
        const server = i % 2 === 0 ? one : two;
        statuses.push((await register(server, nextIp(), 'flut', `https://blog${i}.example/p`)).status);
      }
      expect(statuses.filter((s) => s === 202)).toHaveLength(PARADE_BURST);
      expect(statuses.slice(PARADE_BURST)).toEqual([429, 429]);
      expected.entries += PARADE_BURST;
      // The host, with their token, is not limited on their own parade.
      const own = await register(two, nextIp(), 'flut', 'https://gastgeberin.example/nachtrag', {
        Authorization: `Bearer ${tokens.flut}`,
      });
      expect(own.status).toBe(202);
      expected.entries++;
    });

    it('one address sending alternately to two processes gets one burst, not two', async () => {
      const ip = nextIp();
      const statuses: number[] = [];
      for (let i = 0; i < BURST * 2; i++)
        statuses.push(
          (await register(i % 2 ? two : one, ip, 'zweite', `https://wechsel${i}.example/p`)).status,
        );
      expect(statuses).toEqual([...Array(BURST).fill(202), ...Array(BURST).fill(429)]);
      expected.entries += BURST;
    });

    it('limits failed admin attempts per address, so tokens cannot be guessed; the right token then waits too', async () => {
      const ip = nextIp();
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await readAs(one, 'opfer', `rate${i}`, ip)).status);
      expect(statuses).toEqual([403, 403, 403, 429]);
      const right = await readAs(two, 'opfer', tokens.opfer, ip);
      expect(right.status).toBe(429);
      expect((await readAs(two, 'opfer', tokens.opfer)).status).toBe(200);
    });
  });

  it('stored exactly what it accepted and lost nothing', async () => {
    expect(await count('parades')).toBe(expected.parades);
    expect(await count('entries')).toBe(expected.entries);
    expect(await count('mentions')).toBe(expected.mentions);
    const opfer: Json = await (await readAs(one, 'opfer', tokens.opfer)).json();
    expect(opfer.parade).toMatchObject({ title: 'Aufruf opfer', callVerified: true, listed: true });
  });
});
