/**
 * How fast the korso command starts, against `node -e 0` (the floor: Node itself) in the same run:
 *   npm run bench:start [-- --runs N]
 * Uses hyperfine when it is installed (median of N runs, no shell), a timing loop of spawnSync
 * otherwise. Runs the built CLI (the script builds it first); the aim is under 0.3 s.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(repoRoot, 'dist/src/cli.js');
const page = path.join(repoRoot, 'test/fixtures/extract/wp-classic-archetype-1/page.html');
const AIM_S = 0.3;

function argValue(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const runs = argValue('--runs', 20);
const commands: [string, string[]][] = [
  ['node -e 0 (floor)', ['-e', '0']],
  ['korso --help', [cli, '--help']],
  ['korso extract --json PAGE', [cli, 'extract', '--json', page]],
  ['korso serve --help', [cli, 'serve', '--help']],
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function quoteArg(arg: string): string {
  return /^[\w./=-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

function hasHyperfine(): boolean {
  return spawnSync('hyperfine', ['--version'], { stdio: 'ignore' }).status === 0;
}

interface Timing {
  /** Median wall seconds. */
  wall: number;
  /** Mean CPU seconds (user + system) when known: on a busy machine, nearer what an idle one shows. */
  cpu: number | null;
}

/** Timings per command, from hyperfine's JSON export. */
function withHyperfine(): Timing[] {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'korso-bench-')), 'start.json');
  const lines = commands.map(([, args]) => [process.execPath, ...args].map(quoteArg).join(' '));
  const options = ['--shell=none', '--warmup', '3', '--runs', String(runs), '--style', 'none'];
  execFileSync('hyperfine', [...options, '--export-json', out, ...lines], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, KORSO_LOG_LEVEL: 'silent' },
  });
  const { results } = JSON.parse(fs.readFileSync(out, 'utf8')) as {
    results: { median: number; user: number; system: number }[];
  };
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  return results.map((r) => ({ wall: r.median, cpu: r.user + r.system }));
}

/** Median seconds per command; the commands take turns, so a busy spell hits them alike. */
function withLoop(): Timing[] {
  const times: number[][] = commands.map(() => []);
  for (let round = -3; round < runs; round++) {
    for (const [i, [, args]] of commands.entries()) {
      const started = process.hrtime.bigint();
      const result = spawnSync(process.execPath, args, { stdio: 'ignore' });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (result.status !== 0) throw new Error(`${commands[i]?.[0]} exited ${result.status}`);
      if (round >= 0) times[i]?.push(seconds);
    }
  }
  return times.map((t) => ({ wall: median(t), cpu: null }));
}

const ms = (s: number | null) => (s === null ? '–' : `${(s * 1000).toFixed(0)} ms`);
const tool = hasHyperfine() ? 'hyperfine' : 'spawnSync loop';
const timings = tool === 'hyperfine' ? withHyperfine() : withLoop();
const floor = timings[0]?.wall as number;
const load = os.loadavg()[0] ?? 0;
console.log(
  `start time, median of ${runs} runs (${tool}), ${os.cpus().length} cores, load ${load.toFixed(1)}`,
);
console.log(
  `${'command'.padEnd(28)} ${'median'.padStart(9)} ${'× floor'.padStart(8)} ${'above floor'.padStart(12)} ${'cpu'.padStart(8)}`,
);
for (const [i, [name]] of commands.entries()) {
  const { wall, cpu } = timings[i] as Timing;
  console.log(
    `${name.padEnd(28)} ${ms(wall).padStart(9)} ${(wall / floor).toFixed(2).padStart(8)} ${ms(wall - floor).padStart(12)} ${ms(cpu).padStart(8)}`,
  );
}
if (load > os.cpus().length)
  console.log("the machine is busy: wall times include waiting for a core; cpu is the commands' own work");
const missed = commands.filter(([name], i) => name.startsWith('korso') && (timings[i]?.wall ?? 0) >= AIM_S);
console.log(
  missed.length === 0
    ? `every korso command starts in under ${AIM_S} s`
    : `AIM MISSED (${AIM_S} s): ${missed.map(([name]) => name).join(', ')}`,
);
