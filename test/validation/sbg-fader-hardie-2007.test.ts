/**
 * Fader & Hardie (2007), "How to Project Customer Retention", J. Interactive Marketing 21(1) 76–90:
 * Table 1 data, the maximum-likelihood estimates on years 1–7, and the projected survival and
 * retention curves. Expected values and their provenance: REFERENCE.md §1.1–1.4 (shared reference
 * notes of this project), which cite jdmaturen/shifted_beta_geometric_py (High End MLE at 1e-3
 * relative; projected S(8..12)) and pymc-marketing's test data.
 */
import { describe, it, expect } from 'vitest';
import {
  fitShiftedBetaGeometric,
  sbgChurnProbabilities,
  sbgLogLik,
  sbgRetention,
  sbgSurvivalCurve,
} from '../../src/model/ltv/shifted-beta-geometric.js';

// Table 1, % of the cohort active at the start of each year, years 0–12
const regular = [100, 63.1, 46.8, 38.2, 32.6, 28.9, 26.2, 24.1, 22.3, 20.7, 19.4, 18.3, 17.3];
const highEnd = [100, 86.9, 74.3, 65.3, 59.3, 55.1, 51.7, 49.1, 46.8, 44.5, 42.7, 40.9, 39.4];
/** counts out of 1000, years 0–7 (the estimation sample) */
const counts = (pct: number[]) => pct.slice(0, 8).map((p) => Math.round(p * 10));
const relClose = (actual: number, expected: number, rtol: number) =>
  expect(Math.abs(actual - expected) / Math.abs(expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(rtol);

describe('Fader & Hardie (2007) Table 1, MLE on years 1–7 (REFERENCE §1.3)', () => {
  it('Regular: α = 0.704, β = 1.182 (1e-3 relative), LL/customer −1.6803', () => {
    const fit = fitShiftedBetaGeometric([counts(regular)]);
    expect(fit.converged).toBe(true);
    relClose(fit.params.alpha, 0.704, 1e-3);
    relClose(fit.params.beta, 1.182, 1e-3);
    expect(fit.logLik / 1000).toBeCloseTo(-1.6803, 4);
    expect(sbgLogLik({ alpha: 1, beta: 1 }, [counts(regular)]) / 1000).toBeCloseTo(-1.7417, 4);
    expect(fit.params.alpha / (fit.params.alpha + fit.params.beta)).toBeCloseTo(0.373, 3);
  });

  it('High End: α = 0.668, β = 3.806 (1e-3 relative, as jdmaturen tests), LL/customer −1.611, LL(1,1) −2.115', () => {
    const fit = fitShiftedBetaGeometric([counts(highEnd)]);
    relClose(fit.params.alpha, 0.668, 1e-3);
    relClose(fit.params.beta, 3.806, 1e-3);
    expect(fit.logLik / 1000).toBeCloseTo(-1.611, 3);
    // jdmaturen's check: np.allclose(-2.115, ..., 1e-3)
    expect(Math.abs(sbgLogLik({ alpha: 1, beta: 1 }, [counts(highEnd)]) / 1000 + 2.115)).toBeLessThan(1e-3);
    expect(fit.params.alpha / (fit.params.alpha + fit.params.beta)).toBeCloseTo(0.149, 3);
  });

  it('gives the same estimates from proportions as from counts (the likelihood scales)', () => {
    const a = fitShiftedBetaGeometric([regular.slice(0, 8).map((p) => p / 100)]);
    relClose(a.params.alpha, 0.704, 1e-3);
    relClose(a.params.beta, 1.182, 1e-3);
  });

  it('Regular years 1–4 only: γ = 0.7637, δ = 1.2958 (kailu3 course page; LL/n −1.40156)', () => {
    const fit = fitShiftedBetaGeometric([[1000, 631, 468, 382, 326]]);
    relClose(fit.params.alpha, 0.7637, 1e-3);
    relClose(fit.params.beta, 1.2958, 1e-3);
    expect(fit.logLik / 1000).toBeCloseTo(-1.40156, 5);
  });

  it('reports standard errors and intervals that contain the estimate', () => {
    const fit = fitShiftedBetaGeometric([counts(highEnd)]);
    for (const k of ['alpha', 'beta'] as const) {
      const se = fit.standardErrors[k]!;
      const [lo, hi] = fit.intervals[k]!;
      expect(se).toBeGreaterThan(0);
      expect(se).toBeLessThan(fit.params[k]);
      expect(lo).toBeLessThan(fit.params[k]);
      expect(hi).toBeGreaterThan(fit.params[k]);
    }
    expect(Object.isFrozen(fit) && Object.isFrozen(fit.params)).toBe(true);
  });
});

describe('Projected survival and retention (REFERENCE §1.4, 1e-4 absolute at the published MLEs)', () => {
  const S_regular = [
    1.0, 0.6267, 0.4738, 0.388, 0.3321, 0.2924, 0.2625, 0.2391, 0.2201, 0.2044, 0.1912, 0.1799, 0.1701,
  ];
  const S_high = [1.0, 0.8507, 0.7469, 0.6698, 0.61, 0.5619, 0.5223, 0.4889, 0.4605, 0.4358, 0.4142, 0.3951, 0.378];
  const r_regular = [0.6267, 0.7561, 0.8188, 0.8559, 0.8804, 0.8978, 0.9107, 0.9208, 0.9288, 0.9353, 0.9408, 0.9454];
  const r_high = [0.8507, 0.878, 0.8968, 0.9106, 0.9212, 0.9295, 0.9362, 0.9418, 0.9464, 0.9504, 0.9538, 0.9568];
  const P_regular = [0.37328, 0.15288, 0.08584, 0.05591, 0.03972, 0.02989, 0.02343];
  const P_high = [0.14931, 0.10381, 0.07706, 0.05987, 0.04808, 0.03962, 0.03331];
  const cases = [
    { name: 'Regular', p: { alpha: 0.704, beta: 1.182 }, S: S_regular, r: r_regular, P: P_regular },
    { name: 'High End', p: { alpha: 0.668, beta: 3.806 }, S: S_high, r: r_high, P: P_high },
  ];
  it.each(cases)('$name: S(0..12), r(1..12), P(T = 1..7)', ({ p, S, r, P }) => {
    sbgSurvivalCurve(p, 12).forEach((s, t) => expect(Math.abs(s - S[t]!), `S(${t})`).toBeLessThan(1e-4));
    r.forEach((x, i) => expect(Math.abs(sbgRetention(p, i + 1) - x), `r(${i + 1})`).toBeLessThan(1e-4));
    sbgChurnProbabilities(p, 7).forEach((x, i) => expect(Math.abs(x - P[i]!), `P(${i + 1})`).toBeLessThan(1e-5));
  });

  it('High End projected S(8..12) = 0.460, 0.436, 0.414, 0.395, 0.378 (jdmaturen README)', () => {
    const S = sbgSurvivalCurve({ alpha: 0.668, beta: 3.806 }, 12).slice(8);
    expect(S.map((s) => Number(s.toFixed(3)))).toEqual([0.46, 0.436, 0.414, 0.395, 0.378]);
  });

  it('hold-out year 12 is within the paper\'s "4 % and 2 %" of the observed survival', () => {
    const fr = fitShiftedBetaGeometric([counts(regular)]);
    const fh = fitShiftedBetaGeometric([counts(highEnd)]);
    const errR = Math.abs(sbgSurvivalCurve(fr.params, 12)[12]! - 0.173) / 0.173;
    const errH = Math.abs(sbgSurvivalCurve(fh.params, 12)[12]! - 0.394) / 0.394;
    expect(errR).toBeLessThan(0.025);
    expect(errH).toBeLessThan(0.045);
  });
});
