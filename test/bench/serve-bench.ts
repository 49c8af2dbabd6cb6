/**
 * korso's serving path against nginx serving the same bytes as static files, in one run:
 *   npm run bench:serve [-- --duration 10s] [-- --connections 50] [-- --warmup 2s] [-- --load-warmup 3s] [-- --timeout 60s]
 * Seeds a fresh SQLite file with one parade of 500 live entries through korso's own store functions,
 * starts `korso serve` as its own process, fetches each page once, writes those bytes into a temp
 * folder served by nginx (one worker), then loads korso and nginx with wrk one after the other.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EntryUpdate } from '../../db/schema.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { createParade, registerEntry } from '../../src/parades/parade-service.js';
import { openRuntime } from '../../src/runtime.js';
import type { Road } from '../../src/store/entry-repository.js';
import { saveEntryOutcome } from '../../src/store/entry-repository.js';
import {
  argFlag,
  argNumber,
  argValue,
  formatBytes,
  formatMs,
  formatTable,
  freePort,
  mark,
  onCleanup,
  runBenchmark,
  sleep,
} from './bench-support.js';
import { createRng, generateEntry } from './german-text.js';
import { onPath, procStatusBytes, runToEnd, startProcess, waitUntilIdle } from './processes.js';
import { parseWrkOutput, parseWrkTime, type WrkResult } from './wrk-output.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cliPath = path.join(repoRoot, 'dist/src/cli.js');

const LIVE_ENTRIES = 500;
const SLUG = 'wunschkunde';
const CALL_URL = 'https://gastgeberin.example/2026/09/blogparade-mein-wunschkunde-ist/';
/** A few entries that are not (yet) live, each with the reason a crawl would have stored. */
const NOT_LIVE: { status: string; reason: string; lists: boolean }[] = [
  { status: 'pending', reason: 'waiting for the first fetch', lists: false },
  {
    status: 'pending',
    reason: 'not fetched yet: connection refused; retrying (attempt 1 of 5)',
    lists: false,
  },
  { status: 'unverified', reason: 'waiting for the host: no link to the call', lists: true },
  {
    status: 'unverified',
    reason: 'waiting for the host: links the call only in the sidebar or comments, not in the post',
    lists: true,
  },
  { status: 'unverified', reason: 'waiting for the host: no link to the call', lists: true },
  { status: 'failing', reason: 'could not be fetched: the server answered 500', lists: false },
  { status: 'failing', reason: 'could not be fetched: the connection timed out', lists: false },
  { status: 'gone', reason: 'the page is gone (404); the last good copy is kept', lists: true },
];
const ROADS: Road[] = [
  'registration',
  'webmention',
  'call-comment',
  'call-pingback',
  'blog-feed',
  'pingback',
];

interface Target {
  name: string;
  path: string;
  /** Overview and feed.xml must answer; the others are measured when korso serves them. */
  required: boolean;
}

interface Measured {
  target: Target;
  bytes: number;
  contentType: string;
  korso: WrkResult;
  nginx: WrkResult;
}

const options = {
  duration: argValue('--duration', '10s'),
  connections: argNumber('--connections', 50),
  warmup: argValue('--warmup', '2s'),
  loadWarmup: argValue('--load-warmup', '3s'),
  timeout: argValue('--timeout', '60s'),
  verbose: argFlag('--verbose'),
};

function ensureTools(): void {
  const missing = ['wrk', 'nginx'].filter((tool) => !onPath(tool));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    console.error(
      `bench:serve needs ${missing.join(' and ')}; install with: sudo apt-get install wrk nginx-light`,
    );
    process.exit(1);
  }
  console.log(`installing Debian's wrk and nginx-light (missing: ${missing.join(', ')})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', 'wrk', 'nginx-light'],
  ]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed`);
  }
}

