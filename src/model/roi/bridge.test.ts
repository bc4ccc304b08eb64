import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { computeRoi, type RoiInputs } from './bridge.js';

const base: RoiInputs = {
  wonInPeriod: [
    { dealId: 'a', amount: 1_200_000, monthlyRevenue: 100_000, oneOff: false, lastTouchX: true, xCredit: 0.5 },
    { dealId: 'b', amount: 600_000, monthlyRevenue: 50_000, oneOff: false, lastTouchX: false, xCredit: 0.25 },
    { dealId: 'c', amount: 300_000, monthlyRevenue: 0, oneOff: true, lastTouchX: false, xCredit: 1 },
  ],
  openXDeals: [{ dealId: 'o', amount: 1_200_000, monthlyRevenue: 100_000, oneOff: false, xCredit: 0.5, pWin: 0.2 }],
  grossMargin: 0.8,
  discountedLifetimeMonths: 30,
  liftValue: 100_000,
  cashSpend: 1_000_000,
  laborHours: 400,
  hourlyRate: 5000,
  benchmarkRoi: 0.1,
};

describe('computeRoi', () => {
  it('computes each bridge step by hand', () => {
    const r = computeRoi(base);
    const steps = Object.fromEntries(r.returnBridge.map((s) => [s.key, s.total]));
    expect(steps.traditional_return).toBe(1_200_000);
    expect(steps.multi_touch).toBe(0.5 * 1_200_000 + 0.25 * 600_000 + 300_000); // 1,050,000
    expect(steps.gross_margin).toBeCloseTo(1_050_000 * 0.8, 6);
    // LTV: a 0.5 × 100k × 0.8 × 30 = 1.2M; b 0.25 × 50k × 0.8 × 30 = 300k; c 300k × 0.8 = 240k
    expect(steps.lifetime_value).toBeCloseTo(1_740_000, 6);
    // open: 0.5 × 0.2 × 100k × 0.8 × 30 = 240k
    expect(steps.open_pipeline).toBeCloseTo(1_980_000, 6);
    expect(steps.brand_lift).toBeCloseTo(2_080_000, 6);
    // cost: cash 1M, labor 2M, opportunity 0.1 × 3M
    expect(r.costBridge.map((s) => s.total)).toEqual([1_000_000, 3_000_000, 3_300_000]);
    expect(r.traditional.roi).toBeCloseTo(0.2, 12);
    expect(r.true.roi).toBeCloseTo(2_080_000 / 3_300_000 - 1, 12);
  });

  it('says why an ROI cannot be computed instead of returning Infinity', () => {
    const r = computeRoi({ ...base, cashSpend: 0, laborHours: 0 });
    expect(r.traditional.roi).toBeNull();
    expect(r.traditional.reason).toBe('reason.no_cost');
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
  });

  it('property: the steps add up to the difference between the two returns and the two costs', () => {
    const money = fc.double({ min: 0, max: 1e9, noNaN: true });
    const share = fc.double({ min: 0, max: 1, noNaN: true });
    const won = fc.record({
      dealId: fc.string(),
      amount: money,
      monthlyRevenue: money,
      oneOff: fc.boolean(),
      lastTouchX: fc.boolean(),
      xCredit: share,
    });
    const open = fc.record({
      dealId: fc.string(),
      amount: money,
      monthlyRevenue: money,
      oneOff: fc.boolean(),
      xCredit: share,
      pWin: share,
    });
    fc.assert(
      fc.property(
        fc.record({
          wonInPeriod: fc.array(won, { maxLength: 30 }),
          openXDeals: fc.array(open, { maxLength: 30 }),
          grossMargin: share,
          discountedLifetimeMonths: fc.double({ min: 0, max: 120, noNaN: true }),
          liftValue: money,
          cashSpend: money,
          laborHours: fc.double({ min: 0, max: 1e5, noNaN: true }),
          hourlyRate: fc.double({ min: 0, max: 1e5, noNaN: true }),
          benchmarkRoi: fc.double({ min: -1, max: 3, noNaN: true }),
        }),
        (inputs) => {
          const r = computeRoi(inputs);
          const tol = (x: number) => 1e-9 * Math.max(1, Math.abs(x));
          const retSteps = r.returnBridge.slice(1).reduce((s, b) => s + b.delta, 0);
          expect(Math.abs(retSteps - (r.true.return - r.traditional.return))).toBeLessThanOrEqual(tol(r.true.return));
          const costSteps = r.costBridge.slice(1).reduce((s, b) => s + b.delta, 0);
          expect(Math.abs(costSteps - (r.true.cost - r.traditional.cost))).toBeLessThanOrEqual(tol(r.true.cost));
          expect(r.returnBridge[0]!.total).toBe(r.traditional.return);
          expect(r.returnBridge.at(-1)!.total).toBe(r.true.return);
        },
      ),
    );
  });
});
