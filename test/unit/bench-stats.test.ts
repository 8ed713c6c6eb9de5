import { describe, expect, it } from 'vitest';
import { deltas, median, quantile } from '../bench/stats';

describe('bench stats', () => {
  it('takes the nearest-rank quantile, whatever the order of the samples', () => {
    const xs = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(quantile(xs, 0.95)).toBe(10);
    expect(quantile(xs, 0.9)).toBe(9);
    expect(quantile(xs, 0.5)).toBe(5);
    expect(quantile(xs, 0)).toBe(1);
    expect(quantile(xs, 1)).toBe(10);
    expect(quantile([42], 0.95)).toBe(42);
    // 20 samples: p95 is the 19th, so a single outlier does not make the p95.
    expect(quantile([...Array.from({ length: 19 }, () => 16), 500], 0.95)).toBe(16);
    expect(xs).toEqual([5, 1, 4, 2, 3, 10, 9, 8, 7, 6]);
  });

  it('takes the middle sample, the upper one of an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(3);
  });

  it('refuses to summarise nothing or a quantile outside 0..1', () => {
    expect(() => quantile([], 0.5)).toThrow(/no samples/);
    expect(() => median([])).toThrow(/no samples/);
    expect(() => quantile([1], 1.5)).toThrow(/between 0 and 1/);
    expect(() => quantile([1], Number.NaN)).toThrow(/between 0 and 1/);
  });

  it('turns frame timestamps into frame times', () => {
    expect(deltas([0, 16.7, 33.4, 83.4])).toEqual([16.7, 33.4 - 16.7, 50].map((x) => expect.closeTo(x, 9)));
    expect(deltas([7])).toEqual([]);
  });
});
