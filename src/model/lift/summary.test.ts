import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { summarizeImpact, quantile, differenceInDifferences } from './summary.js';

describe('summarizeImpact', () => {
  it('reproduces the deterministic CausalImpact summary test (REFERENCE §5.1)', () => {
    // tests/testthat/test-impact-inference.R: y_post = ten 2s, samples 10×10 of 1s
    const y = Array<number>(10).fill(2);
    const samples = Array.from({ length: 10 }, () => Array<number>(10).fill(1));
    const s = summarizeImpact(y, samples, 0.05);
    expect([s.average.actual, s.cumulative.actual]).toEqual([2, 20]);
    for (const k of ['pred', 'predLower', 'predUpper'] as const)
      expect([s.average[k], s.cumulative[k]]).toEqual([1, 10]);
    expect([s.average.predSd, s.cumulative.predSd]).toEqual([0, 0]);
    for (const k of ['absEffect', 'absEffectLower', 'absEffectUpper'] as const) {
      expect([s.average[k], s.cumulative[k]]).toEqual([1, 10]);
    }
    expect(s.cumulative.absEffectSd).toBe(0);
    for (const k of ['relEffect', 'relEffectLower', 'relEffectUpper'] as const) {
      expect([s.average[k], s.cumulative[k]]).toEqual([1, 1]);
    }
    expect(s.cumulative.relEffectSd).toBe(0);
    expect(s.relative).toEqual({ convention: 'mean_ratio', fragileShare: 0, reason: null });
    expect(s.p).toBeCloseTo(1 / 11, 15);
    expect(s.probCausal).toBeCloseTo(10 / 11, 15);
    expect(s.significant).toBe(true);
  });

  it('counts the observed sum in both tails (ties count on both sides)', () => {
    const s = summarizeImpact(
      [1, 1],
      [
        [1, 1],
        [0, 0],
        [2, 2],
      ],
    );
    // sums 2, 0, 4 vs observed 2: ≥ → 1 + 2, ≤ → 1 + 2
    expect(s.p).toBeCloseTo(3 / 4, 15);
  });

  it('uses the mean over samples of sum(y)/sum(sample) − 1 as the relative effect', () => {
    const s = summarizeImpact([3], [[1], [2]]);
    expect(s.cumulative.relEffect).toBeCloseTo((3 / 1 - 1 + (3 / 2 - 1)) / 2, 15);
    expect(s.cumulative.absEffect).toBeCloseTo(1.5, 15);
  });

  it('switches to AbsEffect / Pred when counterfactual draws come near or below zero', () => {
    // 95 draws of 8 and 5 of −1: the mean of 10/sum − 1 would be (95·0.25 + 5·(−11)) / 100 = −0.3125,
    // a negative "relative effect" for an observed value above every plausible counterfactual
    const samples = [...Array.from({ length: 95 }, () => [8]), ...Array.from({ length: 5 }, () => [-1])];
    const s = summarizeImpact([10], samples);
    expect(s.relative.convention).toBe('abs_over_pred');
    expect(s.relative.reason).toBe('counterfactual_near_zero');
    expect(s.relative.fragileShare).toBeCloseTo(0.05, 15);
    const pred = (95 * 8 - 5) / 100;
    for (const r of [s.cumulative, s.average]) {
      expect(r.pred).toBeCloseTo(pred, 12);
      expect(r.relEffect).toBeCloseTo((10 - pred) / pred, 12);
      expect(r.relEffectLower).toBeCloseTo(r.absEffectLower / pred, 12);
      expect(r.relEffectUpper).toBeCloseTo(r.absEffectUpper / pred, 12);
      expect(r.relEffectSd).toBeCloseTo(r.predSd / pred, 12);
      expect(r.relEffect).toBeGreaterThan(0);
    }
  });

  it('counts draws at ≤ 10 % of Pred as fragile, and keeps the mean of ratios below a 0.5 % share', () => {
    // one tiny draw in 400 (0.25 %): R's convention is kept
    const few = summarizeImpact([10], [...Array.from({ length: 399 }, () => [8]), [0.5]]);
    expect(few.relative.convention).toBe('mean_ratio');
    expect(few.relative.fragileShare).toBeCloseTo(0.0025, 15);
    expect(few.cumulative.relEffect).toBeCloseTo((399 * 0.25 + (10 / 0.5 - 1)) / 400, 12);
    // two tiny (positive) draws in 400 (0.5 %): AbsEffect / Pred
    const two = summarizeImpact([10], [...Array.from({ length: 398 }, () => [8]), [0.5], [0.7]]);
    expect(two.relative.convention).toBe('abs_over_pred');
    expect(two.cumulative.relEffect).toBeCloseTo(two.cumulative.absEffect / two.cumulative.pred, 12);
    // a draw just above 10 % of Pred is not fragile
    const edge = summarizeImpact([10], [...Array.from({ length: 198 }, () => [8]), [0.9], [0.9]]);
    expect(edge.relative.fragileShare).toBe(0);
  });

  it('gives no relative effect (NaN, null in JSON) when Pred ≤ 0', () => {
    const s = summarizeImpact(
      [3, 3],
      [
        [-1, -1],
        [0.5, -0.5],
        [-2, 1],
      ],
    );
    expect(s.relative).toEqual({ convention: 'undefined', fragileShare: 1, reason: 'counterfactual_not_positive' });
    expect(Number.isNaN(s.cumulative.relEffect)).toBe(true);
    expect(Number.isNaN(s.average.relEffectLower)).toBe(true);
    expect(JSON.parse(JSON.stringify(s)).cumulative.relEffect).toBeNull();
    // the absolute effect is still reported
    expect(s.cumulative.absEffect).toBeCloseTo(6 - (-2 + 0 - 1) / 3, 12);
  });

  it("property: outside R's convention the relative effect is AbsEffect / Pred and has its sign", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -50, max: 100, noNaN: true }), { minLength: 2, maxLength: 40 }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (sums, y) => {
          const s = summarizeImpact(
            [y],
            sums.map((v) => [v]),
          );
          const c = s.cumulative;
          if (s.relative.convention === 'mean_ratio') {
            expect(sums.every((v) => v > 0.1 * c.pred) || s.relative.fragileShare < 0.005).toBe(true);
          } else if (s.relative.convention === 'abs_over_pred') {
            expect(c.pred).toBeGreaterThan(0);
            expect(c.relEffect * c.pred).toBeCloseTo(c.absEffect, 6);
            expect(Math.sign(c.relEffect)).toBe(Math.sign(c.absEffect));
          } else {
            expect(c.pred).toBeLessThanOrEqual(0);
            expect(Number.isNaN(c.relEffect)).toBe(true);
          }
        },
      ),
    );
  });

  it('type-7 quantiles like R', () => {
    expect(quantile([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 15);
    expect(quantile([10, 0, 5], 0.5)).toBe(5);
  });

  it('property: effect = actual − pred, intervals ordered, p in (0, 1]', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 100, noNaN: true }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.double({ min: 1, max: 100, noNaN: true }), { minLength: 2, maxLength: 30 }),
        (y, flat) => {
          const m = y.length;
          const samples = flat.map((v, i) => y.map((_, t) => v + t + i * 0.01));
          const s = summarizeImpact(y, samples);
          for (const r of [s.average, s.cumulative]) {
            expect(r.absEffect).toBeCloseTo(r.actual - r.pred, 8);
            expect(r.predLower).toBeLessThanOrEqual(r.predUpper);
            expect(r.absEffectLower).toBeLessThanOrEqual(r.absEffectUpper);
            expect(r.relEffectLower).toBeLessThanOrEqual(r.relEffectUpper);
          }
          expect(s.cumulative.actual).toBeCloseTo(s.average.actual * m, 8);
          expect(s.p).toBeGreaterThan(0);
          expect(s.p).toBeLessThanOrEqual(1);
          expect(s.p + s.probCausal).toBeCloseTo(1, 12);
          expect(s.significant).toBe(s.cumulative.absEffectLower > 0 || s.cumulative.absEffectUpper < 0);
        },
      ),
    );
  });
});

describe('differenceInDifferences', () => {
  it('Card & Krueger (1994) Table 3 at full precision (REFERENCE §5.3)', () => {
    const did = differenceInDifferences({
      treatedBefore: 20.439408,
      treatedAfter: 21.027429,
      controlBefore: 23.331169,
      controlAfter: 21.165584,
    });
    expect(Math.abs(did - 2.753606)).toBeLessThan(1e-9);
    // on the rounded means the paper prints 2.75
    expect(
      differenceInDifferences({ treatedBefore: 20.44, treatedAfter: 21.03, controlBefore: 23.33, controlAfter: 21.17 }),
    ).toBeCloseTo(2.75, 12);
  });
});
