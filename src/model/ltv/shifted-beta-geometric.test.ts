import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ModelError } from '../../errors.js';
import {
  fitShiftedBetaGeometric,
  hypergeometric2F1One,
  sbgChurnProbabilities,
  sbgCohortLogLik,
  sbgDel,
  sbgDerl,
  sbgMeanLifetime,
  sbgSurvival,
} from './shifted-beta-geometric.js';

const params = fc.record({
  alpha: fc.double({ min: 0.05, max: 20, noNaN: true }),
  beta: fc.double({ min: 0.05, max: 40, noNaN: true }),
});

describe('sBG probabilities', () => {
  it('property: P(T = t) = S(t − 1) − S(t), and Σ P(T ≤ K) + S(K) = 1', () => {
    fc.assert(
      fc.property(params, fc.integer({ min: 1, max: 40 }), (p, K) => {
        const P = sbgChurnProbabilities(p, K);
        P.forEach((x, i) => expect(x).toBeCloseTo(sbgSurvival(p, i) - sbgSurvival(p, i + 1), 12));
        expect(P.reduce((a, b) => a + b, 0) + sbgSurvival(p, K)).toBeCloseTo(1, 12);
      }),
    );
  });
  it('property: survival falls and retention rises with tenure (heterogeneity sorts customers)', () => {
    fc.assert(
      fc.property(params, (p) => {
        let prev = 1;
        let prevR = 0;
        for (let t = 1; t < 20; t++) {
          const s = sbgSurvival(p, t);
          expect(s).toBeLessThan(prev);
          const r = s / prev;
          expect(r).toBeGreaterThanOrEqual(prevR - 1e-12);
          prev = s;
          prevR = r;
        }
      }),
    );
  });
  it('E[T] = (α + β − 1)/(α − 1) matches DEL at d = 0 over a long horizon, and is infinite for α ≤ 1', () => {
    const p = { alpha: 3, beta: 4 };
    expect(sbgMeanLifetime(p)).toBe(3);
    expect(sbgDel(p, 0, 200_000)).toBeCloseTo(3, 2);
    expect(sbgMeanLifetime({ alpha: 0.9, beta: 2 })).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('hypergeometric series', () => {
  it('₂F₁(1, 1; 2; z) = −ln(1 − z)/z', () => {
    for (const z of [0.1, 0.5, 0.9]) expect(hypergeometric2F1One(1, 2, z)).toBeCloseTo(-Math.log(1 - z) / z, 12);
  });
  it('rejects z outside [0, 1)', () => {
    expect(() => hypergeometric2F1One(1, 2, 1)).toThrow(ModelError);
  });
  it('property: DEL by the series equals the truncated survival sum', () => {
    fc.assert(
      fc.property(params, fc.double({ min: 0.02, max: 1, noNaN: true }), (p, d) => {
        expect(sbgDel(p, d)).toBeCloseTo(sbgDel(p, d, 5000), 8);
        expect(sbgDerl(p, d, 3)).toBeCloseTo(sbgDerl(p, d, 3, 5000), 8);
      }),
    );
  });
});

describe('fitShiftedBetaGeometric', () => {
  it('rejects a cohort that grows, with a hint', () => {
    expect(() => fitShiftedBetaGeometric([[100, 80, 90]])).toThrow(/can only shrink/);
    expect(() => fitShiftedBetaGeometric([[100]])).toThrow(ModelError);
  });
  it('flags a fit that runs to the homogeneous limit (α, β → ∞) as not converged', () => {
    // exactly geometric: 10 % churn every period, no sign of heterogeneity
    const fit = fitShiftedBetaGeometric([[10000, 9000, 8100, 7290, 6561]]);
    expect(fit.converged).toBe(false);
    expect(fit.params.alpha / (fit.params.alpha + fit.params.beta)).toBeCloseTo(0.1, 3);
    expect(JSON.stringify(fit)).not.toMatch(/NaN|Infinity/);
  });
  it('the maximum has a higher likelihood than nearby points', () => {
    const c = [1000, 700, 560, 480, 420];
    const fit = fitShiftedBetaGeometric([c]);
    for (const [da, db] of [
      [0.05, 0],
      [-0.05, 0],
      [0, 0.05],
      [0, -0.05],
    ] as const) {
      expect(sbgCohortLogLik({ alpha: fit.params.alpha + da, beta: fit.params.beta + db }, c)).toBeLessThan(fit.logLik);
    }
  });
});
