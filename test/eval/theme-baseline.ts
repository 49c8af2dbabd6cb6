/**
 * The plain stem-overlap peer of the theme engine: each item is its set of stems (same stemmers and
 * stop words, nothing else), two items link when their stem sets have a Jaccard of at least 0.5,
 * and the linked items form groups. It compares every pair, so it serves as the naive peer of
 * bench:themes too.
 */
import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemGerman } from '@orama/stemmers/german';
import stopwordsIso from 'stopwords-iso/stopwords-iso.json' with { type: 'json' };

const LINK_JACCARD = 0.5;

export function stemSets(texts: readonly { text: string }[], lang: 'de' | 'en'): string[][] {
  const stop = new Set(stopwordsIso[lang]);
  const stem = lang === 'de' ? stemGerman : stemEnglish;
  return texts.map(({ text }) => [
    ...new Set(
      (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
        .filter((word) => !stop.has(word))
        .map((word) => stem(word)),
    ),
  ]);
}

function find(parent: Int32Array, node: number): number {
  let root = node;
  while (parent[root] !== root) root = parent[root]!;
  while (parent[node] !== root) {
    const next = parent[node]!;
    parent[node] = root;
    node = next;
  }
  return root;
}

/** A group number per item. */
export function stemOverlapBaseline(texts: readonly { text: string }[], lang: 'de' | 'en'): Int32Array {
  const sets = stemSets(texts, lang).map((stems) => new Set(stems));
  const parent = Int32Array.from(sets, (_, index) => index);
  for (let i = 0; i < sets.length; i++) {
    const a = sets[i]!;
    if (a.size === 0) continue;
    for (let j = i + 1; j < sets.length; j++) {
      const b = sets[j]!;
      if (b.size === 0) continue;
      let shared = 0;
      for (const stem of a) if (b.has(stem)) shared++;
      if (shared / (a.size + b.size - shared) >= LINK_JACCARD) parent[find(parent, j)] = find(parent, i);
    }
  }
  return Int32Array.from(parent, (_, index) => find(parent, index));
}
