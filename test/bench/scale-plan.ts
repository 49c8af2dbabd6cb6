import { createRng } from './german-text.js';

/** The shape of the bench:scale database, decided in JS; the SQL seed only fills in text. */
export interface ScalePlan {
  /** Entries per parade; parade id = index + 1. */
  paradeSizes: number[];
  /** Per entry, entry id = index + 1. */
  entryParade: number[];
  entryStatus: string[];
  /** Items of the entry's first and second list; 0 means no such list. */
  firstListItems: number[];
  secondListItems: number[];
}

export interface ScaleShape {
  parades: number;
  entries: number;
  listItems: number;
  big: number;
  small: number;
}

export const SCALE_SHAPE: ScaleShape = {
  parades: 2_000,
  entries: 100_000,
  listItems: 1_000_000,
  big: 5_000,
  small: 50,
};

const STATUS_SHARES: [string, number][] = [
  ['live', 0.88],
  ['unverified', 0.04],
  ['pending', 0.03],
  ['rejected', 0.02],
  ['failing', 0.02],
  ['gone', 0.01],
];
const MIN_ITEMS = 3;
const MAX_ITEMS = 30;

/**
 * Parade 1 has `big` entries, parade 2 `small`; the others share the rest along a long tail
 * (weight 1/(rank + 30)): a few parades of several hundred entries, most of a dozen or two.
 */
export function paradeSizes(shape: ScaleShape): number[] {
  const tail = shape.parades - 2;
  const remaining = shape.entries - shape.big - shape.small;
  const weights = Array.from({ length: tail }, (_, i) => 1 / (i + 30));
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(1, Math.round((w / sum) * remaining)));
  // Rounding leaves a few entries over or short; the largest tail parades absorb them.
  let diff = remaining - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; diff !== 0; i = (i + 1) % tail) {
    const step = diff > 0 ? 1 : -1;
    if ((sizes[i] as number) + step >= 1) {
      sizes[i] = (sizes[i] as number) + step;
      diff -= step;
    }
  }
  return [shape.big, shape.small, ...sizes];
}

function statusFor(roll: number): string {
  let acc = 0;
  for (const [status, share] of STATUS_SHARES) {
    acc += share;
    if (roll < acc) return status;
  }
  return 'live';
}

/** Entries of all parades interleaved in time, as parades run side by side; lists only where a fetch succeeded. */
export function scalePlan(shape: ScaleShape = SCALE_SHAPE, seed = 2026): ScalePlan {
  const rng = createRng(seed);
  const sizes = paradeSizes(shape);
  const entryParade: number[] = [];
  sizes.forEach((size, i) => {
    for (let n = 0; n < size; n++) entryParade.push(i + 1);
  });
  for (let i = entryParade.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [entryParade[i], entryParade[j]] = [entryParade[j] as number, entryParade[i] as number];
  }
  const entryStatus = entryParade.map(() => statusFor(rng()));
  const firstListItems: number[] = [];
  const secondListItems: number[] = [];
  for (const status of entryStatus) {
    const fetched = status !== 'pending' && status !== 'failing';
    const lists = fetched ? (rng() < 0.3 ? 2 : 1) : 0;
    firstListItems.push(lists >= 1 ? 5 + Math.floor(rng() * 10) : 0);
    secondListItems.push(lists >= 2 ? 3 + Math.floor(rng() * 5) : 0);
  }
  // Spread what is over or short of the item total over random lists, within sensible list lengths.
  let diff = shape.listItems - [...firstListItems, ...secondListItems].reduce((a, b) => a + b, 0);
  while (diff !== 0) {
    const column = rng() < 0.7 ? firstListItems : secondListItems;
    const i = Math.floor(rng() * column.length);
    const current = column[i] as number;
    if (current === 0) continue;
    const step = diff > 0 ? 1 : -1;
    if (current + step < MIN_ITEMS || current + step > MAX_ITEMS) continue;
    column[i] = current + step;
    diff -= step;
  }
  return { paradeSizes: sizes, entryParade, entryStatus, firstListItems, secondListItems };
}