/** One parade of 500 live entries and a few waiting ones, written by korso's own store functions. */
async function seed(databaseUrl: string, baseUrl: string): Promise<void> {
  const config = loadConfig(
    {},
    { DATABASE_URL: databaseUrl, KORSO_BASE_URL: baseUrl, KORSO_LOG_LEVEL: 'silent' },
  );
  const runtime = await openRuntime(config, { log: silentLogger });
  try {
    const { ctx } = runtime;
    const { parade } = await createParade(ctx, {
      callUrl: CALL_URL,
      title: 'Blogparade: Mein Wunschkunde ist …',
      prompt: 'Beschreibe deinen Wunschkunden in einer Liste',
      hashtag: '#Wunschkunde',
      hostName: 'Gabi Gastgeberin',
      deadline: '2026-11-30T23:59:00.000Z',
      slug: SLUG,
      lang: 'de',
    });
    const rng = createRng(20261130);
    const total = LIVE_ENTRIES + NOT_LIVE.length;
    // The waiting entries sit spread among the live ones, as they arrive over a parade's weeks.
    const waitingAt = new Map(NOT_LIVE.map((w, i) => [Math.floor(((i + 0.5) * total) / NOT_LIVE.length), w]));
    for (let i = 0; i < total; i++) {
      const generated = generateEntry(rng, i, CALL_URL);
      const waiting = waitingAt.get(i);
      const { entry } = await registerEntry(ctx, parade, generated.url, ROADS[i % ROADS.length] as Road);
      const now = new Date().toISOString();
      const fetched = waiting === undefined || waiting.status !== 'pending';
      const update: EntryUpdate = {
        status: waiting?.status ?? 'live',
        reason: waiting?.reason ?? 'verified: links the call in the post',
        attempts: waiting?.status === 'failing' ? 5 : 0,
        next_check_at: new Date(Date.now() + 86_400_000).toISOString(),
        updated_at: now,
      };
      if (fetched && waiting?.status !== 'failing') {
        Object.assign(update, {
          backlink: waiting ? 'none' : 'content',
          http_status: waiting?.status === 'gone' ? 404 : 200,
          final_url: generated.url,
          canonical_url: generated.url,
          feed_url: `https://${generated.host}/feed/`,
          title: generated.title,
          author: generated.author,
          published: generated.published,
          excerpt: generated.excerpt,
          content_html: generated.contentHtml,
          lang: 'de',
          etag: `"${i.toString(16)}-bench"`,
          content_hash: `${i}`.padStart(64, '0'),
          last_fetched_at: now,
          last_success_at: now,
        });
      }
      const lists = fetched && (waiting === undefined || waiting.lists) ? generated.lists : undefined;
      await saveEntryOutcome(ctx.db, entry.id, 'bench', update, lists);
    }
  } finally {
    await runtime.close();
  }
}

async function waitForHealth(baseUrl: string, exited: Promise<unknown>): Promise<void> {
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && !gone) {
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  throw new Error(
    gone ? 'korso exited before it answered /healthz' : 'korso did not answer /healthz within 30 s',
  );
}

/**
 * Sequential requests for a while, then a short run at full load whose figures are dropped: both
 * servers have their code compiled, their heap grown and the file cached before the measured run.
 */
async function warmUp(url: string): Promise<void> {
  const until = Date.now() + parseWrkTime(options.warmup);
  for (let n = 0; n < 3 || Date.now() < until; n++) {
    const response = await fetch(url);
    await response.arrayBuffer();
  }
  await wrk(url, options.loadWarmup);
}

async function wrk(url: string, duration = options.duration): Promise<WrkResult> {
  const output = await runToEnd('wrk', [
    '-t2',
    `-c${options.connections}`,
    `-d${duration}`,
    '--timeout',
    options.timeout,
    '--latency',
    url,
  ]);
  if (options.verbose) console.log(output);
  return parseWrkOutput(output);
}

