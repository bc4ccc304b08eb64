/**
 * Unit-economics figures beside the ROI (DESIGN §6.8): CAC, cost per true lead and per opportunity,
 * LTV:CAC, CAC payback months, pipeline sourced and influenced, and ROAS for paid X. Every figure
 * is a `Figure`: a value, or null with the reason (never NaN or Infinity).
 *
 * Definitions [1, 2, 3]
 * (1) customers credited to X  N = Σ xCredit over deals won in the period (fractional)
 * (2) CAC = full cost ÷ N            (cash-only CAC beside it: cash spend ÷ N)
 * (3) LTV per X customer = Σ xCredit · LTV gross profit ÷ N        (bridge.ts dealLifetimeGrossProfit)
 * (4) LTV:CAC = (3) ÷ (2); benchmark ≥ 3 [1]
 * (5) CAC payback months = CAC ÷ (monthly revenue × margin per X customer) [1, 2]
 * (6) cost per true lead / per opportunity = full cost ÷ X-credited count
 * (7) ROAS = revenue attributed to paid X ÷ X Ads spend, a ratio (2.5 = 250 %) [3]
 *
 * References
 * [1] Skok, D. SaaS Metrics 2.0. forEntrepreneurs.com.
 * [2] Finmark help center. How Finmark calculates LTV, CAC and CAC payback.
 * [3] Google Ads API, TargetRoas ("revenue per unit of spend").
 */
import type { Figure } from '../types.js';
import { dealLifetimeGrossProfit, type RoiInputs } from './bridge.js';

export interface MetricsInputs {
  roi: RoiInputs;
  /** true leads credited to X in the period (fractional credit); null when unknown */
  trueLeads?: number | null;
  /** opportunities credited to X in the period; null when unknown */
  opportunities?: number | null;
  /** Σ amount of deals (open or won) whose source channel is X; null when unknown */
  pipelineSourced?: number | null;
  /** Σ amount of deals (open or won) with any X touch; null when unknown */
  pipelineInfluenced?: number | null;
  /** revenue attributed to paid X and X Ads spend; null when there is no paid X */
  paidX?: { revenue: number; spend: number } | null;
}

const ok = (value: number): Figure =>
  Number.isFinite(value) ? { value } : { value: null, reason: 'reason.not_finite' };
const na = (reason: string): Figure => ({ value: null, reason });

/**
 * All metrics keyed by name, ready for RoiSection.metrics.
 *
 * @example
 * roiMetrics({ roi: inputs, trueLeads: 40, opportunities: 12 }).ltvToCac; // { value: 3.33 }
 */
export function roiMetrics(input: MetricsInputs): Record<string, Figure> {
  const r = input.roi;
  const m = r.grossMargin;
  const labor = r.laborHours * r.hourlyRate;
  const full = r.cashSpend + labor + r.benchmarkRoi * (r.cashSpend + labor);
  let customers = 0;
  let ltvSum = 0;
  let monthlyGp = 0;
  for (const d of r.wonInPeriod) {
    customers += d.xCredit;
    ltvSum += d.xCredit * dealLifetimeGrossProfit(d, m, r.discountedLifetimeMonths);
    if (!d.oneOff) monthlyGp += d.xCredit * d.monthlyRevenue * m;
  }
  const out: Record<string, Figure> = {};
  out.xCustomers = ok(customers);
  out.fullCost = ok(full);
  if (!(customers > 0)) {
    out.cac = na('reason.no_x_customers');
    out.cacCash = na('reason.no_x_customers');
    out.ltvPerCustomer = na('reason.no_x_customers');
    out.ltvToCac = na('reason.no_x_customers');
    out.paybackMonths = na('reason.no_x_customers');
  } else {
    const cac = full / customers;
    const ltv = ltvSum / customers;
    out.cac = full > 0 ? ok(cac) : na('reason.no_cost');
    out.cacCash = r.cashSpend > 0 ? ok(r.cashSpend / customers) : na('reason.no_cost');
    out.ltvPerCustomer = ok(ltv);
    out.ltvToCac = full > 0 ? ok(ltv / cac) : na('reason.no_cost');
    const gpPerCustomer = monthlyGp / customers;
    out.paybackMonths = !(full > 0)
      ? na('reason.no_cost')
      : gpPerCustomer > 0
        ? ok(cac / gpPerCustomer)
        : na('reason.no_monthly_gross_profit');
  }
  out.costPerTrueLead = perUnit(full, input.trueLeads, 'reason.no_true_leads');
  out.costPerOpportunity = perUnit(full, input.opportunities, 'reason.no_opportunities');
  out.pipelineSourced = input.pipelineSourced == null ? na('reason.no_pipeline_data') : ok(input.pipelineSourced);
  out.pipelineInfluenced =
    input.pipelineInfluenced == null ? na('reason.no_pipeline_data') : ok(input.pipelineInfluenced);
  out.roasPaidX =
    !input.paidX || !(input.paidX.spend > 0)
      ? na('reason.no_paid_x_spend')
      : ok(input.paidX.revenue / input.paidX.spend);
  return out;
}

function perUnit(cost: number, count: number | null | undefined, reason: string): Figure {
  if (count == null || !(count > 0)) return na(reason);
  if (!(cost > 0)) return na('reason.no_cost');
  return ok(cost / count);
}

/** CAC payback in months from its parts (eq. 5): CAC ÷ (ARPA × margin). */
export function cacPaybackMonths(cac: number, arpaMonthly: number, grossMargin: number): Figure {
  const gp = arpaMonthly * grossMargin;
  return gp > 0 ? ok(cac / gp) : na('reason.no_monthly_gross_profit');
}

/** LTV:CAC from its parts (eq. 4). */
export function ltvToCac(ltv: number, cac: number): Figure {
  return cac > 0 ? ok(ltv / cac) : na('reason.no_cost');
}
