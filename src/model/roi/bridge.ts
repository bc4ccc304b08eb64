/**
 * The ROI bridge (DESIGN §6.8): how the traditional ROI becomes the true ROI, one numbered step at a
 * time. A pure function of aggregated inputs, so that the Monte Carlo (model/uncertainty) can call it
 * thousands of times with drawn inputs.
 *
 * Return bridge (each step's delta is the difference of two running totals, so the deltas add up to
 * true − traditional return exactly, up to floating-point rounding of the sums):
 *   1. traditional_return  Σ amount of deals won in the period whose last touch is X
 *   2. multi_touch         Σ xCredit × amount over every won deal X touched        − (1)
 *   3. gross_margin        (2) × grossMargin                                        − (2)
 *   4. lifetime_value      Σ xCredit × LTV gross profit                             − (3)
 *   5. open_pipeline       + Σ xCredit × P(won | stage) × LTV gross profit of open X deals
 *   6. brand_lift          + value of incremental branded visits (model/lift)
 * Cost bridge: cash_spend → + labor (hours × loaded rate) → + opportunity cost (benchmark ROI ×
 * (cash + labor)).
 * Both ROIs are (return − cost) ÷ cost [REFERENCE §6 "Marketing ROI"].
 *
 * LTV gross profit of a recurring deal = monthlyRevenue × grossMargin × discountedLifetimeMonths;
 * of a one-off deal = amount × grossMargin.
 */
import type { BridgeStep, RoiFigure, RoiSection } from './types.js';

export interface WonDealInput {
  dealId: string;
  /** booked amount: the first-period revenue the traditional view counts */
  amount: number;
  monthlyRevenue: number;
  oneOff: boolean;
  /** whether the CRM's last-touch / source channel is X */
  lastTouchX: boolean;
  /** X's multi-touch credit share in [0, 1] under the primary attribution model */
  xCredit: number;
}

export interface OpenDealInput {
  dealId: string;
  monthlyRevenue: number;
  oneOff: boolean;
  amount: number;
  xCredit: number;
  /** P(won | current stage) */
  pWin: number;
}

export interface RoiInputs {
  wonInPeriod: WonDealInput[];
  openXDeals: OpenDealInput[];
  grossMargin: number;
  /** expected discounted months of revenue per new customer */
  discountedLifetimeMonths: number;
  liftValue: number;
  cashSpend: number;
  laborHours: number;
  hourlyRate: number;
  /** opportunity cost = benchmarkRoi × (cashSpend + labor cost); 0 when disabled */
  benchmarkRoi: number;
}

/** LTV gross profit of one deal's customer. */
export function dealLifetimeGrossProfit(
  d: { monthlyRevenue: number; oneOff: boolean; amount: number },
  grossMargin: number,
  discountedLifetimeMonths: number,
): number {
  return d.oneOff ? d.amount * grossMargin : d.monthlyRevenue * grossMargin * discountedLifetimeMonths;
}

function roiFigure(ret: number, cost: number): RoiFigure {
  if (!(cost > 0)) return { roi: null, return: ret, cost, reason: 'reason.no_cost' };
  return { roi: (ret - cost) / cost, return: ret, cost };
}

function bridge(steps: [string, number][]): BridgeStep[] {
  // steps hold running totals; deltas are consecutive differences
  const out: BridgeStep[] = [];
  let prev = 0;
  for (const [key, total] of steps) {
    out.push({ key, delta: total - prev, total });
    prev = total;
  }
  return out;
}

/** Traditional and true ROI with both bridges. */
export function computeRoi(inputs: RoiInputs): RoiSection {
  const m = inputs.grossMargin;
  const L = inputs.discountedLifetimeMonths;
  let traditional = 0;
  let multiTouch = 0;
  let lifetime = 0;
  for (const d of inputs.wonInPeriod) {
    if (d.lastTouchX) traditional += d.amount;
    multiTouch += d.xCredit * d.amount;
    lifetime += d.xCredit * dealLifetimeGrossProfit(d, m, L);
  }
  let open = 0;
  for (const d of inputs.openXDeals) open += d.xCredit * d.pWin * dealLifetimeGrossProfit(d, m, L);

  const margin = multiTouch * m;
  const withOpen = lifetime + open;
  const trueReturn = withOpen + inputs.liftValue;

  const cash = inputs.cashSpend;
  const labor = inputs.laborHours * inputs.hourlyRate;
  const opportunity = inputs.benchmarkRoi * (cash + labor);
  const fullCost = cash + labor + opportunity;

  return {
    traditional: roiFigure(traditional, cash),
    true: roiFigure(trueReturn, fullCost),
    returnBridge: bridge([
      ['traditional_return', traditional],
      ['multi_touch', multiTouch],
      ['gross_margin', margin],
      ['lifetime_value', lifetime],
      ['open_pipeline', withOpen],
      ['brand_lift', trueReturn],
    ]),
    costBridge: bridge([
      ['cash_spend', cash],
      ['labor', cash + labor],
      ['opportunity_cost', fullCost],
    ]),
    metrics: {},
  };
}
