import { describe, it, expect } from 'vitest';
import { cohortsFromDeals, cohortsFromRetention, periodMonthsFromLabels } from './cohorts.js';

describe('cohortsFromRetention', () => {
  it('groups rows by cohort, sorts periods and reads the period length from the labels', () => {
    const rows = [
      { segment: null, cohort: '2023', period: 1, active: 80 },
      { segment: null, cohort: '2023', period: 0, active: 100 },
      { segment: null, cohort: '2024', period: 0, active: 50 },
      { segment: null, cohort: '2023', period: 2, active: 70 },
      { segment: null, cohort: '2024', period: 1, active: 41 },
    ];
    const r = cohortsFromRetention(rows);
    expect(r.cohorts.map((c) => c.active)).toEqual([
      [100, 80, 70],
      [50, 41],
    ]);
    expect(r.periodMonths).toBe(12);
    expect(r.notes).toEqual([]);
  });
  it('reports cohorts without period 0, rising counts, and unreadable labels', () => {
    const r = cohortsFromRetention([
      { segment: null, cohort: 'a', period: 1, active: 5 },
      { segment: null, cohort: 'b', period: 0, active: 5 },
      { segment: null, cohort: 'b', period: 1, active: 6 },
      { segment: null, cohort: 'c', period: 0, active: 5 },
      { segment: null, cohort: 'c', period: 1, active: 4 },
    ]);
    expect(r.notes.map((n) => n.code)).toEqual([
      'retention_no_period0',
      'retention_increasing',
      'retention_period_unknown',
    ]);
    expect(r.cohorts).toHaveLength(1);
    expect(r.periodMonths).toBe(1);
  });
  it.each([
    [['2024-01', '2024-02'], 1],
    [['2024-Q1', '2024Q2'], 3],
    [['FY2023', '2024'], 12],
    [['2024年4月'], 1],
    [['spring', '2024'], null],
  ] as const)('%j → %s months', (labels, months) => {
    expect(periodMonthsFromLabels(labels)).toBe(months);
  });
});

describe('cohortsFromDeals', () => {
  const day = 86_400_000;
  const t0 = Date.UTC(2022, 0, 15);
  const y = 365.2425 * day;
  it('counts renewals per account and groups accounts by observable renewals', () => {
    const deals = [
      // a: acquired 2022, renewed 2023 and 2024
      { accountId: 'a', closedAt: t0, isWon: true, contractMonths: 12 },
      { accountId: 'a', closedAt: t0 + y - 10 * day, isWon: true, contractMonths: 12 },
      { accountId: 'a', closedAt: t0 + 2 * y + 5 * day, isWon: true, contractMonths: 12 },
      // b: acquired 2022, never renewed (a later win-back is ignored)
      { accountId: 'b', closedAt: t0, isWon: true, contractMonths: 12 },
      { accountId: 'b', closedAt: t0 + 2 * y, isWon: true, contractMonths: 12 },
      // c: acquired 2023, renewed once
      { accountId: 'c', closedAt: t0 + y, isWon: true, contractMonths: 12 },
      { accountId: 'c', closedAt: t0 + 2 * y, isWon: true, contractMonths: 12 },
      // d: acquired recently, nothing observable yet; e: lost deals do not count
      { accountId: 'd', closedAt: t0 + 2.9 * y, isWon: true, contractMonths: 12 },
      { accountId: 'e', closedAt: t0, isWon: false, contractMonths: 12 },
    ];
    const r = cohortsFromDeals(deals, { asOf: t0 + 3 * y - 60 * day });
    // a and b: 2 observable renewals; c: 1
    expect(r.periodMonths).toBe(12);
    expect(r.cohorts).toEqual([
      [1, 1],
      [2, 1, 1],
    ]);
    expect(r.customers).toBe(3);
    expect(r.renewals).toBe(3);
    expect(r.churned).toBe(1);
  });
  it('matches renewal-typed deals to each subscription of an account, closest anniversary first', () => {
    const deals = [
      { accountId: 'a', closedAt: t0, isWon: true, contractMonths: 12, dealType: 'New Business' },
      { accountId: 'a', closedAt: t0 + 100 * day, isWon: true, contractMonths: 12, dealType: 'New Business' },
      // renewal of the first subscription only; the second churns at its first renewal
      { accountId: 'a', closedAt: t0 + y + 3 * day, isWon: true, contractMonths: 12, dealType: 'Existing Business' },
      // an upsell typed as new business does not count as a renewal
      { accountId: 'b', closedAt: t0, isWon: true, contractMonths: 12, dealType: 'New Business' },
      { accountId: 'b', closedAt: t0 + y, isWon: true, contractMonths: 12, dealType: 'New Business' },
    ];
    const r = cohortsFromDeals(deals, { asOf: t0 + y + 200 * day });
    // subscriptions a1, a2, b1 have one observable renewal; b2 none yet
    expect(r.cohorts).toEqual([[3, 1]]);
    expect(r.renewals).toBe(1);
    expect(r.churned).toBe(2);
  });
  it('measures revenue retention at renewals: NRR = renewed ÷ start, GRR = retained ÷ start', () => {
    const deals = [
      { accountId: 'a', closedAt: t0, isWon: true, contractMonths: 12, dealType: 'New Business', amount: 1000 },
      { accountId: 'a', closedAt: t0 + y, isWon: true, contractMonths: 12, dealType: 'Renewal', amount: 1200 },
      { accountId: 'b', closedAt: t0, isWon: true, contractMonths: 12, dealType: 'New Business', amount: 1000 },
      { accountId: 'b', closedAt: t0 + y, isWon: true, contractMonths: 12, dealType: 'Renewal', amount: 900 },
      { accountId: 'c', closedAt: t0, isWon: true, contractMonths: 12, dealType: 'New Business', amount: 2000 },
    ];
    const r = cohortsFromDeals(deals, { asOf: t0 + y + 100 * day });
    expect(r.revenue).toEqual({
      decisions: 3,
      start: 4000,
      renewed: 2100,
      retained: 1900,
      matched: 2,
      matchedBefore: 2000,
      matchedAfter: 2100,
    });
  });
});
