/**
 * Choose the lifetime model and compute the LTV section from plain data (no store access, so the
 * what-if dashboard and tests can call it directly).
 *
 * Order of preference (DESIGN §6.5):
 *   1. sBG fitted to the `retention` table, when it has usable cohorts;
 *   2. sBG fitted to renewal cohorts built from won CRM deals per account;
 *   3. constant monthly churn from config (economics.monthlyChurn), stated as a fallback.
 * A fit is used only when it has at least `minCustomers` customers, at least one renewal and one
 * churn, converged, and has finite standard errors; otherwise the next source is tried and the
 * section says why.
 */
import type { Config } from '../../config/index.js';
import type { Figure } from '../types.js';
import {
  cohortDefaults,
  cohortsFromDeals,
  cohortsFromRetention,
  type RenewalDeal,
  type RenewalRevenue,
  type RetentionCohorts,
  type RetentionRow,
} from './cohorts.js';
import { discountedLifetimeMonths, equivalentMonthlyChurn, type LifetimeMonthsOptions } from './lifetime-months.js';
import { dealRevenue } from './one-off.js';
import { fitShiftedBetaGeometric, sbgSurvivalCurve, type SbgFit } from './shifted-beta-geometric.js';
import { simpleLtv } from './simple.js';
import type {
  LtvExpansionSummary,
  LtvFitSummary,
  LtvGeometricSummary,
  LtvNote,
  LtvSection,
  LtvSegmentSummary,
} from './types.js';
import { grossRevenueRetention, netRevenueRetention } from './expansion.js';

export const ltvDefaults = {
  /** fewest customers (period 0, all cohorts) for an sBG fit to be used */
  minCustomers: 20,
  /** fewest renewals with known amounts before their growth is applied as expansion */
  minRenewalsForExpansion: 10,
} as const;

export interface LtvDeal extends RenewalDeal {
  amount: number | null;
  mrr: number | null;
  dealType: string | null;
  currency: string | null;
}

export interface LtvData {
  deals: readonly LtvDeal[];
  retention: readonly RetentionRow[];
  /** epoch ms: end of observation for renewal cohorts */
  asOf: number;
}

export interface LtvOptions {
  /** default 20 */
  minCustomers?: number;
  /** default 10 */
  minRenewalsForExpansion?: number;
}

interface Candidate {
  source: 'retention' | 'deals';
  cohorts: number[][];
  periodMonths: number;
}

