/**
 * The LTV section of the result object: which lifetime model was used and why, its inputs, the sBG
 * fit (with standard errors) when there was one, and the one number the ROI bridge needs,
 * `discountedLifetimeMonths`. Plain JSON: no NaN, no Infinity.
 */
import type { Figure } from '../types.js';

/** A message key and its placeholders. */
export interface LtvNote {
  key: string;
  params?: Record<string, string | number>;
}

/**
 * sbg: heterogeneous churn fitted to renewals; geometric: renewals show no detectable heterogeneity
 * (the sBG fit runs to its α, β → ∞ limit), so one churn per period estimated from the counts;
 * constant_churn: the config's monthly churn.
 */
export type LtvMethod = 'sbg' | 'geometric' | 'constant_churn';

/** The lifetime of one segment of the retention table (the headline uses all segments pooled). */
export interface LtvSegmentSummary {
  segment: string;
  customers: number;
  /** null when the segment's data were too thin (reason says why) */
  method: 'sbg' | 'geometric' | null;
  reason?: string | undefined;
  alpha: number | null;
  beta: number | null;
  standardErrors: { alpha: number | null; beta: number | null };
  discountedLifetimeMonths: number | null;
}

/** Net and gross revenue retention per renewal period from CRM renewals (expansion.ts). */
export interface LtvExpansionSummary {
  periodMonths: number;
  /** renewal decisions with a known starting amount */
  decisions: number;
  renewalsWithAmounts: number;
  /** per renewal period (annual for 12-month contracts) */
  nrr: Figure;
  grr: Figure;
  /** revenue growth of a renewed subscription per period, and per month */
  growthPerPeriod: number;
  monthlyGrowth: number;
  /** whether the growth was applied to the lifetime (enough renewals with amounts) */
  applied: boolean;
}

/** Homogeneous churn per renewal period estimated from renewal counts (churns ÷ decisions). */
export interface LtvGeometricSummary {
  source: 'retention' | 'deals';
  periodMonths: number;
  customers: number;
  /** renewal decisions observed and churns among them */
  decisions: number;
  churns: number;
  churnPerPeriod: number;
  /** 95 % interval: Beta(churns + 1, decisions − churns + 1) quantiles approximated by Wilson */
  interval: [number, number];
}

export interface LtvFitSummary {
  /** where the renewal cohorts came from */
  source: 'retention' | 'deals';
  /** months per sBG period */
  periodMonths: number;
  cohorts: number;
  customers: number;
  alpha: number;
  beta: number;
  standardErrors: { alpha: number | null; beta: number | null };
  /** 95 % intervals (log-scale Wald) */
  intervals: { alpha: [number, number] | null; beta: [number, number] | null };
  /** covariance of (ln α, ln β); the Monte Carlo draws parameters from it */
  logCovariance: number[][] | null;
  logLik: number;
  converged: boolean;
  /** expected churn in the first period, α/(α + β) */
  firstPeriodChurn: number;
  /** S(t) for t = 0…min(observed + 4, 24) periods */
  survival: number[];
}

export interface LtvSection {
  method: LtvMethod;
  /** message key: why this method was used */
  reason: string;
  /** average monthly recurring revenue per new customer (won recurring deals) */
  arpa: Figure;
  /** how many deals the ARPA is averaged over */
  arpaDeals: number;
  grossMargin: number;
  /** the configured monthly churn, or the constant churn equivalent to the sBG fit */
  monthlyChurn: Figure;
  annualDiscountRate: number;
  horizonMonths: number;
  /** expected discounted months of revenue per new customer (the ROI bridge's LTV multiplier) */
  discountedLifetimeMonths: number;
  /** ARPA × margin × discountedLifetimeMonths (gross profit, discounted) */
  ltvPerCustomer: Figure;
  /** ARPA × margin ÷ churn, lifetime capped at the horizon (undiscounted, for comparison) */
  simpleLtv: Figure;
  fit: LtvFitSummary | null;
  geometric: LtvGeometricSummary | null;
  /** revenue retention at CRM renewals; its survivor growth is applied when `applied` */
  expansion: LtvExpansionSummary | null;
  /** monthly revenue growth of a surviving customer used in discountedLifetimeMonths (0 = none) */
  monthlyGrowth: number;
  /** one fit per segment of the retention table (empty unless it names two or more segments) */
  segments: LtvSegmentSummary[];
  /** message keys of the assumptions behind the numbers */
  assumptions: string[];
  /** fallbacks taken (missing data replaced by config), as message keys with their parameters */
  fallbacks: LtvNote[];
}
