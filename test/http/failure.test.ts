import { describe, expect, it } from 'vitest';
import { describeError, formatBytes, parseRetryAfter } from '../../src/http/failure.js';
import { testConfig } from './test-config.js';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it.each([
    ['120', '2026-01-01T00:02:00.000Z'],
    [' 0 ', '2026-01-01T00:00:00.000Z'],
    ['Fri, 02 Jan 2026 10:00:00 GMT', '2026-01-02T10:00:00.000Z'],
  ])('reads %j', (value, expected) => {
    expect(parseRetryAfter(value, now)?.toISOString()).toBe(expected);
  });

  it.each([undefined, '', 'soon', '-5'])('ignores %j', (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});

describe('formatBytes', () => {
  it.each([
    [10, '10 bytes'],
    [64 * 1024, '64 KB'],
    [5 * 1024 * 1024, '5 MB'],
    [1.5 * 1024 * 1024, '1.5 MB'],
  ])('writes %d as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('describeError', () => {
  const config = testConfig();
  const coded = (code: string, extra: object = {}) => Object.assign(new Error(code), { code, ...extra });

  it.each([
    [
      coded('ENOTFOUND', { hostname: 'blog.example' }),
      'dns',
      'the name blog.example does not resolve to an address',
    ],
    [
      coded('EAI_AGAIN', { hostname: 'blog.example' }),
      'dns',
      'the name server did not answer for blog.example',
    ],
    [coded('ECONNREFUSED'), 'connect', 'the server refused the connection'],
    [coded('EHOSTUNREACH'), 'connect', 'the server cannot be reached'],
    [coded('UND_ERR_CONNECT_TIMEOUT'), 'timeout', 'the server did not accept a connection within 500 ms'],
    [coded('UND_ERR_BODY_TIMEOUT'), 'timeout', 'the server stopped sending the page for 400 ms'],
    [coded('CERT_HAS_EXPIRED'), 'tls', "the server's certificate has expired"],
    [coded('ERR_TLS_CERT_ALTNAME_INVALID'), 'tls', "the server's certificate belongs to another name"],
    [
      coded('ERR_SSL_WRONG_VERSION_NUMBER'),
      'tls',
      'the secure connection failed (ERR_SSL_WRONG_VERSION_NUMBER)',
    ],
    [coded('ERR__ERROR_FORMAT_PADDING_1'), 'protocol', 'the page could not be decompressed'],
    [
      coded('KORSO_BLOCKED_ADDRESS', { detail: 'the address ::1 is a loopback address' }),
      'blocked-address',
      'the address ::1 is a loopback address',
    ],
    [
      new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')]),
      'connect',
      'the server refused the connection',
    ],
    [
      new TypeError('fetch failed', { cause: coded('ECONNRESET') }),
      'connect',
      'the server closed the connection unexpectedly',
    ],
    [new Error('something odd'), 'connect', 'the request failed (something odd)'],
  ])('maps %s', (error, reason, detail) => {
    expect(describeError(error, config)).toEqual({ reason, detail });
  });
});
