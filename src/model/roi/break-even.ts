/**
 * Break-even values (DESIGN §6.8): the monthly churn, the loaded hourly rate and the win rate of
 * open X pipeline at which the true ROI is exactly zero, each found by bisection on computeRoi()
 * with every other input at its point value. A value is null with a reason when no value in the
 * searched range gives ROI = 0 (for example when the program pays even with 100 % churn).
 *
 * - churn: constant monthly churn c in [0, 1] replacing the lifetime, discountedLifetimeMonths =
 *   lifetime-months.ts eq. 2 with the configured discount rate and horizon; an LTV-valued lift
 *   scales with the lifetime too. ROI falls as c rises.
 * - hourly rate: in [0, 1000 × current rate] (ROI is linear in it, so this is its exact root).
 * - win rate: one P(won) w ∈ [0, 1] applied to every open X deal in place of its stage rate.
 */
import { findRoot } from '../fit.js';
import { discountedLifetimeMonths } from '../ltv/lifetime-months.js';
import type { Figure } from '../types.js';
import { computeRoi, type RoiInputs } from './bridge.js';

export interface BreakEvenOptions {
  annualDiscountRate: number;
  horizonMonths: number;
  /** monthly revenue growth of surviving customers (LtvSection.monthlyGrowth); default 0. An LtvSection can be passed as is. */
  monthlyGrowth?: number;
  /** the lift value is valued at LTV and scales with the lifetime (see UncertaintyInputs); default true */
  liftValuedAtLtv?: boolean;
}

export interface BreakEven {
  monthlyChurn: Figure;
  hourlyRate: Figure;
  winRate: Figure;
}

const trueRoi = (i: RoiInputs): number => {
  const r = computeRoi(i).true.roi;
  return r === null ? Number.NaN : r;
};

/**
 * Break-even churn, hourly rate and win rate.
 *
 * @example
 * breakEven(inputs, { annualDiscountRate: 0.1, horizonMonths: 60 }).monthlyChurn; // { value: 0.083 }
 */
export function breakEven(inputs: RoiInputs, options: BreakEvenOptions): BreakEven {
  const base = trueRoi(inputs);
  if (!Number.isFinite(base)) {
    const none: Figure = { value: null, reason: 'reason.no_cost' };
    return { monthlyChurn: none, hourlyRate: none, winRate: none };
  }
  const life = (c: number) => discountedLifetimeMonths({ kind: 'constant', monthlyChurn: c }, options);
  const l0 = inputs.discountedLifetimeMonths;
  const scaleLift = (options.liftValuedAtLtv ?? true) && l0 > 0;
  const churnRoi = (c: number) => {
    const months = life(c);
    return trueRoi({
      ...inputs,
      discountedLifetimeMonths: months,
      liftValue: scaleLift ? (inputs.liftValue * months) / l0 : inputs.liftValue,
    });
  };
  const monthlyChurn = solve(churnRoi, 0, 1, 'reason.breakeven_churn_positive', 'reason.breakeven_churn_negative');

  const rateRoi = (h: number) => trueRoi({ ...inputs, hourlyRate: h });
  const hourlyRate =
    inputs.laborHours > 0
      ? solve(
          rateRoi,
          0,
          Math.max(1, inputs.hourlyRate) * 1000,
          'reason.breakeven_rate_positive',
          'reason.breakeven_rate_negative',
        )
      : { value: null, reason: 'reason.no_labor_hours' };

  const winRoi = (w: number) => trueRoi({ ...inputs, openXDeals: inputs.openXDeals.map((d) => ({ ...d, pWin: w })) });
  const winRate =
    inputs.openXDeals.length > 0
      ? solve(winRoi, 0, 1, 'reason.breakeven_win_positive', 'reason.breakeven_win_negative')
      : { value: null, reason: 'reason.no_open_pipeline' };

  return { monthlyChurn, hourlyRate, winRate };
}

/** Root of f on [lo, hi]; reasons for "positive at both ends" and "negative at both ends". */
function solve(
  f: (x: number) => number,
  lo: number,
  hi: number,
  positiveReason: string,
  negativeReason: string,
): Figure {
  const flo = f(lo);
  const fhi = f(hi);
  if (!Number.isFinite(flo) || !Number.isFinite(fhi)) return { value: null, reason: 'reason.no_cost' };
  if (flo > 0 && fhi > 0) return { value: null, reason: positiveReason };
  if (flo < 0 && fhi < 0) return { value: null, reason: negativeReason };
  const x = findRoot(f, lo, hi, 1e-12);
  return x === null ? { value: null, reason: negativeReason } : { value: x };
}
