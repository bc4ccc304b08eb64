import { describe, it, expect } from 'vitest';
import { expansionGrowthPerMonth, grossRevenueRetention, netRevenueRetention } from './expansion.js';

describe('NRR and GRR (REFERENCE §6 worked example)', () => {
  const m = { start: 100_000, expansion: 15_000, contraction: 3_000, churned: 7_000 };
  it('start $100k, expansion $15k, contraction $3k, churn $7k → NRR 105 %, GRR 90 %', () => {
    expect(netRevenueRetention(m).value).toBeCloseTo(1.05, 12);
    expect(grossRevenueRetention(m).value).toBeCloseTo(0.9, 12);
  });
  it('survivor growth compounds to NRR/GRR over the window', () => {
    const g = expansionGrowthPerMonth(1.05, 0.9, 12).value!;
    expect((1 + g) ** 12).toBeCloseTo(1.05 / 0.9, 12);
  });
  it('null with a reason when there is no starting revenue', () => {
    expect(netRevenueRetention({ ...m, start: 0 })).toEqual({ value: null, reason: 'reason.no_starting_revenue' });
  });
});