function nginxConfig(
  dir: string,
  port: number,
  files: { path: string; file: string; type: string }[],
): string {
  const locations = files
    .map((f) => `    location = ${f.path} { default_type "${f.type}"; alias ${f.file}; }`)
    .join('\n');
  return `daemon off;
master_process on;
user root;
worker_processes 1;
pid ${dir}/nginx.pid;
lock_file ${dir}/nginx.lock;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  # Keep wrk's connections open for the whole run, as node:http does.
  keepalive_requests 1000000;
  client_body_temp_path ${dir}/nginx-body;
  proxy_temp_path ${dir}/nginx-proxy;
  fastcgi_temp_path ${dir}/nginx-fastcgi;
  uwsgi_temp_path ${dir}/nginx-uwsgi;
  scgi_temp_path ${dir}/nginx-scgi;
  server {
    listen 127.0.0.1:${port};
${locations}
  }
}
`;
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

function ratioCell(value: number): string {
  return Number.isFinite(value) ? value.toFixed(3) : '–';
}

function report(results: Measured[], skipped: string[], peakRss: number, idleRss: number): void {
  const rows = results.map((r) => {
    const rpsRatio = r.korso.requestsPerSec / r.nginx.requestsPerSec;
    const p99Ratio = r.korso.latency.p99 / r.nginx.latency.p99;
    return [
      r.target.path,
      formatBytes(r.bytes),
      r.korso.requestsPerSec.toFixed(1),
      r.nginx.requestsPerSec.toFixed(0),
      ratioCell(rpsRatio),
      formatMs(r.korso.latency.p99),
      formatMs(r.nginx.latency.p99),
      p99Ratio.toFixed(1),
      `${mark(rpsRatio >= 0.3)} ≥0.3 (aim 0.5) · ${mark(p99Ratio <= 2)} p99 ≤2×`,
    ];
  });
  console.log(
    `\n${formatTable(
      [
        'path',
        'bytes',
        'korso req/s',
        'nginx req/s',
        'ratio',
        'korso p99',
        'nginx p99',
        'p99 ×',
        'issue aim',
      ],
      rows,
    )}`,
  );
  for (const r of results) {
    for (const [who, w] of [
      ['korso', r.korso],
      ['nginx', r.nginx],
    ] as const) {
      const e = w.socketErrors;
      const errors = e.connect + e.read + e.write + e.timeout;
      if (errors || w.non2xx)
        console.log(
          `  ${r.target.path} ${who}: ${w.non2xx} non-2xx responses, socket errors connect ${e.connect} read ${e.read} write ${e.write} timeout ${e.timeout}` +
            (e.timeout ? ' (wrk leaves timed-out requests out of its latencies: raise --timeout)' : ''),
        );
    }
  }
  for (const s of skipped) console.log(`  ${s}`);
  console.log(
    `\nkorso peak RSS (VmHWM) ${formatBytes(peakRss)}; ${formatBytes(idleRss)} before the first load run` +
      `\nwrk -t2 -c${options.connections} -d${options.duration} --timeout ${options.timeout}, after ${options.warmup} of sequential warm-up and ${options.loadWarmup} at full load (not counted); ` +
      'korso and nginx (one worker) loaded one after the other, never at once',
  );
}

async function main(): Promise<void> {
  ensureTools();
  if (!fs.existsSync(cliPath)) throw new Error(`${cliPath} is missing: run npm run build first`);
  if (options.connections < 2) throw new Error('--connections must be at least 2 (wrk runs two threads)');
  parseWrkTime(options.duration);
  parseWrkTime(options.warmup);
  parseWrkTime(options.loadWarmup);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'korso-bench-serve-'));
  onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
  const korsoPort = await freePort();
  const korsoUrl = `http://127.0.0.1:${korsoPort}`;
  const databaseUrl = `sqlite:${path.join(dir, 'korso.db')}`;

  const seedStarted = performance.now();
  await seed(databaseUrl, korsoUrl);
  console.log(
    `seeded one parade of ${LIVE_ENTRIES} live entries and ${NOT_LIVE.length} waiting ones in ${formatMs(performance.now() - seedStarted)}`,
  );

  let korsoLog = '';
  const korso = startProcess(process.execPath, [cliPath, 'serve', '--no-scheduler'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(korsoPort),
      HOST: '127.0.0.1',
      KORSO_BASE_URL: korsoUrl,
      KORSO_LOG_LEVEL: 'warn',
    },
    stderr: (chunk) => {
      korsoLog = (korsoLog + chunk).slice(-4000);
    },
  });
  try {
    await waitForHealth(korsoUrl, korso.exited);
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${korsoLog}`);
  }

  const targets: Target[] = [
    { name: 'overview', path: `/p/${SLUG}`, required: true },
    { name: 'feed', path: `/p/${SLUG}/feed.xml`, required: true },
    { name: 'lists', path: `/p/${SLUG}/lists`, required: false },
    { name: 'api', path: `/api/parades/${SLUG}`, required: false },
  ];
  const staticDir = path.join(dir, 'static');
  fs.mkdirSync(staticDir);
  const bodies: { target: Target; file: string; bytes: number; type: string }[] = [];
  const skipped: string[] = [];
  for (const target of targets) {
    const response = await fetch(korsoUrl + target.path);
    const body = Buffer.from(await response.arrayBuffer());
    if (response.status !== 200) {
      if (target.required)
        throw new Error(`${target.path} answered ${response.status}: ${body.toString().slice(0, 300)}`);
      skipped.push(`${target.path}: n/a (korso answers ${response.status})`);
      continue;
    }
    const file = path.join(staticDir, `${target.name}.body`);
    fs.writeFileSync(file, body);
    bodies.push({
      target,
      file,
      bytes: body.length,
      type: response.headers.get('content-type') ?? 'text/plain',
    });
  }

  const nginxPort = await freePort();
  const nginxUrl = `http://127.0.0.1:${nginxPort}`;
  const confPath = path.join(dir, 'nginx.conf');
  fs.writeFileSync(
    confPath,
    nginxConfig(
      dir,
      nginxPort,
      bodies.map((b) => ({ path: b.target.path, file: b.file, type: b.type })),
    ),
  );
  let nginxLog = '';
  const nginx = startProcess('nginx', ['-p', dir, '-c', confPath, '-e', path.join(dir, 'nginx-error.log')], {
    stderr: (chunk) => {
      nginxLog = (nginxLog + chunk).slice(-4000);
    },
  });
  const first = bodies[0] as (typeof bodies)[number];
  const nginxReady = Date.now() + 10_000;
  for (;;) {
    const answer = await fetch(nginxUrl + first.target.path).then(
      async (r) => {
        const bytes = (await r.arrayBuffer()).byteLength;
        return r.ok && bytes === first.bytes;
      },
      () => false,
    );
    if (answer) break;
    if (Date.now() > nginxReady) throw new Error(`nginx did not serve ${first.target.path}\n${nginxLog}`);
    await sleep(100);
  }

  await waitUntilIdle(korso.pid);
  console.log(`load average ${loadAverage()} (2 cores; other work on the machine shows in the figures)`);
  const idleRss = procStatusBytes(korso.pid, 'VmRSS');
  const results: Measured[] = [];
  for (const body of bodies) {
    const { target } = body;
    console.log(`${target.path} (${formatBytes(body.bytes)}): korso …`);
    await warmUp(korsoUrl + target.path);
    const korsoResult = await wrk(korsoUrl + target.path);
    // Requests wrk left in flight are still being worked off; nginx runs only once korso is quiet.
    await waitUntilIdle(korso.pid);
    console.log(`${target.path} (${formatBytes(body.bytes)}): nginx …`);
    await warmUp(nginxUrl + target.path);
    const nginxResult = await wrk(nginxUrl + target.path);
    results.push({
      target,
      bytes: body.bytes,
      contentType: body.type,
      korso: korsoResult,
      nginx: nginxResult,
    });
  }
  const peakRss = procStatusBytes(korso.pid, 'VmHWM');
  await nginx.stop('SIGTERM');
  await korso.stop('SIGTERM');
  report(results, skipped, peakRss, idleRss);
  console.log(`load average at the end ${loadAverage()}`);
}

runBenchmark(main);
