import { type Config, loadConfig } from '../../src/config.js';
import type { Clock } from '../../src/context.js';
import { type LogFields, type Logger, silentLogger } from '../../src/log.js';
import { openRuntime, type Runtime } from '../../src/runtime.js';
import type { TestDatabase } from './databases.js';

/** Settings for tests: loopback allowed, short timeouts, no politeness delay. */
export function testConfig(databaseUrl: string, overrides: Record<string, string> = {}): Config {
  return loadConfig(
    {},
    {
      DATABASE_URL: databaseUrl,
      KORSO_BASE_URL: 'http://korso.test',
      KORSO_ALLOW_PRIVATE_NETWORKS: '1',
      KORSO_PER_HOST_DELAY_MS: '0',
      KORSO_CONNECT_TIMEOUT_MS: '1000',
      KORSO_HEADERS_TIMEOUT_MS: '2000',
      KORSO_TOTAL_TIMEOUT_MS: '3000',
      KORSO_MAX_ATTEMPTS: '3',
      KORSO_LOG_LEVEL: 'silent',
      KORSO_RATE_BURST: '1000',
      // Every request checks the parade's change counter, so a page reflects a write at once.
      KORSO_CACHE_CHECK_MS: '0',
      KORSO_RATE_PARADE_BURST: '1000',
      KORSO_RATE_CREATE_BURST: '1000',
      KORSO_RATE_ADMIN_BURST: '1000',
      ...overrides,
    },
  );
}

export class FakeClock implements Clock {
  constructor(private current: Date = new Date('2026-11-20T10:00:00.000Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export function recordingLogger(): Logger & {
  events: { level: string; event: string; fields?: LogFields }[];
} {
  const events: { level: string; event: string; fields?: LogFields }[] = [];
  const at = (level: string) => (event: string, fields?: LogFields) => {
    events.push({ level, event, fields });
  };
  return { events, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export async function testRuntime(
  database: TestDatabase,
  opts: { clock?: Clock; config?: Record<string, string>; log?: Logger } = {},
): Promise<Runtime> {
  return openRuntime(testConfig(database.url, opts.config), {
    clock: opts.clock,
    log: opts.log ?? silentLogger,
  });
}
