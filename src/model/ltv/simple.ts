/**
 * Simple lifetime value: ARPA × gross margin ÷ churn, with the lifetime 1/churn capped at a horizon
 * [1, 2]. This is the practitioner formula behind "LTV:CAC ≥ 3".
 *
 * Assumptions
 * - Churn is constant per period and the same for every customer (no heterogeneity; [3] shows this
 *   understates value when churn differs across customers).
 * - No discounting and no expansion; the lifetime is min(1/churn, horizon) periods (eq. 1).
 *
 * Equations
 * (1) lifetime = min(1/c, H)
 * (2) LTV = ARPA × m × lifetime                                                   [1, 2]
 *
 * References
 * [1] Skok, D. SaaS Metrics 2.0 — a guide to measuring and improving what matters. forEntrepreneurs.com.
 * [2] Finmark help center. How Finmark calculates LTV, CAC and CAC payback.
 * [3] Fader, P. S. & Hardie, B. G. S. (2010). Customer-base valuation in a contractual setting: the
 *     perils of ignoring heterogeneity. Marketing Science 29(1), 85–93.
 */
import type { Figure } from '../types.js';

export interface SimpleLtvInput {
  /** average revenue per account per period */
  arpa: number;
  grossMargin: number;
  /** churn per period as a fraction */
  churn: number;
  /** cap on the lifetime in periods; default none */
  horizon?: number;
}

/** Expected lifetime in periods, min(1/c, H) (eq. 1); null with a reason when churn is not positive. */
export function simpleLifetime(churn: number, horizon?: number): Figure {
  if (!(churn > 0)) {
    return horizon !== undefined && horizon > 0
      ? { value: horizon, reason: 'reason.zero_churn_capped' }
      : { value: null, reason: 'reason.zero_churn' };
  }
  const life = 1 / churn;
  return { value: horizon !== undefined ? Math.min(life, horizon) : life };
}

/**
 * ARPA × margin × min(1/churn, horizon) (eq. 2).
 *
 * @example
 * simpleLtv({ arpa: 100, grossMargin: 0.8, churn: 0.02 }); // { value: 4000 }
 */
export function simpleLtv(input: SimpleLtvInput): Figure {
  const life = simpleLifetime(input.churn, input.horizon);
  if (life.value === null) return life;
  return { value: input.arpa * input.grossMargin * life.value, ...(life.reason ? { reason: life.reason } : {}) };
}