/** The LTV section for the given data and config. */
export function computeLtv(data: LtvData, config: Config, options: LtvOptions = {}): LtvSection {
  const e = config.economics;
  const minCustomers = options.minCustomers ?? ltvDefaults.minCustomers;
  const minRenewalsForExpansion = options.minRenewalsForExpansion ?? ltvDefaults.minRenewalsForExpansion;
  const lifeOptions: LifetimeMonthsOptions = {
    annualDiscountRate: e.annualDiscountRate,
    horizonMonths: e.ltvHorizonMonths,
  };
  const assumptions = ['assumption.ltv_cash_at_period_start', 'assumption.ltv_horizon', 'assumption.ltv_discount'];
  const fallbacks: LtvNote[] = [];

  // ARPA from won recurring deals in the reporting currency; new subscriptions only when the CRM
  // types renewals (a renewal's amount already includes expansion)
  const sameCurrency = data.deals.filter((d) => d.currency === null || d.currency === config.currency);
  const isRenewal = (d: LtvDeal) => !!d.dealType && cohortDefaults.renewalPattern.test(d.dealType);
  const typedRenewals = sameCurrency.some((d) => d.isWon && isRenewal(d));
  const revenues = sameCurrency
    .filter((d) => d.isWon && !(typedRenewals && isRenewal(d)))
    .map((d) => dealRevenue(d, { defaultContractMonths: e.defaultContractMonths }))
    .filter((r) => !r.oneOff && r.monthlyRevenue > 0);
  const arpa: Figure =
    revenues.length > 0
      ? { value: revenues.reduce((s, r) => s + r.monthlyRevenue, 0) / revenues.length }
      : { value: null, reason: 'reason.no_recurring_deals' };
  if (revenues.some((r) => r.basis === 'default_contract')) assumptions.push('assumption.default_contract_months');

  // candidate cohorts
  const candidates: Candidate[] = [];
  let retentionCohorts: RetentionCohorts | null = null;
  if (data.retention.length > 0) {
    const r = cohortsFromRetention(data.retention, 1);
    retentionCohorts = r;
    if (r.notes.some((n) => n.code === 'retention_period_unknown'))
      assumptions.push('assumption.retention_period_monthly');
    candidates.push({ source: 'retention', cohorts: r.cohorts.map((c) => c.active), periodMonths: r.periodMonths });
  }
  const renewals = cohortsFromDeals(sameCurrency, { asOf: data.asOf, defaultContractMonths: e.defaultContractMonths });
  candidates.push({ source: 'deals', cohorts: renewals.cohorts, periodMonths: renewals.periodMonths });

  // expansion: revenue growth of renewed subscriptions (expansion.ts eq. 3), applied to every
  // lifetime below when enough renewals have amounts on both sides
  const expansion = expansionSummary(renewals.revenue, renewals.periodMonths, minRenewalsForExpansion);
  if (expansion?.applied) {
    lifeOptions.monthlyGrowth = expansion.monthlyGrowth;
    assumptions.push('assumption.expansion_from_renewals');
  }

  let chosen: { fit: SbgFit; c: Candidate } | null = null;
  let geometric: LtvGeometricSummary | null = null;
  for (const c of candidates) {
    const why = unusable(c, minCustomers);
    if (why) {
      fallbacks.push({ key: why, params: { source: c.source, min: minCustomers } });
      continue;
    }
    const fit = fitShiftedBetaGeometric(c.cohorts);
    if (fit.converged) {
      chosen = { fit, c };
      break;
    }
    // The likelihood is maximised at α, β → ∞: churn shows no heterogeneity these data can detect,
    // and the sBG's limit is one churn probability per period (geometric lifetimes).
    fallbacks.push({ key: 'fallback.sbg_homogeneous', params: { source: c.source } });
    geometric = geometricSummary(c);
    break;
  }

  let months: number;
  let monthlyChurn: Figure;
  let fitSummary: LtvFitSummary | null = null;
  let reason: string;
  if (geometric) {
    months = discountedLifetimeMonths(
      { kind: 'periodic', churn: geometric.churnPerPeriod, periodMonths: geometric.periodMonths },
      lifeOptions,
    );
    const eq = equivalentMonthlyChurn(months, lifeOptions);
    monthlyChurn = eq === null ? { value: null, reason: 'reason.no_equivalent_churn' } : { value: eq };
    reason = geometric.source === 'retention' ? 'ltv.method.geometric_retention' : 'ltv.method.geometric_deals';
    assumptions.push('assumption.homogeneous_churn');
  } else if (chosen) {
    const { fit, c } = chosen;
    months = discountedLifetimeMonths({ kind: 'sbg', params: fit.params, periodMonths: c.periodMonths }, lifeOptions);
    const eq = equivalentMonthlyChurn(months, lifeOptions);
    monthlyChurn = eq === null ? { value: null, reason: 'reason.no_equivalent_churn' } : { value: eq };
    reason = c.source === 'retention' ? 'ltv.method.sbg_retention' : 'ltv.method.sbg_deals';
    const observed = Math.max(...c.cohorts.map((x) => x.length - 1));
    fitSummary = {
      source: c.source,
      periodMonths: c.periodMonths,
      cohorts: c.cohorts.length,
      customers: fit.n,
      alpha: fit.params.alpha,
      beta: fit.params.beta,
      standardErrors: { alpha: fit.standardErrors.alpha, beta: fit.standardErrors.beta },
      intervals: {
        alpha: fit.intervals.alpha ? [fit.intervals.alpha[0], fit.intervals.alpha[1]] : null,
        beta: fit.intervals.beta ? [fit.intervals.beta[0], fit.intervals.beta[1]] : null,
      },
      logCovariance: fit.logCovariance ? fit.logCovariance.map((r) => [...r]) : null,
      logLik: fit.logLik,
      converged: fit.converged,
      firstPeriodChurn: fit.params.alpha / (fit.params.alpha + fit.params.beta),
      survival: sbgSurvivalCurve(fit.params, Math.min(observed + 4, 24)),
    };
    assumptions.push('assumption.sbg_heterogeneity');
  } else {
    months = discountedLifetimeMonths({ kind: 'constant', monthlyChurn: e.monthlyChurn.value }, lifeOptions);
    monthlyChurn = { value: e.monthlyChurn.value, reason: 'reason.churn_from_config' };
    reason = 'ltv.method.constant_churn';
    fallbacks.push({ key: 'fallback.churn_from_config', params: { churn: e.monthlyChurn.value } });
    assumptions.push('assumption.constant_churn');
  }

  const m = e.grossMargin.value;
  const ltv: Figure = arpa.value === null ? { value: null, reason: arpa.reason } : { value: arpa.value * m * months };
  const simple: Figure =
    arpa.value === null
      ? { value: null, reason: arpa.reason }
      : monthlyChurn.value === null
        ? { value: null, reason: monthlyChurn.reason }
        : simpleLtv({ arpa: arpa.value, grossMargin: m, churn: monthlyChurn.value, horizon: e.ltvHorizonMonths });

  const segments = retentionCohorts ? segmentSummaries(retentionCohorts, minCustomers, lifeOptions) : [];

  return {
    method: geometric ? 'geometric' : chosen ? 'sbg' : 'constant_churn',
    reason,
    arpa,
    arpaDeals: revenues.length,
    grossMargin: m,
    monthlyChurn,
    annualDiscountRate: e.annualDiscountRate,
    horizonMonths: e.ltvHorizonMonths,
    discountedLifetimeMonths: months,
    ltvPerCustomer: ltv,
    simpleLtv: simple,
    fit: fitSummary,
    geometric,
    expansion,
    monthlyGrowth: lifeOptions.monthlyGrowth ?? 0,
    segments,
    assumptions,
    fallbacks,
  };
}

