/**
 * Parameter recovery for the shifted-beta-geometric fit (CONVENTIONS 3.9, after PyMC-Marketing):
 * cohorts simulated from planted (α, β) by simulateSbgCohort(), fitted by maximum likelihood,
 * at several sizes. Tolerances shrink like 1/√N; they were set from the sampling spread measured
 * with 40 replicates (median worst relative error ≈ 0.24, 0.10, 0.05 at N = 200, 1000, 5000 for
 * the Regular segment's parameters) with head-room.
 */
import { describe, it, expect } from 'vitest';
import { fitShiftedBetaGeometric, sbgSurvival } from '../../src/model/ltv/shifted-beta-geometric.js';
import { simulateSbgCohort, simulateSbgCohorts } from '../../src/model/ltv/simulate.js';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

describe('sBG parameter recovery, single cohort of 8 periods, planted α = 0.704, β = 1.182', () => {
  const truth = { alpha: 0.704, beta: 1.182 };
  it.each([
    { N: 200, tol: 0.35 },
    { N: 1000, tol: 0.15 },
    { N: 5000, tol: 0.07 },
  ])(
    'N = $N: median worst relative error ≤ $tol and 95 % intervals cover both parameters in ≥ 85 % of 40 replicates',
    ({ N, tol }) => {
      const errors: number[] = [];
      let covered = 0;
      for (let rep = 0; rep < 40; rep++) {
        const fit = fitShiftedBetaGeometric([
          simulateSbgCohort(truth, { customers: N, periods: 8, rng: 7919 * rep + N }),
        ]);
        errors.push(Math.max(Math.abs(fit.params.alpha / truth.alpha - 1), Math.abs(fit.params.beta / truth.beta - 1)));
        const a = fit.intervals.alpha;
        const b = fit.intervals.beta;
        if (a && b && a[0] <= truth.alpha && truth.alpha <= a[1] && b[0] <= truth.beta && truth.beta <= b[1]) covered++;
      }
      expect(median(errors)).toBeLessThanOrEqual(tol);
      expect(covered / 40).toBeGreaterThanOrEqual(0.85);
    },
  );
});

describe('sBG recovery from staggered multi-cohort data, planted α = 3.8, β = 15.19', () => {
  // Near-homogeneous churn: α and β are weakly identified one by one (they move together), but
  // the mean churn α/(α + β) and the survival curve are well identified; test those. The relative
  // standard error of the first-period churn is ≈ 3.2 % at N = 1000 per cohort and ≈ 1 % at 10000;
  // S(4) ≈ 0.45 is seen only in the oldest cohort, so its standard error is at most
  // √(S(1 − S)/N) ≈ 0.016 and 0.005. Tolerances are about 3 standard errors (10 replicates each).
  const truth = { alpha: 3.8, beta: 15.19 };
  it.each([
    { N: 1000, tolMean: 0.1, tolS: 0.045 },
    { N: 10000, tolMean: 0.03, tolS: 0.015 },
  ])('N = $N per cohort: mean churn within $tolMean (relative) and S(4) within $tolS', ({ N, tolMean, tolS }) => {
    for (let rep = 0; rep < 10; rep++) {
      const fit = fitShiftedBetaGeometric(
        simulateSbgCohorts(truth, { customers: N, periods: 4, cohorts: 4, rng: 31 * rep + N }),
      );
      const mean = fit.params.alpha / (fit.params.alpha + fit.params.beta);
      expect(Math.abs(mean / (truth.alpha / (truth.alpha + truth.beta)) - 1)).toBeLessThanOrEqual(tolMean);
      expect(Math.abs(sbgSurvival(fit.params, 4) - sbgSurvival(truth, 4))).toBeLessThanOrEqual(tolS);
    }
  });
});
