import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { analyzeImpact, isCountSeries } from './impact.js';
import { createRng } from './random.js';

/** A small count series near zero whose counterfactual band reaches below 0. */
function sparseCounts(seed: number, n: number): number[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => Math.max(0, Math.round(1 + 2 * rng.normal())));
}

describe('analyzeImpact chart data', () => {
  it('clips the daily band of a count series at 0, but not the summary or the effect draws', () => {
    const y = sparseCounts(3, 90);
    const r = analyzeImpact({ y, preLength: 60 }, { seed: 1, niter: 300 });
    expect(r.countSeries).toBe(true);
    for (const p of r.points) {
      expect(p.lower).toBeGreaterThanOrEqual(0);
      expect(p.pred).toBeGreaterThanOrEqual(0);
      expect(p.upper).toBeGreaterThanOrEqual(p.lower);
    }
    // the unclipped band does go below zero here: the clip did something
    const raw = analyzeImpact({ y: y.map((v) => v + 0.5), preLength: 60 }, { seed: 1, niter: 300 });
    expect(raw.countSeries).toBe(false);
    expect(Math.min(...raw.points.map((p) => p.lower))).toBeLessThan(0.5);
    expect(r.points.some((p) => p.lower === 0)).toBe(true);
    // the effect draws and the summary keep the model's own (unclipped) counterfactual
    expect(r.summary.cumulative.absEffect).toBeCloseTo(
      r.cumulativeEffectDraws.reduce((a, b) => a + b, 0) / r.cumulativeEffectDraws.length,
      6,
    );
    expect(Math.min(...r.points.filter((p) => p.post).map((p) => p.lower))).toBe(0);
  });

  it('does not clip a series that can be negative or fractional', () => {
    const y = sparseCounts(4, 80).map((v) => v - 1);
    const r = analyzeImpact({ y, preLength: 60 }, { seed: 2, niter: 300 });
    expect(r.countSeries).toBe(false);
    expect(Math.min(...r.points.map((p) => p.lower))).toBeLessThan(0);
  });

  it('property: isCountSeries is true exactly for non-negative integers (missing values ignored)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.nat(1000), fc.double({ min: -5, max: 5, noNaN: true }), fc.constant(NaN))),
        (y) => {
          const finite = y.filter((v) => Number.isFinite(v));
          const expected = finite.length > 0 && finite.every((v) => v >= 0 && Number.isInteger(v));
          expect(isCountSeries(y)).toBe(expected);
        },
      ),
    );
  });
});
