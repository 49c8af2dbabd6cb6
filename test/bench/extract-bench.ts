/**
 * korso's extractPage vs Mozilla Readability on jsdom, same corpus, one command:
 *   npm run bench:extract [-- --rounds N] [-- --limit N]
 * Each engine runs in its own child process so that peak RSS is its own; the parent prints the
 * comparison. Times are per page: parse + extraction (korso from the HTML string, like Readability).
 */
import { fork } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusDirFor } from '../eval/corpus-dir.js';

const thisFile = fileURLToPath(import.meta.url);
const repoRoot = path.resolve(path.dirname(thisFile), '../..');
const corpusDir = corpusDirFor(repoRoot);
const PAGE_URL = 'http://fakehost/test/page.html';
const WARMUP_PAGES = 15;

type Engine = 'korso' | 'readability';

interface EngineResult {
  engine: Engine;
  pages: number;
  totalMs: number;
  p50: number;
  p99: number;
  peakRssMb: number;
}

interface JsdomWindow {
  document: unknown;
  close(): void;
}

interface JsdomModule {
  JSDOM: new (html: string, options: { url: string; virtualConsole: unknown }) => { window: JsdomWindow };
  VirtualConsole: new () => unknown;
}

function argValue(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

function loadCorpus(limit: number): string[] {
  return readdirSync(corpusDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .slice(0, limit)
    .map((name) => readFileSync(path.join(corpusDir, name, 'source.html'), 'utf8'));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function makeRunner(engine: Engine): Promise<(html: string) => void> {
  if (engine === 'korso') {
    const { extractPage } = await import('../../src/extract/index.js');
    return (html) => {
      extractPage({ html, url: PAGE_URL });
    };
  }
  // jsdom ships no type declarations (and @types/jsdom is not installed): type the two classes used.
  const { JSDOM, VirtualConsole } = (await import('jsdom' as string)) as JsdomModule;
  const { Readability } = await import('@mozilla/readability');
  const virtualConsole = new VirtualConsole();
  return (html) => {
    const dom = new JSDOM(html, { url: PAGE_URL, virtualConsole });
    try {
      new Readability(dom.window.document as never).parse();
    } finally {
      dom.window.close();
    }
  };
}

async function runEngine(engine: Engine): Promise<EngineResult> {
  const pages = loadCorpus(argValue('--limit', Number.POSITIVE_INFINITY));
  const rounds = argValue('--rounds', 1);
  const run = await makeRunner(engine);
  for (const html of pages.slice(0, WARMUP_PAGES)) run(html);
  const times: number[] = [];
  let peakRss = process.memoryUsage().rss;
  for (let round = 0; round < rounds; round++) {
    for (const html of pages) {
      const start = performance.now();
      run(html);
      times.push(performance.now() - start);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
  }
  const sorted = [...times].sort((a, b) => a - b);
  peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
  return {
    engine,
    pages: times.length,
    totalMs: times.reduce((sum, t) => sum + t, 0),
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    peakRssMb: peakRss / 1024 / 1024,
  };
}

function runInChild(engine: Engine): Promise<EngineResult> {
  return new Promise((resolve, reject) => {
    const child = fork(thisFile, [...process.argv.slice(2), '--engine', engine], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.once('message', (message) => resolve(message as EngineResult));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`${engine} bench exited with ${code}`));
    });
  });
}

function describe(result: EngineResult): string {
  const perSecond = (result.pages / result.totalMs) * 1000;
  return `${result.engine.padEnd(24)} ${perSecond.toFixed(1).padStart(8)} pages/s   p50 ${result.p50.toFixed(1).padStart(7)} ms   p99 ${result.p99.toFixed(1).padStart(7)} ms   peak RSS ${result.peakRssMb.toFixed(0).padStart(5)} MB`;
}

async function main(): Promise<void> {
  const engineIndex = process.argv.indexOf('--engine');
  if (engineIndex >= 0) {
    const result = await runEngine(process.argv[engineIndex + 1] as Engine);
    process.send?.(result);
    return;
  }
  console.log(`corpus: ${corpusDir}`);
  const korso = await runInChild('korso');
  const readability = await runInChild('readability');
  console.log(`\n${describe(korso)}`);
  console.log(
    describe({ ...readability, engine: 'readability' }).replace(
      'readability'.padEnd(24),
      'readability + jsdom'.padEnd(24),
    ),
  );
  const ratio = readability.totalMs / korso.totalMs;
  console.log(
    `\nspeed ratio (total time readability / korso): ${ratio.toFixed(1)}×   p50 ratio: ${(readability.p50 / korso.p50).toFixed(1)}×   ${ratio >= 5 ? 'PASS' : 'FAIL'} (target ≥ 5×)`,
  );
}

await main();
