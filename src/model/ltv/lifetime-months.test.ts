import { describe, it, expect } from 'vitest';
import { discountedLifetimeMonths, equivalentMonthlyChurn } from './lifetime-months.js';
import { sbgDel } from './shifted-beta-geometric.js';
import { periodRate } from './discounted.js';

describe('discountedLifetimeMonths', () => {
  it('constant churn 2 %, no discount, no cap → 50 months (1/c)', () => {
    expect(
      discountedLifetimeMonths(
        { kind: 'constant', monthlyChurn: 0.02 },
        { annualDiscountRate: 0, horizonMonths: Number.POSITIVE_INFINITY },
      ),
    ).toBeCloseTo(50, 9);
  });
  it('caps at the horizon and discounts', () => {
    const m = discountedLifetimeMonths(
      { kind: 'constant', monthlyChurn: 0.02 },
      { annualDiscountRate: 0.1, horizonMonths: 60 },
    );
    expect(m).toBeLessThan(50);
    let explicit = 0;
    const q = 0.98 / (1 + periodRate(0.1, 1));
    for (let t = 0; t < 60; t++) explicit += q ** t;
    expect(m).toBeCloseTo(explicit, 10);
  });
  it('annual sBG periods carry 12 months each: 12 × DEL over the horizon, at the annual rate', () => {
    const p = { alpha: 0.668, beta: 3.806 };
    const m = discountedLifetimeMonths(
      { kind: 'sbg', params: p, periodMonths: 12 },
      { annualDiscountRate: 0.1, horizonMonths: 12 * 3000 },
    );
    expect(m).toBeCloseTo(12 * sbgDel(p, 0.1), 6);
    const capped = discountedLifetimeMonths(
      { kind: 'sbg', params: p, periodMonths: 12 },
      { annualDiscountRate: 0.1, horizonMonths: 60 },
    );
    expect(capped).toBeCloseTo(12 * sbgDel(p, 0.1, 5), 10);
  });
  it('a monthly sBG period uses the monthly rate', () => {
    const p = { alpha: 1, beta: 30 };
    const m = discountedLifetimeMonths(
      { kind: 'sbg', params: p, periodMonths: 1 },
      { annualDiscountRate: 0.1, horizonMonths: 60 },
    );
    expect(m).toBeCloseTo(sbgDel(p, periodRate(0.1, 1), 60), 10);
  });
  it('equivalentMonthlyChurn inverts the constant-churn months', () => {
    const o = { annualDiscountRate: 0.1, horizonMonths: 60 };
    const m = discountedLifetimeMonths({ kind: 'constant', monthlyChurn: 0.035 }, o);
    expect(equivalentMonthlyChurn(m, o)).toBeCloseTo(0.035, 8);
    expect(equivalentMonthlyChurn(61, o)).toBeNull();
  });
});
