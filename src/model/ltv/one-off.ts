/**
 * How a deal turns into revenue: a recurring deal's monthly revenue, or a one-off deal whose
 * lifetime gross profit is its amount × margin (no renewals).
 *
 * Assumptions
 * - MRR from the CRM wins; else amount ÷ contract months; else amount ÷ the configured default
 *   contract length (economics.defaultContractMonths), and the report says so.
 * - A deal is one-off when its deal type says so (one-off, one-time, spot, project, services,
 *   setup, 単発, スポット, 初期費用 …; case-insensitive) and it has no MRR.
 */
import type { DealFacts } from '../types.js';

export const oneOffDefaults = {
  pattern: /one[-_ ]?(off|time)|\bspot\b|project|services?|setup|単発|スポット|プロジェクト|初期/i,
} as const;

export type RevenueBasis = 'mrr' | 'contract' | 'default_contract' | 'one_off';

export interface DealRevenue {
  monthlyRevenue: number;
  oneOff: boolean;
  basis: RevenueBasis;
}

export interface DealRevenueOptions {
  /** months a booked amount covers when the CRM has neither MRR nor a contract length */
  defaultContractMonths: number;
  /** deal types that mean "one-off"; default oneOffDefaults.pattern */
  oneOffPattern?: RegExp;
}

/**
 * The revenue view of one deal.
 *
 * @example
 * dealRevenue({ amount: 1_200_000, mrr: null, contractMonths: null, dealType: 'New Business' }, { defaultContractMonths: 12 });
 * // { monthlyRevenue: 100000, oneOff: false, basis: 'default_contract' }
 */
export function dealRevenue(
  deal: Pick<DealFacts, 'amount' | 'mrr' | 'contractMonths' | 'dealType'>,
  options: DealRevenueOptions,
): DealRevenue {
  const amount = deal.amount ?? 0;
  if (deal.mrr !== null && deal.mrr > 0) return { monthlyRevenue: deal.mrr, oneOff: false, basis: 'mrr' };
  const pattern = options.oneOffPattern ?? oneOffDefaults.pattern;
  if (deal.dealType && pattern.test(deal.dealType)) return { monthlyRevenue: 0, oneOff: true, basis: 'one_off' };
  if (deal.contractMonths !== null && deal.contractMonths > 0) {
    return { monthlyRevenue: amount / deal.contractMonths, oneOff: false, basis: 'contract' };
  }
  return { monthlyRevenue: amount / options.defaultContractMonths, oneOff: false, basis: 'default_contract' };
}

/** Lifetime gross profit of a one-off deal: amount × margin. */
export function oneOffLifetimeValue(amount: number, grossMargin: number): number {
  return amount * grossMargin;
}
