import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { discountedLifetimeMonths } from '../ltv/lifetime-months.js';
import { computeRoi, type RoiInputs } from './bridge.js';
import { breakEven } from './break-even.js';

const options = { annualDiscountRate: 0.1, horizonMonths: 60 };
const base: RoiInputs = {
  wonInPeriod: [
    { dealId: 'a', amount: 1_200_000, monthlyRevenue: 100_000, oneOff: false, lastTouchX: true, xCredit: 0.5 },
  ],
  openXDeals: [{ dealId: 'o', amount: 2_400_000, monthlyRevenue: 200_000, oneOff: false, xCredit: 0.5, pWin: 0.3 }],
  grossMargin: 0.8,
  discountedLifetimeMonths: discountedLifetimeMonths({ kind: 'constant', monthlyChurn: 0.02 }, options),
  liftValue: 0,
  cashSpend: 200_000,
  laborHours: 300,
  hourlyRate: 5000,
  benchmarkRoi: 0,
};
const roi = (i: RoiInputs) => computeRoi(i).true.roi!;

describe('breakEven', () => {
  it('each break-even value makes the true ROI zero', () => {
    const b = breakEven(base, options);
    const c = b.monthlyChurn.value!;
    expect(roi(base)).toBeGreaterThan(0);
    expect(c).toBeGreaterThan(0.02); // ROI is positive at 2 %, so it takes more churn to reach zero
    expect(
      roi({
        ...base,
        discountedLifetimeMonths: discountedLifetimeMonths({ kind: 'constant', monthlyChurn: c }, options),
      }),
    ).toBeCloseTo(0, 9);
    expect(roi({ ...base, hourlyRate: b.hourlyRate.value! })).toBeCloseTo(0, 9);
    // hourly rate: exact closed form since ROI is linear in it
    const ret = computeRoi(base).true.return;
    expect(b.hourlyRate.value).toBeCloseTo((ret - base.cashSpend) / base.laborHours, 4);
  });

  it('an LTV-valued lift shrinks with the lifetime at the break-even churn (and stays put when it is money)', () => {
    const withLift = { ...base, liftValue: 3_000_000 };
    const c = breakEven(withLift, options).monthlyChurn.value!;
    const months = discountedLifetimeMonths({ kind: 'constant', monthlyChurn: c }, options);
    const scaled = {
      ...withLift,
      discountedLifetimeMonths: months,
      liftValue: (3_000_000 * months) / base.discountedLifetimeMonths,
    };
    expect(roi(scaled)).toBeCloseTo(0, 9);
    const fixed = breakEven(withLift, { ...options, liftValuedAtLtv: false }).monthlyChurn;
    expect(fixed.value === null || fixed.value > c).toBe(true);
  });

  it('win rate: null with a reason when ROI is positive even with no open deal won', () => {
    const b = breakEven({ ...base, cashSpend: 1_000_000, laborHours: 0 }, options);
    expect(b.winRate).toEqual({ value: null, reason: 'reason.breakeven_win_positive' });
  });

  it('win rate root when the open pipeline decides the sign', () => {
    const tight = base;
    const w = breakEven(tight, options).winRate.value!;
    expect(w).toBeGreaterThan(0);
    expect(w).toBeLessThan(1);
    expect(roi({ ...tight, openXDeals: tight.openXDeals.map((d) => ({ ...d, pWin: w })) })).toBeCloseTo(0, 9);
  });

  it('says so when no churn can make ROI zero, or there is no cost', () => {
    expect(breakEven({ ...base, cashSpend: 100_000_000 }, options).monthlyChurn).toEqual({
      value: null,
      reason: 'reason.breakeven_churn_negative',
    });
    expect(breakEven({ ...base, cashSpend: 1, laborHours: 0 }, options).monthlyChurn).toEqual({
      value: null,
      reason: 'reason.breakeven_churn_positive',
    });
    expect(breakEven({ ...base, laborHours: 0 }, options).hourlyRate).toEqual({
      value: null,
      reason: 'reason.no_labor_hours',
    });
    expect(breakEven({ ...base, cashSpend: 0, laborHours: 0 }, options).monthlyChurn.value).toBeNull();
  });

  it('property: a found break-even churn gives |ROI| < 1e-6', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e5, max: 5e7, noNaN: true }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        (cash, credit) => {
          const i = { ...base, cashSpend: cash, wonInPeriod: base.wonInPeriod.map((d) => ({ ...d, xCredit: credit })) };
          const c = breakEven(i, options).monthlyChurn.value;
          if (c === null) return;
          const months = discountedLifetimeMonths({ kind: 'constant', monthlyChurn: c }, options);
          expect(Math.abs(roi({ ...i, discountedLifetimeMonths: months }))).toBeLessThan(1e-6);
        },
      ),
    );
  });
});
