import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from '../support/cli.js';

const run = promisify(execFile);
const TRACER = path.resolve(import.meta.dirname, '../support/module-trace/register.mjs');
const PAGE = path.resolve(import.meta.dirname, '../fixtures/extract/wp-classic-archetype-1/page.html');

// What only serving, crawling and storing need: `--help` and `extract` must not pay for any of it.
const HEAVY_PACKAGES = [
  'hono',
  '@hono/node-server',
  'kysely',
  'pg',
  'better-sqlite3',
  'undici',
  'prom-client',
  'node-cron',
];
const HEAVY_MODULES = [
  '/dist/src/web/',
  '/dist/jobs/',
  '/dist/db/',
  '/dist/src/store/',
  '/dist/src/runtime.js',
];

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'korso-trace-'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs the built CLI and returns the packages and korso modules it loaded. */
async function loadedBy(args: string[], env: Record<string, string> = {}) {
  const trace = path.join(dir, `${Math.random().toString(36).slice(2)}.txt`);
  const { stdout } = await run(process.execPath, ['--import', TRACER, CLI, ...args], {
    env: { PATH: process.env.PATH ?? '', KORSO_LOG_LEVEL: 'warn', KORSO_MODULE_TRACE: trace, ...env },
  });
  const urls = fs.readFileSync(trace, 'utf8').split('\n').filter(Boolean);
  const packages = new Set(
    urls.flatMap((u) => {
      const match = u.match(/\/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
      return match?.[1] ? [match[1]] : [];
    }),
  );
  return { stdout, packages, urls };
}

describe('korso starts with only what a command needs', () => {
  it.each([
    [['--help']],
    [['extract', '--json', PAGE]],
    [['serve', '--help']],
    [['worker', '--help']],
    [['crawl', '--help']],
    [['backup', '--help']],
    [['migrate-data', '--help']],
    [['parade', 'create', '--help']],
  ])('korso %j loads no server, scheduler, database or HTTP client', async (args) => {
    const { stdout, packages, urls } = await loadedBy(args);
    expect(stdout.length).toBeGreaterThan(0);
    expect(packages.has('commander')).toBe(true);
    expect(HEAVY_PACKAGES.filter((p) => packages.has(p))).toEqual([]);
    expect(urls.filter((u) => HEAVY_MODULES.some((m) => u.includes(m)))).toEqual([]);
  });

  it('builds korso extract as one file of the extractor and its parsers only', () => {
    // The build bundles the extract command (fewer files to load); its metafile lists what went in.
    const meta = JSON.parse(fs.readFileSync(path.join(path.dirname(CLI), '../extract-meta.json'), 'utf8')) as {
      inputs: Record<string, unknown>;
      outputs: Record<string, { imports: { path: string; external?: boolean }[] }>;
    };
    const inputs = Object.keys(meta.inputs);
    expect(inputs).toContain('dist/src/extract/extract-page.js');
    expect(inputs.filter((i) => HEAVY_PACKAGES.some((p) => i.includes(`node_modules/${p}/`)))).toEqual([]);
    expect(inputs.filter((i) => HEAVY_MODULES.some((m) => `/${i}`.includes(m)))).toEqual([]);
    const imports = Object.values(meta.outputs).flatMap((o) => o.imports.map((i) => i.path));
    expect(imports.filter((i) => !i.startsWith('node:') && !/^[a-z_]+$/.test(i)).sort()).toEqual([
      '../http/client.js',
      '../log.js',
    ]);
  });

  it('sees the database drivers when a command does need them', async () => {
    const { packages } = await loadedBy(['migrate'], { DATABASE_URL: `sqlite:${path.join(dir, 'k.db')}` });
    expect(packages.has('kysely')).toBe(true);
    expect(packages.has('better-sqlite3')).toBe(true);
  });
});
