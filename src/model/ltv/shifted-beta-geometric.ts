/**
 * The shifted-beta-geometric (sBG) model of contractual retention [1], fitted by maximum likelihood
 * to one or more renewal cohorts [1, appendix B; 3], with the discounted expected lifetime (DEL)
 * and discounted expected residual lifetime (DERL) of [2].
 *
 * Assumptions
 * - Each customer renews at the end of every period with her own constant probability 1 − θ; θ is
 *   Beta(α, β) distributed over customers [1, §3]. Churn is observed only at renewal points
 *   (discrete, contractual).
 * - Period 0 is acquisition; a customer "lost in period t" made t − 1 renewals. Survivors at the
 *   last observed period are right-censored [1, eq. B3].
 * - Cohorts in a multi-cohort fit share (α, β); each contributes its own censored likelihood [3].
 * - Cash per period is received at the start of the period, so DEL counts t = 0 undiscounted [2].
 *
 * Equations (numbers refer to the source)
 * - P(T = t) = B(α + 1, β + t − 1) / B(α, β), computed by the forward recursion
 *   P(T = 1) = α/(α + β), P(T = t) = P(T = t − 1)·(β + t − 2)/(α + β + t − 1)   [1, eqs. 5–8]
 * - S(t) = B(α, β + t)/B(α, β); r_t = S(t)/S(t − 1) = (β + t − 1)/(α + β + t − 1)  [1, eqs. 5–8]
 * - LL = Σ_t n_t ln P(T = t) + (n − Σ_t n_t) ln S(K)                               [1, eq. B3]
 * - DEL(d) = Σ_{t≥0} S(t)/(1 + d)^t = ₂F₁(1, β; α + β; 1/(1 + d))                   [2, §3]
 * - DERL(d | n − 1 renewals) = (β + n − 1)/(α + β + n − 1) · ₂F₁(1, β + n; α + β + n; 1/(1 + d))
 *                                                                                  [2, eq. 6]
 * The ₂F₁(1, b; c; z) series has term ratio (b + k)/(c + k)·z, which is exactly S(k + 1)/S(k)·z, so
 * the series is the truncated survival sum; it converges geometrically for z < 1.
 *
 * References
 * [1] Fader, P. S. & Hardie, B. G. S. (2007). How to project customer retention. Journal of
 *     Interactive Marketing 21(1), 76–90.
 * [2] Fader, P. S. & Hardie, B. G. S. (2010). Customer-base valuation in a contractual setting: the
 *     perils of ignoring heterogeneity. Marketing Science 29(1), 85–93.
 * [3] Fader, P. S. & Hardie, B. G. S. (2007). Fitting the sBG model to multi-cohort data.
 *     brucehardie.com/notes/017.
 */
import { ModelError } from '../../errors.js';
import { fitPositive, type Fitted, type NelderMeadOptions } from '../fit.js';

export interface SbgParams {
  alpha: number;
  beta: number;
  [key: string]: number;
}

export type SbgFit = Fitted<{ alpha: number; beta: number }>;

/**
 * One cohort: customers active at the start of each period, `active[0]` = acquired. Counts may be
 * proportions or percentages (the likelihood then is per customer / per 100 customers).
 */
export type SbgCohort = readonly number[];

export const sbgDefaults = {
  start: { alpha: 1, beta: 1 },
  /** a ₂F₁ series stops when a term falls below this fraction of the sum */
  seriesTolerance: 1e-15,
  /** hard cap on ₂F₁ series terms (reached only when d is tiny) */
  maxTerms: 1_000_000,
} as const;

/** P(T = t) for t = 1…tMax [1, eqs. 5–8]. Index 0 of the result is t = 1. */
export function sbgChurnProbabilities(p: SbgParams, tMax: number): number[] {
  const out: number[] = [];
  let prev = p.alpha / (p.alpha + p.beta);
  for (let t = 1; t <= tMax; t++) {
    if (t > 1) prev = (prev * (p.beta + t - 2)) / (p.alpha + p.beta + t - 1);
    out.push(prev);
  }
  return out;
}

/** P(T = t) [1, eqs. 5–8]. */
export function sbgChurnProbability(p: SbgParams, t: number): number {
  if (!Number.isInteger(t) || t < 1) return 0;
  return sbgChurnProbabilities(p, t)[t - 1]!;
}

/** Retention rate r_t = S(t)/S(t − 1) for t ≥ 1 [1, eqs. 5–8]. */
export function sbgRetention(p: SbgParams, t: number): number {
  return (p.beta + t - 1) / (p.alpha + p.beta + t - 1);
}

/** S(t), the share of a cohort still active after t periods [1, eqs. 5–8]. S(0) = 1. */
export function sbgSurvival(p: SbgParams, t: number): number {
  let s = 1;
  for (let k = 1; k <= t; k++) s *= sbgRetention(p, k);
  return s;
}

/** S(0…tMax). */
export function sbgSurvivalCurve(p: SbgParams, tMax: number): number[] {
  const out = [1];
  for (let k = 1; k <= tMax; k++) out.push(out[k - 1]! * sbgRetention(p, k));
  return out;
}

/** Mean lifetime E[T] = (α + β − 1)/(α − 1); Infinity when α ≤ 1 [1]. */
export function sbgMeanLifetime(p: SbgParams): number {
  return p.alpha > 1 ? (p.alpha + p.beta - 1) / (p.alpha - 1) : Number.POSITIVE_INFINITY;
}

