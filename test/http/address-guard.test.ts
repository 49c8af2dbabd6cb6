import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  createAddressGuard,
  createGuardedLookup,
  isForbiddenAddress,
  literalAddress,
} from '../../src/http/address-guard.js';

// Pure classification only: nothing here is ever connected to
describe('isForbiddenAddress', () => {
  it.each([
    ['127.0.0.1', 'the address 127.0.0.1 is a loopback address (the machine itself)'],
    ['127.255.255.254', 'the address 127.255.255.254 is a loopback address (the machine itself)'],
    ['10.0.0.5', 'the address 10.0.0.5 is in a private network'],
    ['172.16.0.1', 'the address 172.16.0.1 is in a private network'],
    ['172.31.255.255', 'the address 172.31.255.255 is in a private network'],
    ['192.168.1.1', 'the address 192.168.1.1 is in a private network'],
    ['169.254.169.254', 'the address 169.254.169.254 is a link-local address'],
    ['100.64.0.1', 'the address 100.64.0.1 is in a carrier-grade NAT network'],
    ['100.127.255.255', 'the address 100.127.255.255 is in a carrier-grade NAT network'],
    ['224.0.0.1', 'the address 224.0.0.1 is a multicast address'],
    ['255.255.255.255', 'the address 255.255.255.255 is the broadcast address'],
    ['0.0.0.0', 'the address 0.0.0.0 is the unspecified address'],
    ['0.1.2.3', 'the address 0.1.2.3 is the unspecified address'],
    ['192.0.2.1', 'the address 192.0.2.1 is in a special-purpose range (reserved)'],
    ['240.0.0.1', 'the address 240.0.0.1 is in a special-purpose range (reserved)'],
    ['::1', 'the address ::1 is a loopback address (the machine itself)'],
    ['::', 'the address :: is the unspecified address'],
    ['fe80::1', 'the address fe80::1 is a link-local address'],
    ['fc00::1', 'the address fc00::1 is in a private network (IPv6 unique local)'],
    ['fd12:3456::1', 'the address fd12:3456::1 is in a private network (IPv6 unique local)'],
    ['ff02::1', 'the address ff02::1 is a multicast address'],
    ['::ffff:127.0.0.1', 'the address ::ffff:7f00:1 (127.0.0.1) is a loopback address (the machine itself)'],
    ['::ffff:7f00:1', 'the address ::ffff:7f00:1 (127.0.0.1) is a loopback address (the machine itself)'],
    ['::ffff:10.1.2.3', 'the address ::ffff:a01:203 (10.1.2.3) is in a private network'],
    [
      '::ffff:93.184.216.34',
      'the address ::ffff:5db8:d822 (93.184.216.34) is an IPv4 address written as IPv6',
    ],
    ['64:ff9b::7f00:1', 'the address 64:ff9b::7f00:1 is a NAT64 address that leads into an IPv4 network'],
    ['2002:7f00:1::1', 'the address 2002:7f00:1::1 is a 6to4 tunnel address'],
    ['2001::1', 'the address 2001::1 is a Teredo tunnel address'],
    ['not-an-ip', 'the address not-an-ip is not a valid IP address'],
  ])('refuses %s', (ip, reason) => {
    expect(isForbiddenAddress(ip)).toBe(reason);
  });

  it.each([
    '93.184.216.34',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700:4700::1111',
    '[2a00:1450::1]',
  ])('allows the public address %s', (ip) => {
    expect(isForbiddenAddress(ip)).toBeNull();
  });
});

