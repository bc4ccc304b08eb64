import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  wilsonInterval,
  jeffreysInterval,
  clopperPearsonInterval,
  proportionMethods,
  proportionInterval,
  kaplanMeier,
  median,
  correlation,
  logGamma,
  normalQuantile,
  normalCdf,
} from './index.js';

const counts = fc.integer({ min: 1, max: 2000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));

describe('special functions', () => {
  it('log-gamma and the normal quantile hit known values', () => {
    expect(Math.exp(logGamma(5))).toBeCloseTo(24, 10);
    expect(Math.exp(logGamma(0.5))).toBeCloseTo(Math.sqrt(Math.PI), 12);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446004, 12);
    expect(normalCdf(0)).toBe(0.5);
  });
});

describe('proportion intervals (properties)', () => {
  it('lie in [0, 1] and contain the point estimate, for every method', () => {
    fc.assert(
      fc.property(counts, fc.constantFrom(...proportionMethods), ([x, n], m) => {
        const p = proportionInterval(x, n, m);
        return p.low! >= 0 && p.high! <= 1 && p.low! <= p.rate! && p.rate! <= p.high!;
      }),
    );
  });
  it('Jeffreys lies inside Clopper–Pearson (stochastic order of the beta quantiles)', () => {
    fc.assert(
      fc.property(counts, ([x, n]) => {
        const j = jeffreysInterval(x, n);
        const c = clopperPearsonInterval(x, n);
        return c.low! <= j.low! + 1e-12 && j.high! <= c.high! + 1e-12;
      }),
    );
  });
  it('widen with the confidence level and are symmetric under x → n − x', () => {
    fc.assert(
      fc.property(counts, fc.constantFrom(...proportionMethods), ([x, n], m) => {
        const a = proportionInterval(x, n, m, 0.8);
        const b = proportionInterval(x, n, m, 0.95);
        const mirror = proportionInterval(n - x, n, m, 0.95);
        return (
          b.low! <= a.low! + 1e-12 &&
          a.high! <= b.high! + 1e-12 &&
          Math.abs(mirror.low! - (1 - b.high!)) < 1e-9 &&
          Math.abs(mirror.high! - (1 - b.low!)) < 1e-9
        );
      }),
      { numRuns: 60 },
    );
  });
  it('say nothing (null) with no trials and refuse impossible counts', () => {
    expect(wilsonInterval(0, 0).rate).toBeNull();
    expect(() => wilsonInterval(3, 2)).toThrow(/successes <= trials/);
  });
});

describe('Kaplan–Meier', () => {
  it('hand-checked example: deals closing at 10, 20+, 30, 40+, 50 days', () => {
    // at risk 5 → event at 10: S = 4/5; 20 censored; at risk 3 → event at 30: S = 4/5·2/3 = 0.5333;
    // 40 censored; at risk 1 → event at 50: S = 0. Median: first S <= 0.5 → 50.
    const km = kaplanMeier([
      { time: 10, event: true },
      { time: 20, event: false },
      { time: 30, event: true },
      { time: 40, event: false },
      { time: 50, event: true },
    ]);
    expect(km.steps.filter((s) => s.events).map((s) => +s.survival.toFixed(4))).toEqual([0.8, 0.5333, 0]);
    expect(km.median).toBe(50);
    // the naive median of closed deals only would say 30
    expect(median([10, 30, 50])).toBe(30);
  });
  it('is null when censoring keeps the curve above one half', () => {
    const km = kaplanMeier([
      { time: 5, event: true },
      { time: 9, event: false },
      { time: 9, event: false },
    ]);
    expect(km.median).toBeNull();
  });
  it('without censoring equals the lower empirical median (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 60 }), (ts) => {
        const km = kaplanMeier(ts.map((time) => ({ time, event: true })));
        const sorted = [...ts].sort((a, b) => a - b);
        return km.median === sorted[Math.ceil(ts.length / 2) - 1];
      }),
    );
  });
  it('survival never increases (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.boolean()), { maxLength: 50 }), (d) => {
        const km = kaplanMeier(d.map(([time, event]) => ({ time, event })));
        return km.steps.every((s, i) => i === 0 || s.survival <= km.steps[i - 1]!.survival);
      }),
    );
  });
});

describe('correlation', () => {
  it('is null for constant series and for fewer than 4 pairs', () => {
    expect(correlation([1, 1, 1, 1], [1, 2, 3, 4]).r).toBeNull();
    expect(correlation([1, 2, 3], [1, 2, 3]).low).toBeNull();
  });
  it('Spearman is 1 for any increasing relation and its interval contains r', () => {
    const c = correlation([1, 2, 3, 4, 5, 6], [1, 8, 27, 64, 125, 216], 'spearman');
    expect(c.r).toBeCloseTo(1, 12);
    const d = correlation([1, 2, 3, 4, 5, 6], [2, 1, 4, 3, 6, 5], 'spearman');
    expect(d.low! <= d.r! && d.r! <= d.high!).toBe(true);
  });
});
