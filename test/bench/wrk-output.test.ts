import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWrkOutput, parseWrkTime } from './wrk-output.js';

const fixture = (name: string) =>
  fs.readFileSync(path.join(import.meta.dirname, '../fixtures/wrk', name), 'utf8');

describe('parseWrkOutput', () => {
  it('reads throughput, percentiles and volume of nginx serving a static file', () => {
    const result = parseWrkOutput(fixture('nginx-static.txt'));
    expect(result.requestsPerSec).toBe(4628.27);
    expect(result.requests).toBe(23227);
    expect(result.durationS).toBeCloseTo(5.02);
    expect(result.bytesRead).toBeCloseTo(19.13 * 1024 ** 3);
    expect(result.latency).toEqual({ p50: 10.01, p75: 11.13, p90: 12.93, p99: 18.98 });
    expect(result.socketErrors).toEqual({ connect: 0, read: 0, write: 0, timeout: 0 });
    expect(result.non2xx).toBe(0);
  });

  it('reads the socket errors of a slow korso page whose requests timed out', () => {
    const result = parseWrkOutput(fixture('korso-overview-timeouts.txt'));
    expect(result.requestsPerSec).toBe(2.2);
    expect(result.requests).toBe(9);
    expect(result.latency.p50).toBeCloseTo(799.13);
    expect(result.latency.p99).toBeCloseTo(919.21);
    expect(result.bytesRead).toBeCloseTo(7.6 * 1024 ** 2);
    expect(result.socketErrors).toEqual({ connect: 0, read: 0, write: 0, timeout: 5 });
  });

  it('reads latencies in seconds, as wrk prints them with a trailing space', () => {
    const result = parseWrkOutput(fixture('korso-overview-seconds.txt'));
    expect(result.requestsPerSec).toBe(2.96);
    expect(result.requests).toBe(30);
    expect(result.durationS).toBeCloseTo(10.13);
    expect(result.latency).toEqual({ p50: 1670, p75: 1840, p90: 4590, p99: 8170 });
    expect(result.socketErrors.timeout).toBe(0);
  });

  it('counts responses that were not 2xx or 3xx', () => {
    const result = parseWrkOutput(fixture('korso-not-found.txt'));
    expect(result.non2xx).toBe(1238);
    expect(result.requests).toBe(1238);
    expect(result.bytesRead).toBeCloseTo(427.98 * 1024);
    expect(result.latency.p99).toBeCloseTo(247.52);
  });

  it('refuses output without the latency distribution', () => {
    const withoutLatency = fixture('nginx-static.txt')
      .split('\n')
      .filter((line) => !/^\s+\d+%/.test(line))
      .join('\n');
    expect(() => parseWrkOutput(withoutLatency)).toThrow(/50% latency/);
  });

  it('refuses an error message instead of a report', () => {
    expect(() => parseWrkOutput('unable to connect to 127.0.0.1:18777 Connection refused\n')).toThrow(
      /no .*latency/,
    );
  });
});

describe('parseWrkTime', () => {
  it.each([
    ['812.00us', 0.812],
    ['12.72ms', 12.72],
    ['9.31s', 9310],
    ['1.50m', 90_000],
  ])('%s is %f ms', (text, ms) => {
    expect(parseWrkTime(text)).toBeCloseTo(ms);
  });

  it('refuses a number without a unit', () => {
    expect(() => parseWrkTime('12.72')).toThrow(/not a wrk time/);
  });
});