describe('literalAddress on WHATWG-normalized hosts', () => {
  it.each([
    ['http://2130706433/', '127.0.0.1'],
    ['http://0177.0.0.1/', '127.0.0.1'],
    ['http://0x7f.1/', '127.0.0.1'],
    ['http://127.1/', '127.0.0.1'],
    ['http://0x7f000001/', '127.0.0.1'],
    ['http://127.000.000.001/', '127.0.0.1'],
    ['http://127.0.0.1./', '127.0.0.1'],
    ['http://0/', '0.0.0.0'],
    ['http://[::1]/', '::1'],
    ['http://[::ffff:127.0.0.1]/', '::ffff:7f00:1'],
    ['http://[0:0:0:0:0:ffff:7f00:1]/', '::ffff:7f00:1'],
  ])('reads %s as the literal %s, which is refused', (url, ip) => {
    const literal = literalAddress(new URL(url).hostname);
    expect(literal).toBe(ip);
    expect(isForbiddenAddress(literal ?? '')).not.toBeNull();
  });

  it.each([
    ['0x7f.1', '127.0.0.1'],
    ['2130706433', '127.0.0.1'],
    ['0177.0.0.1', '127.0.0.1'],
    ['10.1', '10.0.0.1'],
    ['[::1]', '::1'],
    ['::ffff:127.0.0.1', '::ffff:127.0.0.1'],
  ])('reads the raw host %s as %s', (host, ip) => {
    expect(literalAddress(host)).toBe(ip);
  });

  it.each(['face.beef', 'cafe', '1.2.3.4.5', 'example.com'])('reads the raw host %s as a name', (host) => {
    expect(literalAddress(host)).toBeNull();
  });

  it.each(['http://localhost./', 'http://example.com/', 'http://127.0.0.1.nip.io/'])(
    'leaves the name in %s to DNS',
    (url) => {
      expect(literalAddress(new URL(url).hostname)).toBeNull();
    },
  );
});

describe('createAddressGuard', () => {
  it('allows listed addresses in any spelling and nothing else private', () => {
    const guard = createAddressGuard({ allowPrivateNetworks: false, allowedAddresses: ['127.0.0.1', '::1'] });
    expect(guard('127.0.0.1')).toBeNull();
    expect(guard('::ffff:127.0.0.1')).toBeNull();
    expect(guard('0:0:0:0:0:0:0:1')).toBeNull();
    expect(guard('127.0.0.2')).toBe('the address 127.0.0.2 is a loopback address (the machine itself)');
    expect(guard('93.184.216.34')).toBeNull();
  });

  it('allows everything when private networks are allowed', () => {
    const guard = createAddressGuard({ allowPrivateNetworks: true, allowedAddresses: [] });
    expect(guard('10.0.0.1')).toBeNull();
    expect(guard('::1')).toBeNull();
  });
});

describe('createGuardedLookup', () => {
  const answers: LookupAddress[] = [
    { address: '10.0.0.1', family: 4 },
    { address: '93.184.216.34', family: 4 },
  ];
  const resolver: LookupFunction = (_hostname, _options, callback) => callback(null, answers);
  const guard = createAddressGuard({ allowPrivateNetworks: false, allowedAddresses: [] });

  function lookup(
    all: boolean,
    resolve = resolver,
  ): Promise<{ error: unknown; address: unknown; family?: number }> {
    return new Promise((done) =>
      createGuardedLookup(guard, resolve)('blog.example', { all }, (error, address, family) =>
        done({ error, address, family }),
      ),
    );
  }

  it('drops forbidden answers when all addresses are asked for', async () => {
    expect(await lookup(true)).toEqual({ error: null, address: [answers[1]], family: undefined });
  });

  it('answers with the first permitted address otherwise', async () => {
    expect(await lookup(false)).toEqual({ error: null, address: '93.184.216.34', family: 4 });
  });

  it('fails with the readable reason when no answer is permitted', async () => {
    const privateOnly: LookupFunction = (_hostname, _options, callback) => callback(null, '10.0.0.1', 4);
    const { error } = await lookup(false, privateOnly);
    expect(error).toMatchObject({
      code: 'KORSO_BLOCKED_ADDRESS',
      detail: 'the address 10.0.0.1 is in a private network',
    });
  });
});
