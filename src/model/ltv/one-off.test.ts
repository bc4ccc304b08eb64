import { describe, it, expect } from 'vitest';
import { dealRevenue, oneOffLifetimeValue } from './one-off.js';

const o = { defaultContractMonths: 12 };
describe('dealRevenue', () => {
  it('prefers MRR, then contract months, then the default contract', () => {
    expect(dealRevenue({ amount: 1200, mrr: 50, contractMonths: 12, dealType: null }, o)).toEqual({
      monthlyRevenue: 50,
      oneOff: false,
      basis: 'mrr',
    });
    expect(dealRevenue({ amount: 1200, mrr: null, contractMonths: 24, dealType: null }, o)).toEqual({
      monthlyRevenue: 50,
      oneOff: false,
      basis: 'contract',
    });
    expect(dealRevenue({ amount: 1200, mrr: null, contractMonths: null, dealType: 'New Business' }, o)).toEqual({
      monthlyRevenue: 100,
      oneOff: false,
      basis: 'default_contract',
    });
  });
  it.each(['One-off', 'one time', 'Professional Services', '単発', 'スポット契約', '初期費用'])(
    'treats "%s" as one-off',
    (dealType) => {
      expect(dealRevenue({ amount: 500, mrr: null, contractMonths: null, dealType }, o).oneOff).toBe(true);
    },
  );
  it('one-off lifetime value is amount × margin', () => {
    expect(oneOffLifetimeValue(300_000, 0.8)).toBe(240_000);
  });
});