/** One fit per named segment of the retention table, when it has two or more segments. */
function segmentSummaries(r: RetentionCohorts, minCustomers: number, life: LifetimeMonthsOptions): LtvSegmentSummary[] {
  const names = [...new Set(r.cohorts.map((c) => c.segment).filter((x): x is string => x !== null && x !== ''))].sort();
  if (names.length < 2) return [];
  return names.map((segment) => {
    const cohorts = r.cohorts.filter((c) => c.segment === segment).map((c) => c.active);
    const c: Candidate = { source: 'retention', cohorts, periodMonths: r.periodMonths };
    const customers = cohorts.reduce((s, x) => s + (x[0] ?? 0), 0);
    const none = { segment, customers, alpha: null, beta: null, standardErrors: { alpha: null, beta: null } };
    const why = unusable(c, minCustomers);
    if (why) return { ...none, method: null, reason: why, discountedLifetimeMonths: null };
    const fit = fitShiftedBetaGeometric(cohorts);
    if (fit.converged) {
      return {
        segment,
        customers,
        method: 'sbg' as const,
        alpha: fit.params.alpha,
        beta: fit.params.beta,
        standardErrors: { alpha: fit.standardErrors.alpha, beta: fit.standardErrors.beta },
        discountedLifetimeMonths: discountedLifetimeMonths(
          { kind: 'sbg', params: fit.params, periodMonths: r.periodMonths },
          life,
        ),
      };
    }
    const g = geometricSummary(c);
    return {
      ...none,
      method: 'geometric' as const,
      reason: 'fallback.sbg_homogeneous',
      discountedLifetimeMonths: discountedLifetimeMonths(
        { kind: 'periodic', churn: g.churnPerPeriod, periodMonths: r.periodMonths },
        life,
      ),
    };
  });
}

function expansionSummary(r: RenewalRevenue, periodMonths: number, minMatched: number): LtvExpansionSummary | null {
  if (r.decisions === 0 || !(r.start > 0)) return null;
  const growth = r.matched > 0 && r.matchedBefore > 0 ? r.matchedAfter / r.matchedBefore - 1 : 0;
  const nrr = netRevenueRetention({
    start: r.start,
    expansion: r.renewed - r.retained,
    contraction: 0,
    churned: r.start - r.retained,
  });
  const grr = grossRevenueRetention({ start: r.start, expansion: 0, contraction: 0, churned: r.start - r.retained });
  return {
    periodMonths,
    decisions: r.decisions,
    renewalsWithAmounts: r.matched,
    nrr,
    grr,
    growthPerPeriod: growth,
    monthlyGrowth: Math.pow(1 + growth, 1 / periodMonths) - 1,
    applied: r.matched >= minMatched,
  };
}

/** Churn per period from renewal counts, with a Wilson 95 % interval. */
function geometricSummary(c: Candidate): LtvGeometricSummary {
  let decisions = 0;
  let churns = 0;
  for (const x of c.cohorts) {
    for (let t = 1; t < x.length; t++) {
      decisions += x[t - 1]!;
      churns += x[t - 1]! - x[t]!;
    }
  }
  const p = churns / decisions;
  const z = 1.959963984540054;
  const centre = (p + (z * z) / (2 * decisions)) / (1 + (z * z) / decisions);
  const half =
    (z * Math.sqrt((p * (1 - p)) / decisions + (z * z) / (4 * decisions * decisions))) / (1 + (z * z) / decisions);
  return {
    source: c.source,
    periodMonths: c.periodMonths,
    customers: c.cohorts.reduce((s, x) => s + (x[0] ?? 0), 0),
    decisions,
    churns,
    churnPerPeriod: p,
    interval: [Math.max(0, centre - half), Math.min(1, centre + half)],
  };
}

function unusable(c: Candidate, minCustomers: number): string | null {
  const customers = c.cohorts.reduce((s, x) => s + (x[0] ?? 0), 0);
  if (c.cohorts.length === 0 || customers === 0) return 'fallback.no_cohorts';
  if (customers < minCustomers) return 'fallback.too_few_customers';
  const renewed = c.cohorts.some((x) => (x[1] ?? 0) > 0);
  const churned = c.cohorts.some((x) => x.some((v, t) => t > 0 && v < x[t - 1]!));
  if (!renewed) return 'fallback.no_renewals';
  if (!churned) return 'fallback.no_churn';
  return null;
}
