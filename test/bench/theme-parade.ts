/**
 * A large, realistic parade for bench:themes: answers drawn from the German theme truth
 * (test/fixtures/themes), varied the way bloggers vary them (lead-ins, extra words, typos, places,
 * two answers in one item), ten items per entry. Seeded, so every run groups the same parade.
 */
import type { ThemeInput } from '../../src/publish/themes.js';
import { loadTruthParades } from '../eval/theme-truth.js';

export const ITEMS_PER_ENTRY = 10;

/** Deterministic pseudo-random numbers (mulberry32), so every run groups the same parade. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const leadIns = ['', '', '', 'Mein Wunschkunde ', 'Er ', 'Sie ', 'Jemand, der ', 'Weil ', 'Für mich: '];
const extras = [
  '',
  '',
  '',
  ' – immer',
  ' 😊',
  ', wirklich',
  ' (das ist mir wichtig)',
  ' und das schon seit Jahren',
  ' im Alltag',
  '!',
];
const places = ['Hamburg', 'Köln', 'Leipzig', 'Bremen', 'Graz', 'Basel', 'Kassel', 'Jena', 'Trier', 'Ulm'];

function typo(text: string, next: () => number): string {
  const at = 1 + Math.floor(next() * Math.max(1, text.length - 2));
  return text.slice(0, at) + text.slice(at + 1);
}

/** A realistic parade: answers drawn from the German truth, each varied a little. */
export function syntheticParade(count: number, seed = 42): ThemeInput[] {
  const seeds = loadTruthParades()
    .filter((parade) => parade.lang === 'de')
    .flatMap((parade) => parade.items.map((item) => item.text));
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const items: ThemeInput[] = [];
  for (let index = 0; index < count; index++) {
    const entry = Math.floor(index / ITEMS_PER_ENTRY);
    const url = `https://blog-${entry}.example/parade/`;
    let text = pick(leadIns) + pick(seeds) + pick(extras);
    const roll = next();
    if (roll < 0.08) text = typo(text, next);
    else if (roll < 0.14) text = `${text} in ${pick(places)}`;
    else if (roll < 0.18) text = `${text}, ${pick(seeds).toLowerCase()}`;
    items.push({ text, url, participant: url, name: `Blog ${entry}` });
  }
  return items;
}
