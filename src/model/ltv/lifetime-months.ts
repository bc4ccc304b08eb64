/**
 * Expected discounted months of revenue per new customer, the one LTV number the ROI bridge needs
 * (LTV gross profit = monthly revenue × margin × discountedLifetimeMonths). It comes either from an
 * sBG fit (periods of any length) or from a constant monthly churn in the config.
 *
 * Assumptions
 * - Revenue for a period is received at its start; a p-month period carries p months of revenue.
 * - The horizon caps the sum at `horizonMonths` (config economics.ltvHorizonMonths), rounded to
 *   whole periods; beyond it nothing is counted.
 * - The annual discount rate is converted to the period length exactly, (1 + d)^(p/12) − 1.
 * - Expansion: surviving customers' monthly revenue may grow by `monthlyGrowth` (expansion.ts).
 *
 * Equations
 * (1) sBG:       months = p · Σ_{t<H/p} (1 + g_p)^t · S(t | α, β)/(1 + d_p)^t   [1, §3; discounted.ts eq. 1]
 * (2) constant:  months = Σ_{t<H} ((1 + g)(1 − c)/(1 + d_m))^t                 [discounted.ts eq. 4]
 *     periodic: the same with p-month periods, times p (the sBG's homogeneous limit α, β → ∞)
 * (3) the constant monthly churn c* with the same discounted months as an sBG fit solves (2) = (1).
 *
 * References
 * [1] Fader, P. S. & Hardie, B. G. S. (2010). Customer-base valuation in a contractual setting.
 *     Marketing Science 29(1), 85–93.
 */
import { findRoot } from '../fit.js';
import { constantRetentionPeriods, periodRate } from './discounted.js';
import { sbgSurvivalCurve, type SbgParams } from './shifted-beta-geometric.js';

export type ChurnSource =
  | {
      kind: 'sbg';
      params: SbgParams;
      /** length of one sBG period in months (12 for annual renewals) */ periodMonths: number;
    }
  | { kind: 'constant'; monthlyChurn: number }
  | {
      kind: 'periodic';
      /** churn per renewal period, the same for every customer */ churn: number;
      periodMonths: number;
    };

export interface LifetimeMonthsOptions {
  annualDiscountRate: number;
  horizonMonths: number;
  /** monthly revenue growth of a surviving customer; default 0 */
  monthlyGrowth?: number;
}

/**
 * Eq. 1 or 2.
 *
 * @example
 * discountedLifetimeMonths({ kind: 'constant', monthlyChurn: 0.02 }, { annualDiscountRate: 0, horizonMonths: 1e9 }); // 50
 */
export function discountedLifetimeMonths(source: ChurnSource, options: LifetimeMonthsOptions): number {
  const gm = options.monthlyGrowth ?? 0;
  if (source.kind === 'constant') {
    const dm = periodRate(options.annualDiscountRate, 1);
    return constantRetentionPeriods(1 - clamp01(source.monthlyChurn), dm, options.horizonMonths, gm);
  }
  const p = source.periodMonths;
  const periods = Math.max(1, Math.round(options.horizonMonths / p));
  const dp = periodRate(options.annualDiscountRate, p);
  const gp = Math.pow(1 + gm, p) - 1;
  if (source.kind === 'periodic') return p * constantRetentionPeriods(1 - clamp01(source.churn), dp, periods, gp);
  const q = (1 + gp) / (1 + dp);
  const s = sbgSurvivalCurve(source.params, periods - 1);
  let sum = 0;
  let f = 1;
  for (const x of s) {
    sum += x * f;
    f *= q;
  }
  return p * sum;
}

/**
 * The constant monthly churn that gives the same discounted months as `months` (eq. 3); null when
 * no churn in [0, 1] does (e.g. `months` above the horizon).
 */
export function equivalentMonthlyChurn(months: number, options: LifetimeMonthsOptions): number | null {
  return findRoot(
    (c) => discountedLifetimeMonths({ kind: 'constant', monthlyChurn: c }, options) - months,
    0,
    1,
    1e-12,
  );
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}
