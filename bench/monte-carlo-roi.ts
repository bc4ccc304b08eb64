/**
 * Time of the ROI Monte Carlo (model/uncertainty) at the default 2000 draws on a synthetic company
 * with an sBG churn fit, three win-rate groups and ~10 open deals, including the tornado. Baseline,
 * measured in the same run: 2000 plain computeRoi() calls on the point inputs (the floor any
 * simulation over the bridge pays). Also reports the sBG fit time on 5 cohorts against a single
 * likelihood evaluation.
 */
import { fitShiftedBetaGeometric, sbgLogLik } from '../src/model/ltv/shifted-beta-geometric.js';
import { simulateSbgCohorts } from '../src/model/ltv/simulate.js';
import { computeRoi } from '../src/model/roi/bridge.js';
import { simulateRoi } from '../src/model/uncertainty/monte-carlo.js';
import { syntheticCompany } from '../src/model/uncertainty/synthetic-company.js';

function time(fn: () => void, reps: number): number {
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) fn();
  return (performance.now() - t0) / reps;
}

export default function run(): void {
  const company = syntheticCompany(7);
  const base = company.observed.base;
  // warm up
  simulateRoi(company.observed, { draws: 200, seed: 1 });
  for (let i = 0; i < 2000; i++) computeRoi(base);
  const baseline = time(() => {
    for (let i = 0; i < 2000; i++) computeRoi(base);
  }, 10);
  const mc = time(() => simulateRoi(company.observed, { draws: 2000, seed: 1 }), 5);
  console.log(`open deals ${base.openXDeals.length}, won deals ${base.wonInPeriod.length}, draws 2000`);
  console.log(`Monte Carlo + tornado: ${mc.toFixed(1)} ms`);
  console.log(`baseline 2000 × computeRoi: ${baseline.toFixed(1)} ms`);
  console.log(`ratio: ${(mc / baseline).toFixed(2)}×`);

  const cohorts = simulateSbgCohorts({ alpha: 1.2, beta: 4 }, { customers: 1000, periods: 8, cohorts: 5, rng: 3 });
  const p = { alpha: 1, beta: 1 };
  const ll = time(() => sbgLogLik(p, cohorts), 2000);
  const fit = time(() => fitShiftedBetaGeometric(cohorts), 20);
  console.log(
    `sBG fit on 5 cohorts × 1000 customers: ${fit.toFixed(2)} ms = ${(fit / ll).toFixed(0)} likelihood evaluations`,
  );
}
