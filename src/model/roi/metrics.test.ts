import { describe, it, expect } from 'vitest';
import type { RoiInputs } from './bridge.js';
import { cacPaybackMonths, ltvToCac, roiMetrics } from './metrics.js';

/** The worked SaaS example of REFERENCE §6: ARPA $100/month, GM 80 %, churn 2 %, CAC $1,200. */
const saas: RoiInputs = {
  wonInPeriod: Array.from({ length: 10 }, (_, i) => ({
    dealId: `d${i}`,
    amount: 1200,
    monthlyRevenue: 100,
    oneOff: false,
    lastTouchX: i < 3,
    xCredit: 1,
  })),
  openXDeals: [],
  grossMargin: 0.8,
  discountedLifetimeMonths: 50, // 1/churn, undiscounted
  liftValue: 0,
  cashSpend: 12_000,
  laborHours: 0,
  hourlyRate: 0,
  benchmarkRoi: 0,
};

describe('roiMetrics (REFERENCE §6 worked numbers)', () => {
  const m = roiMetrics({
    roi: saas,
    trueLeads: 40,
    opportunities: 16,
    pipelineSourced: 5000,
    pipelineInfluenced: 9000,
    paidX: { revenue: 25_000, spend: 10_000 },
  });
  it('CAC $1,200, LTV $4,000, LTV:CAC 3.33, payback 15 months', () => {
    expect(m.cac!.value).toBeCloseTo(1200, 9);
    expect(m.ltvPerCustomer!.value).toBeCloseTo(4000, 9);
    expect(m.ltvToCac!.value).toBeCloseTo(10 / 3, 9);
    expect(Number(m.ltvToCac!.value!.toFixed(2))).toBe(3.33);
    expect(m.paybackMonths!.value).toBeCloseTo(15, 9);
  });
  it('cost per true lead and per opportunity, pipeline, ROAS as a ratio', () => {
    expect(m.costPerTrueLead!.value).toBe(300);
    expect(m.costPerOpportunity!.value).toBe(750);
    expect(m.pipelineSourced!.value).toBe(5000);
    expect(m.pipelineInfluenced!.value).toBe(9000);
    expect(m.roasPaidX!.value).toBe(2.5);
  });
  it('the helpers agree', () => {
    expect(cacPaybackMonths(1200, 100, 0.8).value).toBeCloseTo(15, 12);
    expect(ltvToCac(4000, 1200).value).toBeCloseTo(3.3333, 4);
  });
  it('null with reasons, never NaN or Infinity', () => {
    const none = roiMetrics({ roi: { ...saas, wonInPeriod: [], cashSpend: 0 } });
    expect(none.cac).toEqual({ value: null, reason: 'reason.no_x_customers' });
    expect(none.costPerTrueLead).toEqual({ value: null, reason: 'reason.no_true_leads' });
    expect(none.roasPaidX).toEqual({ value: null, reason: 'reason.no_paid_x_spend' });
    expect(none.pipelineSourced).toEqual({ value: null, reason: 'reason.no_pipeline_data' });
    const oneOff = roiMetrics({ roi: { ...saas, wonInPeriod: [{ ...saas.wonInPeriod[0]!, oneOff: true }] } });
    expect(oneOff.paybackMonths).toEqual({ value: null, reason: 'reason.no_monthly_gross_profit' });
    expect(JSON.stringify([none, oneOff])).not.toMatch(/NaN|Infinity/);
  });
  it('counts fractional X credit as fractional customers and includes labor in CAC', () => {
    const r = roiMetrics({
      roi: {
        ...saas,
        laborHours: 10,
        hourlyRate: 1200,
        wonInPeriod: saas.wonInPeriod.map((d) => ({ ...d, xCredit: 0.5 })),
      },
    });
    expect(r.xCustomers!.value).toBe(5);
    expect(r.cac!.value).toBeCloseTo((12_000 + 12_000) / 5, 9);
    expect(r.cacCash!.value).toBeCloseTo(12_000 / 5, 9);
  });
});
