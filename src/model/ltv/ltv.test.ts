import { describe, it, expect } from 'vitest';
import { parseConfig } from '../../config/index.js';
import { computeLtv } from './ltv.js';
import { discountedLifetimeMonths } from './lifetime-months.js';
import { createRng } from '../uncertainty/random.js';
import { simulateSbgCohorts } from './simulate.js';

const config = parseConfig({ currency: 'JPY' });
const won = (i: number, mrr: number | null, amount = 1_200_000, currency: string | null = 'JPY') => ({
  accountId: `acc${i}`,
  closedAt: Date.UTC(2025, 0, 1),
  isWon: true,
  contractMonths: null,
  amount,
  mrr,
  dealType: 'New Business',
  currency,
});

describe('computeLtv', () => {
  it('falls back to the config churn when there are no renewal data, and says so', () => {
    const s = computeLtv(
      { deals: [won(1, 100_000), won(2, 50_000), won(3, null, 2_400_000)], retention: [], asOf: Date.UTC(2025, 6, 1) },
      config,
    );
    expect(s.method).toBe('constant_churn');
    expect(s.arpa.value).toBeCloseTo((100_000 + 50_000 + 200_000) / 3, 6);
    expect(s.assumptions).toContain('assumption.default_contract_months');
    expect(s.fallbacks.map((f) => f.key)).toEqual(['fallback.no_cohorts', 'fallback.churn_from_config']);
    const months = discountedLifetimeMonths(
      { kind: 'constant', monthlyChurn: 0.02 },
      { annualDiscountRate: 0.1, horizonMonths: 60 },
    );
    expect(s.discountedLifetimeMonths).toBeCloseTo(months, 10);
    expect(s.ltvPerCustomer.value).toBeCloseTo(s.arpa.value! * 0.75 * months, 6);
    expect(s.simpleLtv.value).toBeCloseTo(s.arpa.value! * 0.75 * 50, 6);
    expect(JSON.stringify(s)).not.toMatch(/NaN|Infinity/);
  });

  it('leaves deals in another currency out of ARPA', () => {
    const s = computeLtv(
      { deals: [won(1, 100_000), won(2, 900, 10_800, 'USD')], retention: [], asOf: Date.UTC(2025, 6, 1) },
      config,
    );
    expect(s.arpa.value).toBe(100_000);
    expect(s.arpaDeals).toBe(1);
  });

  it('fits the sBG to a retention table and converts annual periods', () => {
    const rng = createRng(3);
    const cohorts = simulateSbgCohorts({ alpha: 1.2, beta: 4 }, { customers: 400, periods: 5, cohorts: 4, rng });
    const retention = cohorts.flatMap((c, k) =>
      c.map((active, period) => ({ segment: null, cohort: String(2020 + k), period, active })),
    );
    const s = computeLtv({ deals: [won(1, 100_000)], retention, asOf: Date.UTC(2025, 6, 1) }, config);
    expect(s.method).toBe('sbg');
    expect(s.reason).toBe('ltv.method.sbg_retention');
    expect(s.fit!.periodMonths).toBe(12);
    expect(s.fit!.customers).toBe(1600);
    expect(s.fit!.standardErrors.alpha).toBeGreaterThan(0);
    const months = discountedLifetimeMonths(
      { kind: 'sbg', params: { alpha: s.fit!.alpha, beta: s.fit!.beta }, periodMonths: 12 },
      { annualDiscountRate: 0.1, horizonMonths: 60 },
    );
    expect(s.discountedLifetimeMonths).toBeCloseTo(months, 10);
    expect(s.monthlyChurn.value).toBeGreaterThan(0);
  });

  it('does not use a fit on too few customers', () => {
    const retention = [
      { segment: null, cohort: '2023', period: 0, active: 10 },
      { segment: null, cohort: '2023', period: 1, active: 7 },
    ];
    const s = computeLtv({ deals: [], retention, asOf: Date.UTC(2025, 6, 1) }, config);
    expect(s.method).toBe('constant_churn');
    expect(s.fallbacks[0]).toEqual({ key: 'fallback.too_few_customers', params: { source: 'retention', min: 20 } });
    expect(s.arpa).toEqual({ value: null, reason: 'reason.no_recurring_deals' });
    expect(s.ltvPerCustomer.value).toBeNull();
  });
  it('uses one churn per period from the counts when renewals show no heterogeneity', () => {
    const retention = [10000, 9000, 8100, 7290].map((active, period) => ({
      segment: null,
      cohort: '2022',
      period,
      active,
    }));
    const s = computeLtv({ deals: [won(1, 100_000)], retention, asOf: Date.UTC(2025, 6, 1) }, config);
    expect(s.method).toBe('geometric');
    expect(s.fit).toBeNull();
    expect(s.geometric).toMatchObject({ decisions: 27100, churns: 2710, periodMonths: 12 });
    expect(s.geometric!.churnPerPeriod).toBeCloseTo(0.1, 12);
    const [lo, hi] = s.geometric!.interval;
    expect(lo).toBeLessThan(0.1);
    expect(hi).toBeGreaterThan(0.1);
    expect(s.fallbacks[0]!.key).toBe('fallback.sbg_homogeneous');
    const months = discountedLifetimeMonths(
      { kind: 'periodic', churn: 0.1, periodMonths: 12 },
      { annualDiscountRate: 0.1, horizonMonths: 60 },
    );
    expect(s.discountedLifetimeMonths).toBeCloseTo(months, 10);
    // 12 × (1 + 0.9/1.1 + … + (0.9/1.1)^4)
    expect(months).toBeCloseTo((12 * (1 - (0.9 / 1.1) ** 5)) / (1 - 0.9 / 1.1), 10);
  });
  it('applies expansion measured at CRM renewals to the lifetime, and takes ARPA from new subscriptions only', () => {
    const day = 86_400_000;
    const y = 365.2425 * day;
    const t0 = Date.UTC(2022, 0, 10);
    const deals = Array.from({ length: 40 }, (_, i) => {
      const base = { accountId: `a${i}`, isWon: true, contractMonths: 12, mrr: null, currency: 'JPY' };
      const out = [{ ...base, closedAt: t0 + i * day, amount: 1_200_000, dealType: 'New Business' }];
      // 30 of 40 renew once at +10 %; the others churn
      if (i < 30) out.push({ ...base, closedAt: t0 + i * day + y, amount: 1_320_000, dealType: 'Renewal' });
      return out;
    }).flat();
    const s = computeLtv({ deals, retention: [], asOf: t0 + 1.5 * y }, config);
    expect(s.arpa.value).toBe(100_000);
    expect(s.expansion).toMatchObject({ decisions: 40, renewalsWithAmounts: 30, applied: true });
    expect(s.expansion!.growthPerPeriod).toBeCloseTo(0.1, 12);
    expect(s.expansion!.nrr.value).toBeCloseTo((30 * 1.32) / 40 / 1.2, 12);
    expect(s.expansion!.grr.value).toBeCloseTo(0.75, 12);
    expect(s.monthlyGrowth).toBeCloseTo(1.1 ** (1 / 12) - 1, 12);
    expect(s.assumptions).toContain('assumption.expansion_from_renewals');
    // the lifetime includes the growth: one renewal period observed, so the churn is homogeneous (25 %)
    const months = discountedLifetimeMonths(
      { kind: 'periodic', churn: 0.25, periodMonths: 12 },
      { annualDiscountRate: 0.1, horizonMonths: 60, monthlyGrowth: s.monthlyGrowth },
    );
    expect(s.method).toBe('geometric');
    expect(s.discountedLifetimeMonths).toBeCloseTo(months, 9);
  });
  it('fits each segment of the retention table separately (Fader & Hardie 2007: Regular and High End)', () => {
    const table = {
      regular: [1000, 631, 468, 382, 326, 289, 262, 241],
      high: [1000, 869, 743, 653, 593, 551, 517, 491],
      tiny: [10, 8, 7],
    };
    const retention = Object.entries(table).flatMap(([segment, active]) =>
      active.map((n, period) => ({ segment, cohort: '2000', period, active: n })),
    );
    const s = computeLtv({ deals: [], retention, asOf: 0 }, config);
    expect(s.segments.map((x) => x.segment)).toEqual(['high', 'regular', 'tiny']);
    const [high, regular, tiny] = s.segments;
    expect(high!.alpha).toBeCloseTo(0.668, 3);
    expect(regular!.beta).toBeCloseTo(1.182, 3);
    expect(high!.discountedLifetimeMonths!).toBeGreaterThan(regular!.discountedLifetimeMonths!);
    expect(tiny).toMatchObject({ method: null, reason: 'fallback.too_few_customers', discountedLifetimeMonths: null });
    expect(s.fit!.customers).toBe(2010);
  });
});
