import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { constantRetentionPeriods, discountedLtv, marginMultiple, monthlyRate, periodRate } from './discounted.js';

describe('margin multiples (Gupta & Lehmann 2003; REFERENCE §6, derived table)', () => {
  const table: [number, number[]][] = [
    [0.6, [1.2, 1.15, 1.11, 1.07]],
    [0.7, [1.75, 1.67, 1.59, 1.52]],
    [0.8, [2.67, 2.5, 2.35, 2.22]],
    [0.9, [4.5, 4.09, 3.75, 3.46]],
  ];
  it.each(table)('r = %d at d = 10, 12, 14, 16 %%', (r, row) => {
    [0.1, 0.12, 0.14, 0.16].forEach((d, i) => expect(Number(marginMultiple(r, d).toFixed(2))).toBe(row[i]));
  });
  it('first margin now: m(1 + d)/(1 + d − r)', () => {
    expect(marginMultiple(0.8, 0.1, { firstMarginNow: true })).toBeCloseTo(1.1 / 0.3, 12);
    expect(constantRetentionPeriods(0.8, 0.1, Number.POSITIVE_INFINITY)).toBeCloseTo(1.1 / 0.3, 12);
  });
});

describe('discounted LTV', () => {
  it('property: the closed form equals the explicit sum over the horizon', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.integer({ min: 1, max: 200 }),
        (r, d, H) => {
          const survival = Array.from({ length: H }, (_, t) => r ** t);
          const sum = discountedLtv({ arpa: 1, grossMargin: 1, survival, discountRate: d });
          expect(constantRetentionPeriods(r, d, H)).toBeCloseTo(sum, 8);
        },
      ),
    );
  });
  it('expansion raises the value; growth g and retention r enter as g·r', () => {
    const survival = Array.from({ length: 24 }, (_, t) => 0.95 ** t);
    const flat = discountedLtv({ arpa: 100, grossMargin: 0.8, survival, discountRate: 0.01 });
    const grown = discountedLtv({ arpa: 100, grossMargin: 0.8, survival, discountRate: 0.01, growth: 0.01 });
    expect(grown).toBeGreaterThan(flat);
    expect(grown).toBeCloseTo(80 * constantRetentionPeriods(0.95, 0.01, 24, 0.01), 9);
  });
  it('converts an annual rate to a monthly one by compounding, not by dividing by 12', () => {
    expect((1 + monthlyRate(0.1)) ** 12).toBeCloseTo(1.1, 12);
    expect(periodRate(0.1, 12)).toBeCloseTo(0.1, 12);
    expect(monthlyRate(0.1)).toBeLessThan(0.1 / 12);
  });
});
