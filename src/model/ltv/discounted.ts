/**
 * Discounted lifetime value: Σ_t ARPA × m × g^t × S(t)/(1 + d)^t over a horizon, for any survival
 * curve S, with optional per-period revenue growth g of surviving customers (expansion, see
 * expansion.ts). With constant retention r the sum has closed forms, the "margin multiples" of
 * Gupta & Lehmann [1].
 *
 * Assumptions
 * - Cash for a period arrives at its start: t = 0 is undiscounted (as in DEL, [2]).
 * - The discount rate and the survival curve use the same period length (convert an annual rate
 *   with monthlyRate(); never divide it by 12).
 *
 * Equations
 * (1) LTV = Σ_{t=0}^{H−1} ARPA · m · g^t · S(t) / (1 + d)^t
 * (2) constant retention r, first margin now:        Σ_{t≥0} m r^t/(1+d)^t = m(1 + d)/(1 + d − r)   [REF §6]
 * (3) constant retention r, first margin after one period (margin multiple): m r/(1 + d − r)        [1]
 * (4) finite horizon H, q = g r/(1 + d):               Σ_{t<H} q^t = (1 − q^H)/(1 − q)
 * (5) a periodic rate from an annual one: (1 + d_annual)^(p/12) − 1 for p-month periods
 *
 * References
 * [1] Gupta, S. & Lehmann, D. R. (2003). Customers as assets. Journal of Interactive Marketing 17(1), 9–24.
 * [2] Fader, P. S. & Hardie, B. G. S. (2010). Customer-base valuation in a contractual setting.
 *     Marketing Science 29(1), 85–93.
 */

/** The discount rate for periods of `periodMonths` months from an annual rate (eq. 5). */
export function periodRate(annualRate: number, periodMonths: number): number {
  return Math.pow(1 + annualRate, periodMonths / 12) - 1;
}

/** The monthly discount rate from an annual one (eq. 5 with p = 1). */
export function monthlyRate(annualRate: number): number {
  return periodRate(annualRate, 1);
}

export interface DiscountedLtvInput {
  arpa: number;
  grossMargin: number;
  /** S(t) for t = 0, 1, …; the horizon is its length */
  survival: readonly number[];
  /** discount rate per period */
  discountRate: number;
  /** revenue growth per period of a surviving customer (expansion); default 0 */
  growth?: number;
}

/** Eq. 1 over the given survival curve. */
export function discountedLtv(input: DiscountedLtvInput): number {
  const q = 1 / (1 + input.discountRate);
  const g = 1 + (input.growth ?? 0);
  let sum = 0;
  let f = 1;
  for (const s of input.survival) {
    sum += s * f;
    f *= q * g;
  }
  return input.arpa * input.grossMargin * sum;
}

/**
 * Expected discounted periods of revenue, Σ_{t<H} (g r/(1 + d))^t, under constant retention r
 * (eq. 4; eq. 2 when H is Infinity). Infinity when g r ≥ 1 + d and H is infinite.
 */
export function constantRetentionPeriods(retention: number, discountRate: number, horizon: number, growth = 0): number {
  const q = ((1 + growth) * retention) / (1 + discountRate);
  if (!Number.isFinite(horizon)) return q < 1 ? 1 / (1 - q) : Number.POSITIVE_INFINITY;
  if (Math.abs(1 - q) < 1e-12) return horizon;
  return (1 - Math.pow(q, horizon)) / (1 - q);
}

/**
 * Gupta–Lehmann margin multiple (eq. 3; eq. 2 with `firstMarginNow`).
 *
 * @example
 * marginMultiple(0.8, 0.1); // 2.667
 */
export function marginMultiple(
  retention: number,
  discountRate: number,
  options: { firstMarginNow?: boolean } = {},
): number {
  const denom = 1 + discountRate - retention;
  return options.firstMarginNow ? (1 + discountRate) / denom : retention / denom;
}
