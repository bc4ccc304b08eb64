/**
 * A synthetic B2B company whose true ROI is known, for checking that the Monte Carlo interval is
 * honest (the coverage test in test/validation/uncertainty-coverage.test.ts) and for benchmarks.
 *
 * The company has planted true values for every uncertain input of the bridge; from them it draws
 * what an analyst would observe, and builds the pipeline's Monte Carlo inputs from the
 * observations only:
 * - stage win rates p_s ~ U(0.1, 0.6) for three open stages; observed: n_s ~ U{20…80} closed deals
 *   that passed the stage, won_s ~ Binomial(n_s, p_s);
 * - renewal behaviour: annual sBG with α ~ U(0.5, 2), β ~ U(1, 6); observed: five yearly cohorts of
 *   150–400 customers simulated from it (cohort k seen for 5 − k renewals), fitted by ML;
 * - gross margin and loaded hourly rate: the truth is drawn from the config's own
 *   Triangular(low, value, high), i.e. the stated range is honest about what is unknown;
 * - brand-lift value: truth ~ U(0, 3M); observed estimate = truth + Normal(0, σ), σ = 0.3·truth +
 *   100k, reported with its 95 % interval;
 * - deals won in the period, open X deals, cash spend and hours are known exactly.
 * The planted true ROI is computeRoi() at the true values.
 */
import { discountedLifetimeMonths } from '../ltv/lifetime-months.js';
import { fitShiftedBetaGeometric } from '../ltv/shifted-beta-geometric.js';
import { simulateSbgCohort } from '../ltv/simulate.js';
import { computeRoi, type RoiInputs } from '../roi/bridge.js';
import type { UncertaintyInputs } from './monte-carlo.js';
import { createRng, normal, triangular, type Rng } from './random.js';

export const syntheticDefaults = {
  annualDiscountRate: 0.1,
  horizonMonths: 60,
  grossMargin: { value: 0.75, low: 0.6, high: 0.9 },
  hourlyRate: { value: 5000, low: 4000, high: 7000 },
} as const;

export interface SyntheticCompany {
  /** the bridge at the true values */
  truth: RoiInputs;
  trueRoi: number;
  /** what the pipeline would build from the observations */
  observed: UncertaintyInputs;
}

const STAGES = ['discovery', 'proposal', 'negotiation'] as const;

function uniform(r: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * r.next();
}

function binomial(r: Rng, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (r.next() < p) k++;
  return k;
}

/** One synthetic company from a seed. */
export function syntheticCompany(seed: number): SyntheticCompany {
  const r = createRng(seed);
  const d = syntheticDefaults;

  // win rates
  const pTrue = new Map<string, number>();
  const groups = STAGES.map((key) => {
    const p = uniform(r, 0.1, 0.6);
    pTrue.set(key, p);
    const n = 20 + Math.floor(r.next() * 61);
    const won = binomial(r, n, p);
    return { key, won, lost: n - won };
  });

  // renewals
  const sbg = { alpha: uniform(r, 0.5, 2), beta: uniform(r, 1, 6) };
  const cohorts = [0, 1, 2, 3, 4].map((k) =>
    simulateSbgCohort(sbg, { customers: 150 + Math.floor(r.next() * 251), periods: 5 - k, rng: r }),
  );
  const fit = fitShiftedBetaGeometric(cohorts);
  const life = { annualDiscountRate: d.annualDiscountRate, horizonMonths: d.horizonMonths };
  const trueMonths = discountedLifetimeMonths({ kind: 'sbg', params: sbg, periodMonths: 12 }, life);
  const fitMonths = discountedLifetimeMonths({ kind: 'sbg', params: fit.params, periodMonths: 12 }, life);

  // deals
  const wonInPeriod = Array.from({ length: 3 + Math.floor(r.next() * 8) }, (_, i) => {
    const monthlyRevenue = uniform(r, 50_000, 300_000);
    return {
      dealId: `w${i}`,
      amount: 12 * monthlyRevenue,
      monthlyRevenue,
      oneOff: false,
      lastTouchX: r.next() < 0.3,
      xCredit: uniform(r, 0.05, 1),
    };
  });
  const groupOf: Record<string, string> = {};
  const openXDeals = Array.from({ length: 5 + Math.floor(r.next() * 11) }, (_, i) => {
    const stage = STAGES[Math.floor(r.next() * STAGES.length)]!;
    const monthlyRevenue = uniform(r, 50_000, 300_000);
    groupOf[`o${i}`] = stage;
    return {
      dealId: `o${i}`,
      amount: 12 * monthlyRevenue,
      monthlyRevenue,
      oneOff: false,
      xCredit: uniform(r, 0.1, 1),
      pWin: 0,
    };
  });

  // margin, rate, lift
  const marginTrue = triangular(r, d.grossMargin.low, d.grossMargin.value, d.grossMargin.high);
  const rateTrue = triangular(r, d.hourlyRate.low, d.hourlyRate.value, d.hourlyRate.high);
  const liftTrue = uniform(r, 0, 3_000_000);
  const liftSd = 0.3 * liftTrue + 100_000;
  const liftEst = normal(r, liftTrue, liftSd);

  const cashSpend = uniform(r, 2_000_000, 10_000_000);
  const laborHours = uniform(r, 200, 2000);
  const common = { wonInPeriod, cashSpend, laborHours, benchmarkRoi: 0 };
  const truth: RoiInputs = {
    ...common,
    openXDeals: openXDeals.map((o) => ({ ...o, pWin: pTrue.get(groupOf[o.dealId]!)! })),
    grossMargin: marginTrue,
    discountedLifetimeMonths: trueMonths,
    liftValue: liftTrue,
    hourlyRate: rateTrue,
  };
  const observedBase: RoiInputs = {
    ...common,
    openXDeals: openXDeals.map((o) => {
      const g = groups.find((x) => x.key === groupOf[o.dealId])!;
      return { ...o, pWin: g.won / (g.won + g.lost) };
    }),
    grossMargin: d.grossMargin.value,
    discountedLifetimeMonths: fitMonths,
    liftValue: liftEst,
    hourlyRate: d.hourlyRate.value,
  };
  const trueRoi = computeRoi(truth).true.roi!;
  return {
    truth,
    trueRoi,
    observed: {
      base: observedBase,
      winRates: { groups, groupOf },
      churn: {
        kind: 'sbg',
        alpha: fit.params.alpha,
        beta: fit.params.beta,
        logCovariance: fit.logCovariance,
        periodMonths: 12,
      },
      annualDiscountRate: d.annualDiscountRate,
      horizonMonths: d.horizonMonths,
      grossMargin: { ...d.grossMargin },
      hourlyRate: { ...d.hourlyRate },
      lift: { value: liftEst, low: liftEst - 1.959963984540054 * liftSd, high: liftEst + 1.959963984540054 * liftSd },
      // the planted lift is a money amount independent of margin and lifetime
      liftValuedAtLtv: false,
    },
  };
}
