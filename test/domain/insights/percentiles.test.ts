import fc from 'fast-check';
import { percentage, percentile, percentileOfCounts } from '../../../src/domain/insights/percentiles';

describe('percentiles (nearest rank)', () => {
  it('gives the median and 90th percentile a person would read off a sorted list', () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([], 50)).toBeUndefined();
  });

  it('is a value from the list with at least p% of the values at or below it, and fewer than p% below', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 200 }), fc.integer({ min: 1, max: 100 }), (values, p) => {
        const result = percentile(values, p);
        if (result === undefined) return false;
        const atOrBelow = values.filter((v) => v <= result).length;
        const below = values.filter((v) => v < result).length;
        return values.includes(result) && atOrBelow / values.length >= p / 100 && below / values.length < p / 100;
      }),
    );
  });

  it('gives the same answer from a histogram as from the values it counts', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ value: fc.integer({ min: 0, max: 30 }), count: fc.integer({ min: 0, max: 50 }) }), { maxLength: 40 }), fc.integer({ min: 1, max: 100 }), (histogram, p) => {
        const values = histogram.flatMap((h) => Array.from({ length: h.count }, () => h.value));
        return percentileOfCounts(histogram, p) === percentile(values, p);
      }),
    );
  });

  it('never lets the 90th percentile fall below the median', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1 }), (values) => (percentile(values, 90) ?? 0) >= (percentile(values, 50) ?? 0)),
    );
  });

  it('refuses a percentile outside 0 to 100', () => {
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  it('rounds shares to whole percentages and has none of nothing', () => {
    expect(percentage(1, 3)).toBe(33);
    expect(percentage(2, 3)).toBe(67);
    expect(percentage(0, 0)).toBeUndefined();
  });
});
