import { describe, expect, it } from 'vitest';
import { formatTable, percentile } from './bench-support.js';

describe('percentile', () => {
  const thirty = Array.from({ length: 30 }, (_, i) => i + 1);

  it.each([
    [50, 15],
    [90, 27],
    [99, 30],
    [100, 30],
  ])('p%i of 1…30 is the nearest rank, %i', (p, expected) => {
    expect(percentile(thirty, p)).toBe(expected);
  });

  it('is the only sample of one, and not a number of none', () => {
    expect(percentile([42], 99)).toBe(42);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('formatTable', () => {
  it('pads columns to their widest cell and right-aligns figures', () => {
    const table = formatTable(
      ['page', 'p99'],
      [
        ['overview', '1.09 s'],
        ['feed', '83 ms'],
      ],
    );
    expect(table.split('\n')).toEqual([
      'page      p99',
      '--------  ------',
      'overview  1.09 s',
      'feed       83 ms',
    ]);
  });
});
