/**
 * Theme grouping at scale, one command:
 *   npm run bench:themes [-- --items N] [-- --peer-sample N] [-- --rounds N]
 * Builds a parade of 5,000 entries with 50,000 list items from the German answers of the theme
 * truth (test/fixtures/themes), varied the way bloggers vary them (lead-ins, extra words, typos,
 * word order), times groupThemes on all of them, and times the naive peer (pairwise stem Jaccard,
 * test/eval/theme-baseline.ts) on a sample, scaled by the square of the size to the full parade.
 */
import { groupThemes } from '../../src/publish/themes.js';
import { stemOverlapBaseline } from '../eval/theme-baseline.js';
import { ITEMS_PER_ENTRY, syntheticParade } from './theme-parade.js';

function argValue(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const totalItems = argValue('--items', 50_000);
const peerSample = argValue('--peer-sample', 2_000);
const rounds = argValue('--rounds', 3);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const items = syntheticParade(totalItems);
const heapBefore = process.memoryUsage().heapUsed;
groupThemes(items.slice(0, 2_000), { lang: 'de' }); // warm the stemmer tables and the JIT
const times: number[] = [];
const cpuTimes: number[] = [];
let themes = 0;
let peakHeap = 0;
for (let round = 0; round < rounds; round++) {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const result = groupThemes(items, { lang: 'de' });
  const cpu = process.cpuUsage(cpuStarted);
  times.push(performance.now() - started);
  cpuTimes.push((cpu.user + cpu.system) / 1000);
  themes = result.length;
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}
const engineMs = median(times);
const engineCpuMs = median(cpuTimes);

const sample = items.slice(0, peerSample);
const peerStarted = performance.now();
const peerCpuStarted = process.cpuUsage();
stemOverlapBaseline(sample, 'de');
const peerCpu = process.cpuUsage(peerCpuStarted);
const peerSampleMs = performance.now() - peerStarted;
const scale = (totalItems / peerSample) ** 2;
const peerMs = peerSampleMs * scale;
const peerCpuMs = ((peerCpu.user + peerCpu.system) / 1000) * scale;

const perSecond = (ms: number): string => Math.round(totalItems / (ms / 1000)).toLocaleString('en');
const row = (name: string, wall: number, cpu: number, note: string): string =>
  `${name.padEnd(22)} ${wall.toFixed(0).padStart(7)} ms wall ${cpu.toFixed(0).padStart(7)} ms cpu ` +
  `${perSecond(wall).padStart(9)} items/s  ${note}`;
console.log(
  `\nbench:themes — ${totalItems.toLocaleString('en')} items, ${totalItems / ITEMS_PER_ENTRY} entries`,
);
console.log(
  row(
    'korso groupThemes',
    engineMs,
    engineCpuMs,
    `(median of ${rounds}; ${themes.toLocaleString('en')} themes; heap +${((peakHeap - heapBefore) / 2 ** 20).toFixed(0)} MB)`,
  ),
);
console.log(
  row(
    'pairwise stem Jaccard',
    peerMs,
    peerCpuMs,
    `(measured ${peerSampleMs.toFixed(0)} ms on ${peerSample.toLocaleString('en')} items, scaled by n²)`,
  ),
);
console.log(
  `ratio: korso groups ${(peerMs / engineMs).toFixed(0)}× faster than the pairwise peer (cpu ${(peerCpuMs / engineCpuMs).toFixed(0)}×)`,
);
