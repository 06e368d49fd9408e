import { formatTable, percentile, ratio, sampleMemory, summarise, throughputPerSecond } from '../../bench/stats';

describe('bench statistics', () => {
  it('takes nearest-rank percentiles of 1..100', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 90)).toBe(90);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile(values, 0)).toBe(1);
  });

  it('summarises latencies given in any order', () => {
    const summary = summarise([30, 10, 20, 40, 1000]);
    expect(summary).toEqual({ count: 5, mean: 220, p50: 30, p90: 1000, p99: 1000, min: 10, max: 1000 });
  });

  it('lets one slow turn in a hundred show at p99 but not at p90', () => {
    const latencies = [...Array.from({ length: 99 }, () => 5), 500];
    const summary = summarise(latencies);
    expect(summary.p90).toBe(5);
    expect(summary.p99).toBe(5);
    expect(summary.max).toBe(500);
    const withTwoSlow = summarise([...Array.from({ length: 98 }, () => 5), 500, 500]);
    expect(withTwoSlow.p99).toBe(500);
  });

  it('reports no figures, rather than zeros, for no turns', () => {
    const summary = summarise([]);
    expect(summary.count).toBe(0);
    expect(Number.isNaN(summary.p50)).toBe(true);
    expect(Number.isNaN(summary.mean)).toBe(true);
  });

  it('refuses a percentile outside 0..100', () => {
    expect(() => percentile([1, 2], 101)).toThrow(RangeError);
  });

  it('computes throughput per second and ratios, with NaN where they mean nothing', () => {
    expect(throughputPerSecond(500, 2000)).toBe(250);
    expect(Number.isNaN(throughputPerSecond(5, 0))).toBe(true);
    expect(ratio(50, 100)).toBe(0.5);
    expect(Number.isNaN(ratio(50, 0))).toBe(true);
    expect(Number.isNaN(ratio(Number.NaN, 3))).toBe(true);
  });

  it('lines up a table', () => {
    expect(formatTable(['bot', 'p99'], [['echo', '1.5'], ['real bot', '12.25']])).toEqual([
      'bot         p99',
      '--------  -----',
      'echo        1.5',
      'real bot  12.25',
    ]);
  });

  it('keeps the peak memory seen between start and stop', () => {
    jest.useFakeTimers();
    try {
      const readings = [
        { rss: 100, heapUsed: 10 },
        { rss: 300, heapUsed: 50 },
        { rss: 200, heapUsed: 20 },
      ];
      let i = 0;
      const sampler = sampleMemory(50, () => readings[Math.min(i++, readings.length - 1)] ?? { rss: 0, heapUsed: 0 });
      jest.advanceTimersByTime(50);
      expect(sampler.stop()).toEqual({ start: readings[0], peak: { rss: 300, heapUsed: 50 }, end: readings[2] });
    } finally {
      jest.useRealTimers();
    }
  });
});
