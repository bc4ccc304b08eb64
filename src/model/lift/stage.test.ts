import { describe, it, expect } from 'vitest';
import { parseConfig } from '../../config/index.js';
import { storeWith, type Rows } from '../funnel/store-fixture.js';
import type { StageContext } from '../stage.js';
import type { Store } from '../../store/index.js';
import { addDays, dayStartMs } from '../../time.js';
import { createRng } from './random.js';
import { liftStage } from './stage.js';

const START = '2025-01-01';
const DAYS = 200;
const LAUNCH = 150; // index of the first post-period day

function ctxFor(store: Store, lift: Record<string, unknown> = {}): StageContext {
  const config = parseConfig({ timeZone: 'UTC', lift: { draws: 300, ...lift }, uncertainty: { seed: 9 } });
  const start = addDays(START, 120);
  const end = addDays(START, DAYS - 1);
  return {
    store,
    config,
    period: { start, end, startMs: dayStartMs(start, 'UTC'), endMs: dayStartMs(addDays(end, 1), 'UTC') },
    issues: [],
    missing: [],
  };
}

/** Search Console rows by query, with a branded lift of `lift` clicks a day from LAUNCH on. */
function searchRows(lift: number): Rows['search_daily'] {
  const rng = createRng(4);
  const rows: Record<string, unknown>[] = [];
  let level = 60;
  for (let i = 0; i < DAYS; i++) {
    const date = addDays(START, i);
    level += rng.normal() * 0.5;
    const market = 200 + 20 * Math.sin(i / 9) + rng.normal() * 5;
    const brand = Math.max(0, Math.round(level + 0.2 * (market - 200) + rng.normal() * 3 + (i >= LAUNCH ? lift : 0)));
    // brand clicks split over spellings: ASCII, full-width, kana
    rows.push({ date, query: 'xroi', clicks: Math.round(brand * 0.6), impressions: 1000 });
    rows.push({ date, query: 'ＸＲＯＩ 料金', clicks: Math.round(brand * 0.25), impressions: 300 });
    rows.push({
      date,
      query: 'えっくすろい',
      clicks: brand - Math.round(brand * 0.6) - Math.round(brand * 0.25),
      impressions: 100,
    });
    rows.push({ date, query: 'roi 計算 b2b', clicks: Math.round(market), impressions: 9000 });
  }
  return rows;
}

function webRows(): Rows['web_daily'] {
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < DAYS; i++) {
    const date = addDays(START, i);
    rows.push({ date, source: '(direct)', medium: '(none)', sessions: 100 + (i % 7) });
    rows.push({ date, source: 't.co', medium: 'referral', sessions: 20 + (i % 3) });
    rows.push({ date, source: 'google', medium: 'organic', sessions: 300 });
  }
  return rows;
}

