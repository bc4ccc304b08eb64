import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { computeRoi, type RoiInputs } from '../roi/bridge.js';
import { simulateRoi, summarize, type UncertaintyInputs } from './monte-carlo.js';
import { syntheticCompany } from './synthetic-company.js';

const base: RoiInputs = {
  wonInPeriod: [
    { dealId: 'a', amount: 1_200_000, monthlyRevenue: 100_000, oneOff: false, lastTouchX: true, xCredit: 0.5 },
  ],
  openXDeals: [
    { dealId: 'o1', amount: 2_400_000, monthlyRevenue: 200_000, oneOff: false, xCredit: 0.5, pWin: 0.3 },
    { dealId: 'o2', amount: 1_200_000, monthlyRevenue: 100_000, oneOff: false, xCredit: 1, pWin: 0.6 },
  ],
  grossMargin: 0.75,
  discountedLifetimeMonths: 30,
  liftValue: 500_000,
  cashSpend: 3_000_000,
  laborHours: 300,
  hourlyRate: 5000,
  benchmarkRoi: 0,
};
const inputs: UncertaintyInputs = {
  base,
  winRates: {
    groups: [
      { key: 'proposal', won: 6, lost: 14 },
      { key: 'negotiation', won: 12, lost: 8 },
    ],
    groupOf: { o1: 'proposal', o2: 'negotiation' },
  },
  churn: { kind: 'range', monthlyChurn: { value: 0.02, low: 0.01, high: 0.04 } },
  annualDiscountRate: 0.1,
  horizonMonths: 60,
  grossMargin: { value: 0.75, low: 0.65, high: 0.85 },
  hourlyRate: { value: 5000, low: 4000, high: 7000 },
  lift: { value: 500_000, low: 100_000, high: 900_000 },
};

