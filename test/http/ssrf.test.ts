import type { LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, type HttpClientDeps } from '../../src/http/client.js';
import type { HttpClient } from '../../src/http/types.js';
import { type FaultServer, startFaultServer } from '../support/fault-server.js';
import { expectFailure, expectOk } from './expect-result.js';
import { testConfig } from './test-config.js';

/** A resolver that never leaves the process: each name answers from the table, in turn when it is a list of answers. */
function fakeResolver(table: Record<string, string[][]>): LookupFunction {
  const calls = new Map<string, number>();
  return (hostname, options, callback) => {
    const answers = table[hostname];
    const call = calls.get(hostname) ?? 0;
    calls.set(hostname, call + 1);
    const addresses = answers?.[Math.min(call, answers.length - 1)];
    setImmediate(() => {
      if (!addresses) {
        const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
          code: 'ENOTFOUND',
          hostname,
        });
        return callback(error, '');
      }
      const entries: LookupAddress[] = addresses.map((address) => ({ address, family: isIP(address) }));
      if (options.all) return callback(null, entries);
      callback(null, entries[0]?.address ?? '', entries[0]?.family);
    });
  };
}

describe('SSRF guard', () => {
  let fixture: FaultServer;
  let trap: FaultServer;
  const clients: HttpClient[] = [];

  const connect = (deps: HttpClientDeps = {}, allowPrivateNetworks = false) => {
    const client = createHttpClient(testConfig({ allowPrivateNetworks, respectRobots: false }), deps);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    fixture = await startFaultServer();
    // Same port on another loopback address, so a name that flips between the two reaches one or the other
    trap = await startFaultServer({ host: '127.0.0.2', port: fixture.port });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    expect(trap.connections()).toBe(0);
  });
  afterAll(async () => {
    await trap.close();
    await fixture.close();
  });

  it('reaches the fixture on its allowed address', async () => {
    expectOk(await connect().fetch(fixture.url('/html')));
  });

  it.each([
    ['127.0.0.2', 'the address 127.0.0.2 is a loopback address (the machine itself)'],
    ['2130706434', 'the address 127.0.0.2 is a loopback address (the machine itself)'],
    ['0x7f.0.0.2', 'the address 127.0.0.2 is a loopback address (the machine itself)'],
    ['0177.0.0.02', 'the address 127.0.0.2 is a loopback address (the machine itself)'],
    ['127.2', 'the address 127.0.0.2 is a loopback address (the machine itself)'],
    [
      '[::ffff:127.0.0.2]',
      'the address ::ffff:7f00:2 (127.0.0.2) is a loopback address (the machine itself)',
    ],
    ['[::1]', 'the address ::1 is a loopback address (the machine itself)'],
    ['0.0.0.0', 'the address 0.0.0.0 is the unspecified address'],
  ])('refuses the literal host %s before connecting', async (host, detail) => {
    const failure = expectFailure(
      await connect().fetch(`http://${host}:${fixture.port}/html`),
      'blocked-address',
    );
    expect(failure.detail).toBe(detail);
  });

  it.each([
    ['localhost.', ['127.0.0.2']],
    ['sneaky.example', ['::1']],
    ['private.example', ['10.0.0.5']],
  ])('refuses the name %s resolving to %j before connecting', async (name, addresses) => {
    const client = connect({ lookup: fakeResolver({ [name]: [addresses] }) });
    const failure = expectFailure(
      await client.fetch(`http://${name}:${fixture.port}/html`),
      'blocked-address',
    );
    expect(failure.detail).toBe(
      addresses[0] === '10.0.0.5'
        ? 'the address 10.0.0.5 is in a private network'
        : `the address ${addresses[0]} is a loopback address (the machine itself)`,
    );
  });

  it('connects only to the allowed one of several answers', async () => {
    const client = connect({ lookup: fakeResolver({ 'mixed.example': [['127.0.0.2', '127.0.0.1']] }) });
    expectOk(await client.fetch(`http://mixed.example:${fixture.port}/html`));
  });

  it('checks the address actually connected to, so DNS rebinding reaches only the first, safe answer', async () => {
    const lookup = fakeResolver({ 'rebind.example': [['127.0.0.1'], ['127.0.0.2']] });
    const url = `http://rebind.example:${fixture.port}/html`;
    expectOk(await connect({ lookup }).fetch(url));
    expectFailure(await connect({ lookup }).fetch(url), 'blocked-address');
  });

  it('re-checks every redirect hop', async () => {
    const target = `http://127.0.0.2:${trap.port}/html`;
    const start = fixture.url(`/redirect-to?location=${encodeURIComponent(target)}`);
    const failure = expectFailure(await connect().fetch(start), 'blocked-address');
    expect(failure.chain).toEqual([start, target]);
    expect(failure.url).toBe(target);
  });

  it('re-checks a redirect to a name that resolves to a forbidden address', async () => {
    const lookup = fakeResolver({ 'inside.example': [['127.0.0.2']] });
    const target = `http://inside.example:${trap.port}/html`;
    const failure = expectFailure(
      await connect({ lookup }).fetch(fixture.url(`/redirect-to?location=${encodeURIComponent(target)}`)),
      'blocked-address',
    );
    expect(failure.detail).toBe('the address 127.0.0.2 is a loopback address (the machine itself)');
  });

  it('reports a name that does not resolve', async () => {
    const client = connect({ lookup: fakeResolver({}) });
    const failure = expectFailure(await client.fetch(`http://nowhere.example:${fixture.port}/`), 'dns');
    expect(failure.detail).toBe('the name nowhere.example does not resolve to an address');
  });

  it('lets everything through when private networks are allowed', async () => {
    const witness = await startFaultServer({ host: '127.0.0.3' });
    try {
      expectOk(await connect({}, true).fetch(witness.url('/html')));
      expect(witness.connections()).toBe(1);
    } finally {
      await witness.close();
    }
  });
});
