import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { withoutImages } from '../../src/sanitize/images.js';
import { clientAddress, parseTrustedProxies } from '../../src/web/client-address.js';

/** The address korso limits, for a request from `peer` with this X-Forwarded-For, behind `trusted`. */
async function addressOf(trusted: string[], peer: string | undefined, xff?: string): Promise<string> {
  const app = new Hono();
  const ranges = parseTrustedProxies(trusted);
  app.get('/', (c) => c.text(clientAddress(c, ranges)));
  const env = peer === undefined ? undefined : { incoming: { socket: { remoteAddress: peer } } };
  const res = await app.request('/', { headers: xff ? { 'X-Forwarded-For': xff } : {} }, env);
  return res.text();
}

describe('the client address behind proxies', () => {
  it.each([
    [
      'no proxy trusted: the peer, whatever the header says',
      [],
      '203.0.113.9',
      '198.51.100.1',
      '203.0.113.9',
    ],
    ['a trusted proxy: the hop it adds', ['10.0.0.5'], '10.0.0.5', '198.51.100.1', '198.51.100.1'],
    [
      'a trusted proxy: hops the client wrote in front do not count',
      ['10.0.0.5'],
      '10.0.0.5',
      '1.2.3.4, 198.51.100.1',
      '198.51.100.1',
    ],
    [
      'a chain of trusted proxies (CIDR): the first untrusted hop from the right',
      ['10.0.0.0/8'],
      '10.0.0.5',
      '198.51.100.1, 10.1.1.1',
      '198.51.100.1',
    ],
    ['an untrusted peer cannot speak for others', ['10.0.0.5'], '203.0.113.9', '198.51.100.1', '203.0.113.9'],
    [
      'IPv4 written as IPv6 is the same address',
      ['10.0.0.5'],
      '::ffff:10.0.0.5',
      '198.51.100.1',
      '198.51.100.1',
    ],
    ['a hop that is no address: the proxy answers for it', ['10.0.0.5'], '10.0.0.5', 'unknown', '10.0.0.5'],
    ['IPv6 proxies and clients', ['2001:db8::/32'], '2001:db8::1', '2001:db9::7, 2001:db8::2', '2001:db9::7'],
    ['no socket (an in-process request)', [], undefined, '198.51.100.1', 'local'],
  ])('%s', async (_name, trusted, peer, xff, expected) => {
    expect(await addressOf(trusted, peer, xff)).toBe(expected);
  });

  it('refuses a trusted proxy that is no address', () => {
    expect(() => parseTrustedProxies(['proxy.internal'])).toThrow(/KORSO_TRUSTED_PROXIES/);
  });
});

describe('images of entries on korso pages', () => {
  it.each([
    ['<p>a <img src="https://t.example/p.png" alt="Bild"> b</p>', '<p>a [Bild] b</p>'],
    ['<img src="https://t.example/p.png" />text', 'text'],
    ['<b>no image</b>', '<b>no image</b>'],
  ])('%s', (html, expected) => {
    expect(withoutImages(html)).toBe(expected);
  });
});