describe('simulateRoi', () => {
  it('same inputs and seed ⇒ byte-identical JSON; another seed ⇒ different draws', () => {
    const a = JSON.stringify(simulateRoi(inputs, { draws: 500, seed: 7 }));
    const b = JSON.stringify(simulateRoi(inputs, { draws: 500, seed: 7 }));
    const c = JSON.stringify(simulateRoi(inputs, { draws: 500, seed: 8 }));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(a).not.toMatch(/NaN|Infinity/);
  });

  it('orders the summary: 95 % ⊇ 80 % ∋ median; P(ROI > 0) in [0, 1]; a tornado sorted by swing', () => {
    const u = simulateRoi(inputs, { draws: 2000, seed: 1 });
    const t = u.trueRoi;
    expect(t.interval95![0]).toBeLessThanOrEqual(t.interval80![0]);
    expect(t.interval80![0]).toBeLessThanOrEqual(t.median!);
    expect(t.median!).toBeLessThanOrEqual(t.interval80![1]);
    expect(t.interval80![1]).toBeLessThanOrEqual(t.interval95![1]);
    expect(t.pPositive).toBeGreaterThanOrEqual(0);
    expect(t.pPositive).toBeLessThanOrEqual(1);
    expect(u.tornado.map((b) => b.input).sort()).toEqual(['churn', 'gross_margin', 'hourly_rate', 'lift', 'win_rates']);
    for (let i = 1; i < u.tornado.length; i++)
      expect(u.tornado[i - 1]!.swing).toBeGreaterThanOrEqual(u.tornado[i]!.swing);
    // more churn ⇒ fewer months ⇒ lower ROI
    const churn = u.tornado.find((b) => b.input === 'churn')!;
    expect(churn.roiAtLow!).toBeLessThan(churn.roiAtHigh!);
    expect(u.histogram!.counts.reduce((s, n) => s + n, 0)).toBeGreaterThan(0.97 * 2000);
    expect(u.pointTrueRoi).toBeCloseTo(computeRoi(base).true.roi!, 12);
  });

  it('with no spread in any input, every draw is the point ROI and the traditional ROI is a point', () => {
    const fixed: UncertaintyInputs = {
      ...inputs,
      winRates: null,
      churn: { kind: 'range', monthlyChurn: { value: 0.02 } },
      grossMargin: { value: 0.75 },
      hourlyRate: { value: 5000 },
      lift: null,
    };
    const u = simulateRoi(fixed, { draws: 200, seed: 3 });
    const p = computeRoi(base);
    expect(u.trueRoi.interval95).toEqual([p.true.roi, p.true.roi]);
    expect(u.traditionalRoi.median).toBe(p.traditional.roi);
    expect(u.inputs.map((i) => i.input)).toEqual(['churn']);
  });

  it('the win-rate draws have the Jeffreys-posterior Beta(won + ½, lost + ½) mean', () => {
    const only: UncertaintyInputs = {
      ...inputs,
      base: { ...base, openXDeals: [base.openXDeals[0]!] },
      churn: { kind: 'range', monthlyChurn: { value: 0.02 } },
      grossMargin: { value: 0.75 },
      hourlyRate: { value: 5000 },
      lift: null,
    };
    const u = simulateRoi(only, { draws: 4000, seed: 5 });
    // ROI is linear in the single pWin, so the mean ROI sits at the Beta mean 6.5/21
    const at = (w: number) => computeRoi({ ...only.base, openXDeals: [{ ...base.openXDeals[0]!, pWin: w }] }).true.roi!;
    expect(u.trueRoi.mean!).toBeCloseTo(at(6.5 / 21), 2);
  });

  it('says why when the ROI cannot be computed', () => {
    const u = simulateRoi({ ...inputs, base: { ...base, cashSpend: 0, laborHours: 0 } }, { draws: 100, seed: 1 });
    expect(u.trueRoi).toMatchObject({ median: null, draws: 0, reason: 'reason.no_cost' });
    expect(u.histogram).toBeNull();
  });

  it('summarize uses type-7 percentiles', () => {
    const s = summarize([5, 1, 4, 2, 3]);
    expect(s.median).toBe(3);
    expect(s.interval80).toEqual([1.4, 4.6]);
    expect(s.pPositive).toBe(1);
  });

  it('draws sBG parameters from the fit when there is one (synthetic company)', () => {
    const co = syntheticCompany(11);
    const u = simulateRoi(co.observed, { draws: 300, seed: 11 });
    expect(u.inputs.find((i) => i.input === 'churn')!.distribution).toMatch(/sBG/);
    const churn = u.tornado.find((b) => b.input === 'churn')!;
    expect(churn.high).toBeGreaterThan(churn.low);
  });
  it('draws homogeneous churn per period from Beta(churns + 1, survivals + 1)', () => {
    const u = simulateRoi(
      { ...inputs, churn: { kind: 'counts', churns: 20, decisions: 200, periodMonths: 12 } },
      { draws: 300, seed: 2 },
    );
    expect(u.inputs.find((i) => i.input === 'churn')!.distribution).toBe('churn per 12-month period ~ Beta(21, 181)');
    const bar = u.tornado.find((b) => b.input === 'churn')!;
    expect(bar.low).toBeLessThan(bar.high);
  });
  it('rescales an LTV-valued lift with the drawn lifetime (and not when the lift is money)', () => {
    const churnOnly: UncertaintyInputs = {
      ...inputs,
      winRates: null,
      grossMargin: { value: 0.75 },
      hourlyRate: { value: 5000 },
      lift: null,
    };
    const atLtv = simulateRoi(churnOnly, { draws: 200, seed: 4 }).tornado[0]!;
    const money = simulateRoi({ ...churnOnly, liftValuedAtLtv: false }, { draws: 200, seed: 4 }).tornado[0]!;
    expect(atLtv.input).toBe('churn');
    const roiAt = (months: number, lift: number) =>
      computeRoi({ ...base, discountedLifetimeMonths: months, liftValue: lift }).true.roi!;
    expect(atLtv.roiAtLow).toBeCloseTo(roiAt(atLtv.low, (base.liftValue * atLtv.low) / 30), 12);
    expect(money.roiAtLow).toBeCloseTo(roiAt(money.low, base.liftValue), 12);
    expect(atLtv.swing).toBeGreaterThan(money.swing);
  });

  it('property: ordered intervals, P(ROI > 0) in [0, 1], no NaN/Infinity, for any plausible inputs', () => {
    const range = (lo: number, hi: number) =>
      fc
        .tuple(
          fc.double({ min: lo, max: hi, noNaN: true }),
          fc.double({ min: lo, max: hi, noNaN: true }),
          fc.double({ min: lo, max: hi, noNaN: true }),
        )
        .map((v) => v.sort((a, b) => a - b))
        .map(([low, value, high]) => ({ low, value, high }));
    fc.assert(
      fc.property(
        range(0.1, 0.95),
        range(0.001, 0.2),
        range(1000, 20000),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 50 }),
        fc.double({ min: 0, max: 5e7, noNaN: true }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (margin, churn, rate, won, lost, cash, seed) => {
          const u = simulateRoi(
            {
              ...inputs,
              base: { ...base, cashSpend: cash, grossMargin: margin.value, hourlyRate: rate.value },
              winRates: { groups: [{ key: 'proposal', won, lost }], groupOf: { o1: 'proposal', o2: 'proposal' } },
              churn: { kind: 'range', monthlyChurn: churn },
              grossMargin: margin,
              hourlyRate: rate,
            },
            { draws: 50, seed },
          );
          const t = u.trueRoi;
          expect(JSON.stringify(u)).not.toMatch(/NaN|Infinity/);
          expect(t.interval95![0]).toBeLessThanOrEqual(t.interval80![0]);
          expect(t.interval80![1]).toBeLessThanOrEqual(t.interval95![1]);
          expect(t.pPositive).toBeGreaterThanOrEqual(0);
          expect(t.pPositive).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 50 },
    );
  });
});
