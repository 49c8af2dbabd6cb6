import { describe, expect, it } from 'vitest';
import { paradeSizes, SCALE_SHAPE, scalePlan } from './scale-plan.js';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('paradeSizes', () => {
  it('gives the big and the small parade their sizes and spreads the rest along a long tail', () => {
    const sizes = paradeSizes(SCALE_SHAPE);
    expect(sizes).toHaveLength(2_000);
    expect(sum(sizes)).toBe(100_000);
    expect(sizes.slice(0, 2)).toEqual([5_000, 50]);
    const tail = sizes.slice(2);
    expect(Math.min(...tail)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...tail)).toBeLessThan(5_000);
    const sorted = [...tail].sort((a, b) => a - b);
    // Long tail: the median tail parade is far smaller than the largest one.
    expect(sorted[Math.floor(sorted.length / 2)] as number).toBeLessThan((sorted.at(-1) as number) / 10);
  });
});

describe('scalePlan', () => {
  const small = { parades: 20, entries: 1_000, listItems: 10_000, big: 200, small: 10 };

  it('assigns every entry to a parade by the planned sizes and plans exactly the item total', () => {
    const plan = scalePlan(small, 7);
    expect(plan.entryParade).toHaveLength(1_000);
    const perParade = new Map<number, number>();
    for (const id of plan.entryParade) perParade.set(id, (perParade.get(id) ?? 0) + 1);
    expect(plan.paradeSizes.map((_, i) => perParade.get(i + 1) ?? 0)).toEqual(plan.paradeSizes);
    expect(sum(plan.firstListItems) + sum(plan.secondListItems)).toBe(10_000);
  });

  it('gives lists only to fetched entries and a second list only after a first', () => {
    const plan = scalePlan(small, 7);
    plan.entryStatus.forEach((status, i) => {
      const first = plan.firstListItems[i] as number;
      const second = plan.secondListItems[i] as number;
      if (status === 'pending' || status === 'failing') expect([first, second]).toEqual([0, 0]);
      else expect(first).toBeGreaterThanOrEqual(3);
      if (second > 0) expect(first).toBeGreaterThan(0);
    });
    expect(plan.entryStatus.filter((s) => s === 'live').length).toBeGreaterThan(800);
  });

  it('plans the same database on every run', () => {
    expect(scalePlan(small, 7)).toEqual(scalePlan(small, 7));
  });
});