describe('liftStage', () => {
  it('measures a planted branded-search lift, classifies spellings, and values it with an interval', async () => {
    const people = Array.from({ length: 100 }, (_, i) => ({
      person_id: `p${i}`,
      created_at: `${addDays(START, 130 + (i % 60))} 10:00:00`,
    }));
    const deals = Array.from({ length: 10 }, (_, i) => ({
      deal_id: `d${i}`,
      is_won: true,
      is_closed: true,
      closed_at: `${addDays(START, 140 + i)} 10:00:00`,
    }));
    const store = await storeWith({ search_daily: searchRows(25), web_daily: webRows(), people, deals });
    const ctx = ctxFor(store, {
      brandPatterns: ['xroi', 'エックスロイ'],
      interventions: [{ name: 'program start', start: addDays(START, LAUNCH) }],
      series: ['branded_search', 'direct', 'x_referral'],
    });
    const s = await liftStage(ctx, { ltvGrossProfitPerCustomer: 1_000_000 });
    store.close();
    expect(s.missing).toBeNull();
    expect(s.intervention).toEqual({ name: 'program start', start: '2025-05-31', end: null, source: 'config' });
    const b = s.series.find((x) => x.series === 'branded_search')!;
    expect(b.controls).toEqual(['nonbranded_search']);
    expect(b.prePeriod).toEqual({ start: START, end: addDays(START, LAUNCH - 1), days: LAUNCH });
    expect(b.postPeriod.days).toBe(DAYS - LAUNCH);
    // planted: 25 clicks a day over 50 days = 1250
    const c = b.summary.cumulative;
    expect(c.absEffectLower).toBeLessThan(1250);
    expect(c.absEffectUpper).toBeGreaterThan(1250);
    expect(b.summary.significant).toBe(true);
    expect(b.daily).toHaveLength(DAYS);
    expect(b.effectInPeriod.days).toBe(DAYS - LAUNCH);
    expect(s.series.map((x) => x.series).sort()).toEqual(['branded_search', 'direct', 'x_referral']);
    const direct = s.series.find((x) => x.series === 'direct')!;
    expect(direct.summary.significant).toBe(false);
    // visits and clicks are counts: no series' chart band goes below zero
    for (const x of s.series) for (const d of x.daily) expect(d.lower, x.series).toBeGreaterThanOrEqual(0);
    // valuation: visits → leads from the store (100 people / sessions in the period), leads → won 10/100
    expect(s.value).not.toBeNull();
    expect(s.value!.visitToLead.source).toBe('store');
    expect(s.value!.leadToWon).toMatchObject({ source: 'store', numerator: 10, denominator: 100 });
    expect(s.value!.samples).toHaveLength(270);
    expect(s.value!.low).toBeLessThan(s.value!.value);
    expect(s.value!.high).toBeGreaterThan(s.value!.value);
    expect(JSON.stringify(s)).not.toMatch(/NaN|Infinity/);
  });

  it('is deterministic for a seed', async () => {
    const run = async () => {
      const store = await storeWith({ search_daily: searchRows(10) });
      const s = await liftStage(
        ctxFor(store, { brandPatterns: ['xroi'], interventions: [{ name: 'p', start: addDays(START, LAUNCH) }] }),
        {
          ltvGrossProfitPerCustomer: 100,
        },
      );
      store.close();
      return JSON.stringify(s);
    };
    expect(await run()).toBe(await run());
  });

  it('uses total clicks when the export has no query column, and the first X Ads day as the intervention', async () => {
    const rows = searchRows(0)
      .filter((r) => r.query === 'xroi')
      .map((r) => ({ ...r, query: null }));
    const ads = [
      { date: addDays(START, 160), spend: 0, campaign_name: 'spring' },
      { date: addDays(START, LAUNCH), spend: 5000, campaign_name: 'spring' },
      { date: addDays(START, LAUNCH + 3), spend: 5000, campaign_name: 'spring' },
      { date: addDays(START, LAUNCH + 10), spend: 2000, campaign_name: 'webinar' },
    ];
    const store = await storeWith({ search_daily: rows, ad_daily: ads });
    const s = await liftStage(ctxFor(store));
    store.close();
    expect(s.notes.map((n) => n.code)).toEqual(expect.arrayContaining(['lift.total_clicks', 'lift.ads_intervention']));
    expect(s.intervention).toMatchObject({ start: addDays(START, LAUNCH), source: 'ads' });
    expect(s.interventions.slice(1)).toEqual([
      { name: 'spring', start: addDays(START, LAUNCH), end: addDays(START, LAUNCH + 3), source: 'ads' },
      { name: 'webinar', start: addDays(START, LAUNCH + 10), end: addDays(START, LAUNCH + 10), source: 'ads' },
    ]);
    expect(s.series[0]!.controls).toEqual([]);
    expect(s.value).toBeNull(); // no LTV given
  });

  it('says what is missing instead of throwing', async () => {
    const empty = await storeWith({});
    const ctx = ctxFor(empty);
    const a = await liftStage(ctx, { ltvGrossProfitPerCustomer: 1 });
    expect(a.missing?.code).toBe('lift.need.series');
    expect(ctx.missing.map((m) => m.section)).toEqual(['lift']);
    empty.close();

    const store = await storeWith({ search_daily: searchRows(0) });
    const b = await liftStage(ctxFor(store, { brandPatterns: ['xroi'] }));
    expect(b.missing?.code).toBe('lift.need.intervention');
    const c = await liftStage(
      ctxFor(store, { brandPatterns: ['xroi'], interventions: [{ name: 'early', start: addDays(START, 5) }] }),
    );
    expect(c.missing?.code).toBe('lift.need.pre');
    const d = await liftStage(ctxFor(store, { interventions: [{ name: 'p', start: addDays(START, LAUNCH) }] }));
    expect(d.notes.map((n) => n.code)).toContain('lift.no_brand_patterns');
    store.close();
  });

  it('handles a series of zeros and a control with gaps without NaN', async () => {
    const x = Array.from({ length: DAYS }, (_, i) => ({ date: addDays(START, i), new_follows: 0 }));
    // no search rows at all on day 10 (and day 160): the response is missing there, the control is kept
    const search = searchRows(0).filter((r) => r.date !== addDays(START, 10) && r.date !== addDays(START, 160));
    const store = await storeWith({ x_daily: x, search_daily: search });
    const s = await liftStage(
      ctxFor(store, { brandPatterns: ['xroi'], interventions: [{ name: 'p', start: addDays(START, LAUNCH) }] }),
      { ltvGrossProfitPerCustomer: 1000 },
    );
    store.close();
    const f = s.series.find((r) => r.series === 'x_followers')!;
    expect(f.summary.cumulative.actual).toBe(0);
    expect(f.summary.significant).toBe(false);
    expect(JSON.stringify(s)).not.toMatch(/NaN|Infinity/);
    const b = s.series.find((r) => r.series === 'branded_search')!;
    expect(b.controls).toEqual(['nonbranded_search']);
    expect(b.daily[10]!.actual).toBeNull();
    expect(b.summary.postPoints).toBe(DAYS - LAUNCH - 1);
  });
});
