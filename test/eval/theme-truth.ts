/**
 * Reads the hand-grouped theme truth (test/fixtures/themes/*.txt, format in its README.md) and
 * scores a grouping against it pairwise: a pair of items is a true positive when both the grouping
 * and the truth put the two items together.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const themeFixturesDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/themes',
);

export interface TruthItem {
  text: string;
  url: string;
  participant: string;
  name: string;
  /** The truth group; every "-" item gets a group of its own. */
  group: string;
}

export interface TruthParade {
  slug: string;
  title: string;
  lang: 'de' | 'en';
  split: 'tune' | 'holdout';
  groups: Map<string, string>;
  items: TruthItem[];
}

export function parseTruthParade(slug: string, source: string): TruthParade {
  const parade: TruthParade = { slug, title: '', lang: 'de', split: 'tune', groups: new Map(), items: [] };
  let participant: { name: string; url: string } | null = null;
  let singletons = 0;
  source.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    const where = `${slug}.txt:${index + 1}`;
    if (line === '' || line.startsWith('#')) return;
    const setting = /^(title|lang|split):\s*(.*)$/.exec(line);
    if (setting) {
      const [, key, value = ''] = setting;
      if (key === 'title') parade.title = value;
      else if (key === 'lang' && (value === 'de' || value === 'en')) parade.lang = value;
      else if (key === 'split' && (value === 'tune' || value === 'holdout')) parade.split = value;
      else throw new Error(`${where}: bad ${key} "${value}"`);
      return;
    }
    const group = /^group\s+([a-z0-9-]+)\s*=\s*(.+)$/.exec(line);
    if (group) {
      parade.groups.set(group[1]!, group[2]!);
      return;
    }
    const head = /^participant\s+(.+?)\s*\|\s*(\S+)$/.exec(line);
    if (head) {
      participant = { name: head[1]!, url: head[2]! };
      return;
    }
    const item = /^([a-z0-9-]+|-)\s*\|\s*(.+)$/.exec(line);
    if (!item) throw new Error(`${where}: cannot read "${line}"`);
    if (!participant) throw new Error(`${where}: item before the first participant`);
    const id = item[1]!;
    if (id !== '-' && !parade.groups.has(id)) throw new Error(`${where}: undeclared group "${id}"`);
    const { name, url } = participant as { name: string; url: string };
    parade.items.push({
      text: item[2]!,
      url,
      participant: url,
      name,
      group: id === '-' ? `-${++singletons}` : id,
    });
  });
  return parade;
}

export function loadTruthParades(dir = themeFixturesDir): TruthParade[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => parseTruthParade(path.basename(file, '.txt'), readFileSync(path.join(dir, file), 'utf8')));
}

export interface PairScore {
  /** Item pairs both the grouping and the truth put together. */
  truePairs: number;
  predictedPairs: number;
  truthPairs: number;
  precision: number;
  recall: number;
  f1: number;
  themes: number;
  truthGroups: number;
}

const pairs = (n: number): number => (n * (n - 1)) / 2;

function countBy(keys: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/** Pairwise precision/recall of `assignment` (a theme number per item) against the truth groups. */
export function scorePairs(truthGroups: readonly string[], assignment: ArrayLike<number>): PairScore {
  if (truthGroups.length !== assignment.length) throw new Error('assignment and truth differ in length');
  const predicted = countBy(Array.from(assignment, String));
  const truth = countBy(truthGroups);
  const cells = countBy(truthGroups.map((group, index) => `${assignment[index]}\u0000${group}`));
  const sum = (counts: Map<string, number>): number => [...counts.values()].reduce((t, n) => t + pairs(n), 0);
  return finishScore(sum(cells), sum(predicted), sum(truth), predicted.size, truth.size);
}

/** Adds up several parades' pair counts (micro average: large parades weigh more). */
export function sumScores(scores: readonly PairScore[]): PairScore {
  const total = (key: 'truePairs' | 'predictedPairs' | 'truthPairs' | 'themes' | 'truthGroups'): number =>
    scores.reduce((t, score) => t + score[key], 0);
  return finishScore(
    total('truePairs'),
    total('predictedPairs'),
    total('truthPairs'),
    total('themes'),
    total('truthGroups'),
  );
}

function finishScore(
  truePairs: number,
  predictedPairs: number,
  truthPairs: number,
  themes: number,
  truthGroups: number,
): PairScore {
  const precision = predictedPairs === 0 ? 1 : truePairs / predictedPairs;
  const recall = truthPairs === 0 ? 1 : truePairs / truthPairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePairs, predictedPairs, truthPairs, precision, recall, f1, themes, truthGroups };
}
