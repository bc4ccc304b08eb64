/**
 * Revenue retention and expansion: net and gross revenue retention of a cohort, and the growth of a
 * surviving customer's revenue implied by them [1, 2].
 *
 * Assumptions
 * - NRR and GRR exclude new customers and cover one window (usually 12 months) [1].
 * - Expansion among survivors is the part of NRR that GRR does not explain: a surviving customer's
 *   revenue grows by NRR/GRR − 1 per window (eq. 3). This splits churned revenue from expansion; it
 *   treats contraction as part of GRR, as the definitions do.
 *
 * Equations
 * (1) NRR = (start + expansion − contraction − churned)/start                        [1]
 * (2) GRR = (start − contraction − churned)/start                                      [1]
 * (3) growth per window of a surviving customer = NRR/GRR − 1; per month (1 + g)^(1/w) − 1
 *
 * References
 * [1] Skok, D. SaaS Metrics 2.0. forEntrepreneurs.com (net and gross revenue retention).
 * [2] Finmark help center. How Finmark calculates LTV (revenue churn).
 */
import type { Figure } from '../types.js';

export interface RevenueMovements {
  /** recurring revenue of the cohort at the start of the window */
  start: number;
  expansion: number;
  contraction: number;
  churned: number;
}

/** Eq. 1; null with a reason when the cohort had no starting revenue. */
export function netRevenueRetention(m: RevenueMovements): Figure {
  if (!(m.start > 0)) return { value: null, reason: 'reason.no_starting_revenue' };
  return { value: (m.start + m.expansion - m.contraction - m.churned) / m.start };
}

/** Eq. 2. */
export function grossRevenueRetention(m: RevenueMovements): Figure {
  if (!(m.start > 0)) return { value: null, reason: 'reason.no_starting_revenue' };
  return { value: (m.start - m.contraction - m.churned) / m.start };
}

/**
 * Monthly revenue growth of a surviving customer implied by NRR and GRR over a window of
 * `windowMonths` (eq. 3).
 *
 * @example
 * expansionGrowthPerMonth(1.05, 0.9, 12); // (1.05/0.9)^(1/12) − 1 ≈ 0.0129
 */
export function expansionGrowthPerMonth(nrr: number, grr: number, windowMonths = 12): Figure {
  if (!(grr > 0) || !(nrr > 0)) return { value: null, reason: 'reason.no_starting_revenue' };
  return { value: Math.pow(nrr / grr, 1 / windowMonths) - 1 };
}
