import type { HttpConfig } from '../../src/config.js';

/** Small timeouts and caps so every failure case ends quickly; only the fixture's own address is allowed. */
export function testConfig(overrides: Partial<HttpConfig> = {}): HttpConfig {
  return {
    userAgent: 'korso/0.1 (+http://127.0.0.1/about)',
    allowPrivateNetworks: false,
    allowedAddresses: ['127.0.0.1'],
    connectTimeoutMs: 500,
    headersTimeoutMs: 400,
    totalTimeoutMs: 800,
    maxBytes: 64 * 1024,
    maxRedirects: 3,
    perHostDelayMs: 0,
    concurrency: 4,
    robotsTtlMs: 60_000,
    respectRobots: true,
    ...overrides,
  };
}
