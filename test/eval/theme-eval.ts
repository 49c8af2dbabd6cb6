/**
 * Scores the theme engine (src/publish/themes.ts) on the hand-grouped parades in
 * test/fixtures/themes: pairwise precision, recall and F1 per parade, for the tuning parades and the
 * held-out ones, beside a plain stem-overlap baseline.
 * Run: npm run eval (after the extraction eval) or tsx test/eval/theme-eval.ts [--verbose] [--parade SLUG]
 */
import { clusterThemes, themeConcepts } from '../../src/publish/themes.js';
import { stemOverlapBaseline } from './theme-baseline.js';
import { loadTruthParades, type PairScore, scorePairs, sumScores, type TruthParade } from './theme-truth.js';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const onlyParade = args.includes('--parade') ? args[args.indexOf('--parade') + 1] : undefined;

const pct = (value: number): string => `${(100 * value).toFixed(1)}`.padStart(5);

function row(name: string, engine: PairScore, baseline: PairScore): string {
  return [
    name.padEnd(22),
    `P ${pct(engine.precision)}  R ${pct(engine.recall)}  F1 ${pct(engine.f1)}`,
    `themes ${String(engine.themes).padStart(4)} / truth ${String(engine.truthGroups).padStart(4)}`,
    `| baseline F1 ${pct(baseline.f1)} (P ${pct(baseline.precision)} R ${pct(baseline.recall)})`,
  ].join('  ');
}

function engineAssignment(parade: TruthParade): { assignment: Int32Array; labels: string[] } {
  const clusters = clusterThemes(parade.items, { lang: parade.lang });
  const assignment = new Int32Array(parade.items.length).fill(-1);
  clusters.forEach((cluster, index) => {
    for (const position of cluster.members) assignment[position] = index;
  });
  if (assignment.includes(-1)) throw new Error(`${parade.slug}: an item is in no theme`);
  return { assignment, labels: clusters.map((cluster) => cluster.label) };
}

function explain(parade: TruthParade, assignment: Int32Array, labels: string[]): void {
  const concepts = themeConcepts(parade.items, { lang: parade.lang });
  const byTheme = new Map<number, number[]>();
  assignment.forEach((theme, position) => {
    byTheme.set(theme, [...(byTheme.get(theme) ?? []), position]);
  });
  for (const [theme, positions] of [...byTheme].sort((a, b) => a[0] - b[0])) {
    if (positions.length < 2) continue;
    console.log(`  [${labels[theme]}]`);
    for (const position of positions) {
      const item = parade.items[position]!;
      console.log(`      ${item.group.padEnd(20)} ${item.text}  {${concepts[position]!.join(' ')}}`);
    }
  }
  const singles = [...byTheme.values()].filter((positions) => positions.length === 1).flat();
  console.log('  singletons:');
  for (const position of singles) {
    const item = parade.items[position]!;
    console.log(`      ${item.group.padEnd(20)} ${item.text}  {${concepts[position]!.join(' ')}}`);
  }
}

const parades = loadTruthParades().filter((parade) => !onlyParade || parade.slug === onlyParade);
console.log('\nTheme grouping: pairwise precision / recall / F1 against hand-grouped truth');
const totals = { tune: [] as [PairScore, PairScore][], holdout: [] as [PairScore, PairScore][] };
for (const parade of parades) {
  const truth = parade.items.map((item) => item.group);
  const { assignment, labels } = engineAssignment(parade);
  const engine = scorePairs(truth, assignment);
  const baseline = scorePairs(truth, stemOverlapBaseline(parade.items, parade.lang));
  totals[parade.split].push([engine, baseline]);
  console.log(row(`${parade.slug} (${parade.split})`, engine, baseline));
  if (verbose) explain(parade, assignment, labels);
}
for (const split of ['tune', 'holdout'] as const) {
  const scores = totals[split];
  if (scores.length === 0) continue;
  console.log(
    row(
      `all ${split} (${scores.length})`,
      sumScores(scores.map(([engine]) => engine)),
      sumScores(scores.map(([, baseline]) => baseline)),
    ),
  );
}
const all = [...totals.tune, ...totals.holdout];
console.log(
  row(`all parades (${all.length})`, sumScores(all.map(([e]) => e)), sumScores(all.map(([, b]) => b))),
);