/** Log-likelihood of one cohort [1, eq. B3]. */
export function sbgCohortLogLik(p: SbgParams, active: SbgCohort): number {
  const K = active.length - 1;
  if (K < 1) return 0;
  const probs = sbgChurnProbabilities(p, K);
  let ll = 0;
  for (let t = 1; t <= K; t++) {
    const lost = active[t - 1]! - active[t]!;
    if (lost > 0) ll += lost * Math.log(probs[t - 1]!);
  }
  const survivors = active[K]!;
  if (survivors > 0) ll += survivors * Math.log(sbgSurvival(p, K));
  return ll;
}

/** Log-likelihood of several cohorts sharing (α, β) [3]. */
export function sbgLogLik(p: SbgParams, cohorts: readonly SbgCohort[]): number {
  let ll = 0;
  for (const c of cohorts) ll += sbgCohortLogLik(p, c);
  return ll;
}

export interface SbgFitOptions extends NelderMeadOptions {
  /** starting values; default α = β = 1 */
  start?: { alpha: number; beta: number };
}

/**
 * Fit the sBG by maximum likelihood to one or more cohorts of active counts.
 *
 * @example
 * const fit = fitShiftedBetaGeometric([[1000, 631, 468, 382, 326, 289, 262, 241]]);
 * fit.params; // { alpha: 0.704, beta: 1.182 }
 */
export function fitShiftedBetaGeometric(cohorts: readonly SbgCohort[], options: SbgFitOptions = {}): SbgFit {
  validateCohorts(cohorts);
  const n = cohorts.reduce((s, c) => s + c[0]!, 0);
  return fitPositive(
    'shifted-beta-geometric',
    ['alpha', 'beta'],
    (p) => sbgLogLik(p, cohorts),
    options.start ?? sbgDefaults.start,
    {
      ...options,
      n,
    },
  );
}

function validateCohorts(cohorts: readonly SbgCohort[]): void {
  if (cohorts.length === 0 || cohorts.every((c) => c.length < 2)) {
    throw new ModelError(
      'sbg_no_data',
      'the sBG needs at least one cohort observed for one renewal',
      'give active counts for period 0 and at least period 1',
    );
  }
  for (const c of cohorts) {
    for (let t = 0; t < c.length; t++) {
      const v = c[t]!;
      if (!Number.isFinite(v) || v < 0)
        throw new ModelError('sbg_bad_count', `active count ${v} is not a non-negative number`);
      if (t > 0 && v > c[t - 1]! + 1e-9) {
        throw new ModelError(
          'sbg_increasing',
          `active customers rise from ${c[t - 1]} to ${v} in period ${t}; a cohort can only shrink`,
          'count each cohort only from its own acquisitions (no new customers added later)',
        );
      }
    }
  }
}

/** ₂F₁(1, b; c; z) for 0 ≤ z < 1 by its power series (terms Π (b + j)/(c + j) · z^k). */
export function hypergeometric2F1One(b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1)) throw new ModelError('hyp2f1_domain', `₂F₁ series needs 0 ≤ z < 1, got ${z}`);
  let term = 1;
  let sum = 1;
  for (let k = 0; k < sbgDefaults.maxTerms; k++) {
    term *= ((b + k) / (c + k)) * z;
    sum += term;
    if (term < sbgDefaults.seriesTolerance * sum) break;
  }
  return sum;
}

/**
 * Discounted expected lifetime of a new customer in periods [2, §3]: Σ_{t≥0} S(t)/(1 + d)^t, the
 * first period undiscounted. With `horizon` the sum stops after `horizon` periods (t < horizon).
 * With d = 0 and no horizon it is E[T], infinite when α ≤ 1.
 */
export function sbgDel(p: SbgParams, d: number, horizon?: number): number {
  if (horizon !== undefined) return truncatedSum(p, 0, d, horizon);
  if (d <= 0) return sbgMeanLifetime(p);
  return hypergeometric2F1One(p.beta, p.alpha + p.beta, 1 / (1 + d));
}

/**
 * Discounted expected residual lifetime of a customer who has made `renewals` renewals, evaluated
 * just before the next renewal decision, next period's cash undiscounted [2, eq. 6].
 */
export function sbgDerl(p: SbgParams, d: number, renewals: number, horizon?: number): number {
  const n = renewals + 1;
  const lead = (p.beta + n - 1) / (p.alpha + p.beta + n - 1);
  if (horizon !== undefined) {
    // E[Σ_{t≥1} 1{T > n - 1 + t} /(1+d)^(t-1) | T > n - 1] = Σ_{k=0}^{h-1} S(n + k)/S(n - 1)/(1+d)^k
    const shifted = { alpha: p.alpha, beta: p.beta + n };
    return lead * truncatedSum(shifted, 0, d, horizon);
  }
  if (d <= 0) throw new ModelError('derl_no_discount', 'DERL without a horizon needs a positive discount rate');
  return lead * hypergeometric2F1One(p.beta + n, p.alpha + p.beta + n, 1 / (1 + d));
}

function truncatedSum(p: SbgParams, from: number, d: number, horizon: number): number {
  let s = sbgSurvival(p, from);
  let sum = 0;
  const q = 1 / (1 + d);
  let disc = 1;
  for (let t = from; t < from + horizon; t++) {
    if (t > from) s *= sbgRetention(p, t);
    sum += s * disc;
    disc *= q;
  }
  return sum;
}
