import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseConfig } from '../../config/index.js';
import { computeCost, type CostRow } from './cost.js';

const period = { start: '2026-01-01', end: '2026-03-31', startMs: Date.UTC(2026, 0, 1), endMs: Date.UTC(2026, 3, 1) };
const row = (r: Partial<CostRow>): CostRow => ({
  date: '2026-01-10',
  category: 'tools',
  channel: 'x',
  amount: null,
  currency: 'JPY',
  hours: null,
  hourlyRate: null,
  ...r,
});

describe('computeCost', () => {
  it('prorates a row that covers days outside the period (an annual licence) by days', () => {
    const config = parseConfig({ currency: 'JPY' });
    const { section, notes } = computeCost(
      {
        costs: [
          // 2025-10-01 … 2026-09-30 is 365 days; 90 of them (Jan–Mar 2026) are in the period
          row({ category: 'tools', amount: 365_000, date: '2025-10-01', periodEnd: '2026-09-30' }),
          // a monthly retainer inside the period counts in full
          row({ category: 'agency', amount: 100_000, date: '2026-02-01', periodEnd: '2026-02-28' }),
          row({ category: 'labor', hours: 100, date: '2025-12-17', periodEnd: '2026-01-15' }),
        ],
        adSpend: [],
      },
      config,
      period,
    );
    expect(section.byCategory.tools).toBeCloseTo(90_000, 6);
    expect(section.byCategory.agency).toBe(100_000);
    expect(section.labor.hours).toBeCloseTo(50, 9);
    expect(section.byMonth.map((m) => [m.month, Math.round(m.tools), Math.round(m.labor)])).toEqual([
      ['2026-01', 31_000, 250_000],
      ['2026-02', 28_000, 0],
      ['2026-03', 31_000, 0],
    ]);
    expect(notes.proratedRows).toBe(2);
  });

  it('sums cash by category and month, labor from the time log, and opportunity cost', () => {
    const config = parseConfig({ currency: 'JPY', opportunityCost: { enabled: true, benchmarkRoi: 0.5 } });
    const { section, notes } = computeCost(
      {
        costs: [
          row({ category: 'tools', amount: 30_000 }),
          row({ category: 'content', amount: 100_000, date: '2026-02-03' }),
          row({ category: 'agency', amount: 200_000, date: '2026-03-01' }),
          row({ category: 'labor', hours: 10, hourlyRate: 6000 }),
          row({ category: 'labor', hours: 20, date: '2026-02-01' }), // config rate 5000
          row({ category: 'labor', amount: 50_000, date: '2026-03-01' }), // 10 h at the config rate
          row({ category: 'tools', amount: 999, channel: 'linkedin' }), // other channel
          row({ category: 'tools', amount: 999, date: '2025-12-31' }), // outside the period
          row({ category: 'swag', amount: 5_000 }),
        ],
        adSpend: [
          { date: '2026-01-05', spend: 40_000, currency: 'JPY' },
          { date: '2026-02-05', spend: 60_000, currency: null },
        ],
      },
      config,
      period,
    );
    expect(section.byCategory).toEqual({
      ads: 100_000,
      tools: 30_000,
      content: 100_000,
      agency: 200_000,
      other: 5_000,
    });
    expect(section.adPlatformSpend).toBe(100_000);
    expect(section.cash).toBe(435_000);
    expect(section.labor).toMatchObject({
      source: 'time_log',
      hours: 40,
      cost: 60_000 + 100_000 + 50_000,
      hoursAtConfigRate: 20,
    });
    expect(section.labor.hourlyRate).toBeCloseTo(210_000 / 40, 9);
    expect(section.opportunity).toEqual({ enabled: true, benchmarkRoi: 0.5, amount: 0.5 * (435_000 + 210_000) });
    expect(section.full).toBeCloseTo(1.5 * 645_000, 6);
    expect(section.byMonth.map((m) => [m.month, m.total])).toEqual([
      ['2026-01', 40_000 + 30_000 + 60_000 + 5_000],
      ['2026-02', 100_000 + 60_000 + 100_000],
      ['2026-03', 200_000 + 50_000],
    ]);
    expect(section.byMonth.reduce((s, m) => s + m.total, 0)).toBeCloseTo(section.cash + section.labor.cost, 6);
    expect(notes.unknownCategories).toEqual(['swag']);
  });

  it('uses the labor assumption when there is no time log, and spreads it over the months', () => {
    const config = parseConfig({ labor: { people: 2, hoursPerWeek: 10 } });
    const { section } = computeCost({ costs: [], adSpend: [] }, config, period);
    const weeks = 90 / 7;
    expect(section.labor.source).toBe('assumption');
    expect(section.labor.hours).toBeCloseTo(2 * 10 * weeks, 9);
    expect(section.labor.cost).toBeCloseTo(2 * 10 * weeks * 5000, 6);
    expect(section.byMonth.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(section.byMonth[1]!.labor / section.labor.cost).toBeCloseTo(28 / 90, 9);
    expect(section.opportunity.amount).toBe(0);
  });

  it('leaves other currencies out (no FX guessing) and flags ads counted twice', () => {
    const config = parseConfig({ currency: 'JPY' });
    const { section, notes } = computeCost(
      {
        costs: [row({ category: 'ads', amount: 10_000 }), row({ category: 'tools', amount: 50, currency: 'USD' })],
        adSpend: [
          { date: '2026-01-05', spend: 40_000, currency: 'JPY' },
          { date: '2026-01-06', spend: 300, currency: 'usd' },
        ],
      },
      config,
      period,
    );
    expect(section.excluded).toEqual([{ currency: 'USD', rows: 2, amount: 350 }]);
    expect(section.byCategory.ads).toBe(50_000);
    expect(notes.adsOverlapMonths).toEqual(['2026-01']);
    expect(section.labor.source).toBe('none');
  });

  it('property: months add up to cash + labor; only reporting-currency X rows in the period count', () => {
    const config = parseConfig({ currency: 'JPY', labor: { people: 1, hoursPerWeek: 5 } });
    const day = fc
      .integer({ min: 0, max: 120 })
      .map((d) => new Date(Date.UTC(2025, 11, 1) + d * 86_400_000).toISOString().slice(0, 10));
    const costRow = fc.record({
      date: day,
      category: fc.constantFrom('ads', 'tools', 'content', 'agency', 'other', 'labor', 'misc'),
      channel: fc.constantFrom('x', 'X', 'linkedin'),
      amount: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
      currency: fc.constantFrom('JPY', null, 'USD'),
      hours: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
      hourlyRate: fc.option(fc.integer({ min: 1000, max: 9000 }), { nil: null }),
    });
    const adRow = fc.record({
      date: day,
      spend: fc.integer({ min: 0, max: 100_000 }),
      currency: fc.constantFrom('JPY', null, 'USD'),
    });
    fc.assert(
      fc.property(fc.array(costRow, { maxLength: 40 }), fc.array(adRow, { maxLength: 40 }), (costs, adSpend) => {
        const { section } = computeCost({ costs, adSpend }, config, period);
        const months = section.byMonth.reduce((s, m) => s + m.total, 0);
        expect(months).toBeCloseTo(section.cash + section.labor.cost, 6);
        expect(section.full).toBeCloseTo(section.cash + section.labor.cost + section.opportunity.amount, 6);
        const inPeriod = (d: string) => d >= period.start && d <= period.end;
        const jpyAds = adSpend.filter((a) => inPeriod(a.date) && a.currency !== 'USD').reduce((s, a) => s + a.spend, 0);
        expect(section.adPlatformSpend).toBe(jpyAds);
        for (const m of section.byMonth) expect(m.month >= '2026-01' && m.month <= '2026-03').toBe(true);
        expect(JSON.stringify(section)).not.toMatch(/NaN|Infinity/);
      }),
    );
  });
});
