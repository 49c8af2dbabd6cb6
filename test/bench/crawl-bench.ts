import { fork } from 'node:child_process';
import path from 'node:path';
import { runCrawlPass } from '../../src/crawl/crawl-pass.js';
import { createParade, registerEntry } from '../../src/parades/parade-service.js';
import { sqliteDatabase } from '../support/databases.js';
import { testRuntime } from '../support/runtime.js';

// `npm run bench:crawl`: 1,000 entries on 50 loopback hosts answering after 50 ms, crawled with the
// default politeness (one request per host at a time, 1 s between two requests to a host, 8 in flight).
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 1000);
const HOSTS = Number(process.env.BENCH_HOSTS ?? 50);
const LATENCY = 50;
const DELAY = Number(process.env.BENCH_DELAY_MS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

interface Ready {
  type: 'ready';
  port: number;
  callUrl: string;
  hosts: string[];
}
interface Hits {
  type: 'hits';
  entryHits: number;
  perHost: Record<string, number>;
}

const farmProcess = fork(path.join(import.meta.dirname, 'farm-process.ts'), [], {
  execArgv: ['--import', 'tsx'],
  env: { ...process.env, FARM_HOSTS: String(HOSTS), FARM_LATENCY_MS: String(LATENCY) },
});
const ready = await new Promise<Ready>((resolve) => farmProcess.once('message', (m) => resolve(m as Ready)));

const database = await sqliteDatabase();
const runtime = await testRuntime(database, {
  config: {
    KORSO_PER_HOST_DELAY_MS: String(DELAY),
    KORSO_CONCURRENCY: String(CONCURRENCY),
    KORSO_TOTAL_TIMEOUT_MS: '20000',
    KORSO_HEADERS_TIMEOUT_MS: '10000',
  },
});
const { parade } = await createParade(runtime.ctx, { callUrl: ready.callUrl, title: 'Benchmark' });
// Registered blog by blog, the worst order for a naive queue.
const perHost = Math.ceil(ENTRIES / HOSTS);
let n = 0;
for (const host of ready.hosts) {
  for (let i = 0; i < perHost && n < ENTRIES; i++, n++) {
    await registerEntry(runtime.ctx, parade, `http://${host}:${ready.port}/e/${n}/`, 'cli');
  }
}

const rssBeforeMb = process.memoryUsage().rss / 1024 / 1024;
const cpuBefore = process.cpuUsage();
const started = performance.now();
const summary = await runCrawlPass(runtime.ctx);
const wallMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const peakRssMb = process.resourceUsage().maxRSS / 1024;

farmProcess.send({ type: 'stop' });
const hits = await new Promise<Hits>((resolve) =>
  farmProcess.on('message', (m) => {
    if ((m as Hits).type === 'hits') resolve(m as Hits);
  }),
);
await runtime.close();
await database.drop();

// The politeness bound: each host serves its requests (robots.txt, pages, the call on its host) one
// at a time with DELAY between them; all hosts together cannot beat the global concurrency either.
const hostBounds = Object.values(hits.perHost).map((requests) => requests * LATENCY + (requests - 1) * DELAY);
const totalRequests = Object.values(hits.perHost).reduce((a, b) => a + b, 0);
const boundMs = Math.max(...hostBounds, (totalRequests * LATENCY) / CONCURRENCY);
const ratio = wallMs / boundMs;

const rows: [string, string][] = [
  ['entries', `${summary.claimed} claimed, ${summary.fetched} fetched, ${summary.failed} failed`],
  ['requests', `${totalRequests} (${hits.entryHits} entry pages) on ${HOSTS} hosts`],
  ['wall time', `${(wallMs / 1000).toFixed(2)} s`],
  ['pages per second', (summary.claimed / (wallMs / 1000)).toFixed(1)],
  ['peak RSS', `${peakRssMb.toFixed(0)} MB (${rssBeforeMb.toFixed(0)} MB before the crawl)`],
  ['CPU per page', `${((cpu.user + cpu.system) / 1000 / summary.claimed).toFixed(2)} ms`],
  [
    'politeness bound',
    `${(boundMs / 1000).toFixed(2)} s (delay ${DELAY} ms, latency ${LATENCY} ms, ${CONCURRENCY} in flight)`,
  ],
  ['ratio to bound', `${ratio.toFixed(3)} (target ≤ 1.3)`],
];
for (const [k, v] of rows) console.log(`${k.padEnd(18)} ${v}`);
const ok = ratio <= 1.3 && peakRssMb < 250 && summary.fetched === ENTRIES;
console.log(ok ? 'within target' : 'TARGET MISSED');
process.exitCode = ok ? 0 : 1;
