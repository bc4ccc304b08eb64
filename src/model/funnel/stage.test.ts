import { describe, it, expect, afterAll } from 'vitest';
import { parseConfig } from '../../config/index.js';
import { periodOf } from './store-fixture.js';
import type { StageContext } from '../stage.js';
import type { Store } from '../../store/index.js';
import { storeWith, type Rows } from './store-fixture.js';
import { funnelStage } from './stage.js';
import { funnelSummary } from './summary.js';
import { translator } from '../../messages/index.js';

// Six leads in the period, one before it. Expected nested funnel with the default rules:
//   leads 6 (a b c d e f) → true leads 5 (a: MQL, b: demo request, c: SQL, d: webinar, e: has a deal, so
//   reached the opportunity stage, though it only filled a form) → opportunities 4 (a b c e) → won 1 (a).
//   f is a plain lead.
const tables = {
  people: [
    {
      person_id: 'a',
      created_at: '2026-01-05 00:00:00',
      original_source: 'Social media',
      original_source_d1: 'Twitter',
      employees: 300,
      country: 'JP',
    },
    { person_id: 'b', created_at: '2026-01-20 00:00:00', utm_source: 'google', utm_medium: 'cpc' },
    { person_id: 'c', created_at: '2026-02-03 00:00:00', utm_source: 'x', utm_medium: 'social' },
    { person_id: 'd', created_at: '2026-02-10 00:00:00', original_source: 'Organic search' },
    { person_id: 'e', created_at: '2026-02-11 00:00:00', original_source: 'Organic search' },
    { person_id: 'f', created_at: '2026-03-01 00:00:00', original_source: 'Direct traffic' },
    { person_id: 'old', created_at: '2025-05-01 00:00:00', original_source: 'Direct traffic' },
    // a newsletter subscriber is not a lead
    {
      person_id: 'sub',
      created_at: '2026-02-15 00:00:00',
      lifecycle_stage: 'Subscriber',
      original_source: 'Direct traffic',
    },
  ],
  lifecycle: [
    { person_id: 'a', stage: 'Marketing Qualified Lead', entered_at: '2026-01-07 00:00:00' },
    { person_id: 'c', stage: 'SQL', entered_at: '2026-02-04 00:00:00' },
  ],
  touchpoints: [
    { person_id: 'b', occurred_at: '2026-01-21 00:00:00', kind: 'demo_request', source: 'google' },
    { person_id: 'd', occurred_at: '2026-02-12 00:00:00', kind: 'webinar', referrer: 'https://t.co/xyz' },
    { person_id: 'e', occurred_at: '2026-02-11 00:00:00', kind: 'form', source: 'google' },
  ],
  deals: [
    {
      deal_id: 'W',
      created_at: '2026-01-15 00:00:00',
      closed_at: '2026-02-14 00:00:00',
      stage: 'closedwon',
      is_closed: true,
      is_won: true,
      amount: 100,
    },
    {
      deal_id: 'O',
      created_at: '2026-02-01 00:00:00',
      stage: 'proposal',
      is_closed: false,
      is_won: false,
      amount: 100,
    },
    {
      deal_id: 'O2',
      created_at: '2026-02-20 00:00:00',
      stage: 'proposal',
      is_closed: false,
      is_won: false,
      amount: 100,
    },
    {
      deal_id: 'L',
      created_at: '2026-02-25 00:00:00',
      closed_at: '2026-03-05 00:00:00',
      stage: 'closedlost',
      is_closed: true,
      is_won: false,
      amount: 100,
    },
  ],
  deal_contacts: [
    { deal_id: 'W', person_id: 'a' },
    { deal_id: 'O', person_id: 'b' },
    { deal_id: 'O2', person_id: 'c' },
    { deal_id: 'L', person_id: 'e' },
  ],
};

const stores: Store[] = [];
afterAll(() => stores.forEach((s) => s.close()));

async function run(over: Record<string, unknown> = {}, extra: Rows = {}) {
  const merged: Rows = Object.fromEntries(
    Object.entries(tables).map(([k, rows]) => [k, [...(rows as Rows[string]), ...(extra[k] ?? [])]]),
  );
  const store = await storeWith(merged);
  stores.push(store);
  const ctx: StageContext = {
    store,
    config: parseConfig({ timeZone: 'UTC', ...over }),
    period: periodOf('2026-01-01', '2026-03-31', 'UTC'),
    issues: [],
    missing: [],
  };
  return funnelStage(ctx);
}

describe('funnelStage on a hand-built store', () => {
  it('counts the nested funnel with the default true-lead rules', async () => {
    const s = await run();
    expect(s.funnel.counts.map((c) => c.count)).toEqual([6, 5, 4, 1]);
    expect(s.trueLeads).toEqual({
      count: 5,
      byRule: [
        { rule: 'stage', count: 4 },
        { rule: 'action', count: 2 },
      ],
    });
    expect(s.opportunitiesNotTrueLead).toBe(0);
    // lead → won: b and c have open deals, so 1 won of the 4 leads whose outcome is not pending
    expect([s.funnel.overall.wilson.trials, s.funnel.overall.open]).toEqual([4, 2]);
    expect(s.funnel.overall.wilson.rate).toBe(0.25);
    // opportunity → won over decided opportunities: a won, e lost
    expect([s.funnel.steps[2]!.wilson.successes, s.funnel.steps[2]!.wilson.trials, s.funnel.steps[2]!.open]).toEqual([
      1, 2, 2,
    ]);
    expect(s.funnel.steps[0]!.jeffreys.method).toBe('jeffreys');
  });

  it('leads are people who came in as leads, not buying-committee members a rep added to a deal', async () => {
    const rep = { original_source: 'Offline Sources', original_source_d1: 'CRM_UI' };
    const s = await run(
      {},
      {
        people: [
          // added by a rep to deal O, lifecycle set straight to Opportunity: not a lead
          { person_id: 'comm1', created_at: '2026-02-02 00:00:00', lifecycle_stage: 'Opportunity', ...rep },
          // the same without lifecycle history: not a lead either
          { person_id: 'comm2', created_at: '2026-02-21 00:00:00', lifecycle_stage: 'opportunity', ...rep },
          // typed in by a rep but marked Lead (a business card): a lead
          { person_id: 'card', created_at: '2026-03-02 00:00:00', lifecycle_stage: 'Lead', ...rep },
          // marketing source, CRM skipped the lead stages: a lead from its first stage entry
          { person_id: 'mk', created_at: '2026-03-03 00:00:00', original_source: 'Organic search' },
        ],
        lifecycle: [
          { person_id: 'comm1', stage: 'Opportunity', entered_at: '2026-02-02 00:00:00' },
          { person_id: 'card', stage: 'Lead', entered_at: '2026-03-02 00:00:00' },
          { person_id: 'mk', stage: '商談', entered_at: '2026-03-03 00:00:00' },
        ],
        deal_contacts: [
          { deal_id: 'O', person_id: 'comm1' },
          { deal_id: 'O2', person_id: 'comm2' },
        ],
      },
    );
    // 6 + card + mk; mk reached the opportunity stage (a true lead), with no deal to decide it
    expect(s.funnel.counts.map((c) => c.count)).toEqual([8, 6, 5, 1]);
    expect(s.funnel.steps[2]!.open).toBe(3);
  });

  it('changes with the rules: all + ICP keeps only the lead that fits', async () => {
    const s = await run({ trueLead: { combine: 'all', actions: [], icp: { employeesMin: 100, countries: ['jp'] } } });
    expect(s.funnel.counts.map((c) => c.count)).toEqual([6, 1, 1, 1]);
  });

  it('builds monthly cohorts by lead-creation month', async () => {
    const s = await run();
    expect(s.cohorts.map((c) => [c.month, c.leads, c.trueLeads, c.opportunities, c.won])).toEqual([
      ['2026-01', 2, 2, 2, 1],
      ['2026-02', 3, 3, 2, 0],
      ['2026-03', 1, 0, 0, 0],
    ]);
    expect(s.chart.monthly[0]).toEqual({
      month: '2026-01',
      leads: 2,
      trueLeadRate: 1,
      opportunityRate: 1,
      winRate: 1, // a won; b's deal is still open (censored)
    });
  });

  it('splits X-touched leads (X source, t.co referrer) from the rest, as a correlation', async () => {
    const s = await run();
    expect(s.xSplit.basis).toBe('correlation');
    // a (HubSpot Social media / Twitter), c (utm_source x), d (t.co referrer)
    expect(s.xSplit.touched.counts.map((c) => c.count)).toEqual([3, 3, 2, 1]);
    expect(s.xSplit.notTouched.counts.map((c) => c.count)).toEqual([3, 2, 2, 0]);
  });

  it('reports lead quality per source channel', async () => {
    const s = await run();
    const x = s.sources.find((r) => r.channel === 'x_organic')!;
    expect([x.leads, x.opportunities, x.won]).toEqual([2, 2, 1]);
    expect(x.winRate.rate).toBe(1); // a won; c's deal is open
    expect(x.winRate.trials).toBe(1);
    expect(s.sources.find((r) => r.channel === 'paid_search')?.leads).toBe(1);
    expect(s.sources.find((r) => r.channel === 'organic_search')?.leads).toBe(2);
  });

  it('measures velocity with the open deals censored', async () => {
    const s = await run();
    const v = s.velocity.find((x) => x.key === 'opportunity_to_won')!;
    // W won after 30 days; O (open 59 days) and O2 (open 40 days) are censored at period end; L lost is left out
    expect([v.n, v.events, v.censored, v.medianDays]).toEqual([3, 1, 2, null]);
    expect(v.completedOnlyMedianDays).toBe(30);
    // deal win rate: W won, L lost (decided); O and O2 open
    expect([s.dealWinRate.decided, s.dealWinRate.won, s.dealWinRate.open, s.dealWinRate.wilson.rate]).toEqual([
      2, 1, 2, 0.5,
    ]);
  });

  it('says what to import when there are no leads', async () => {
    const store = await storeWith({});
    stores.push(store);
    const ctx: StageContext = {
      store,
      config: parseConfig({}),
      period: periodOf('2026-01-01', '2026-03-31', 'UTC'),
      issues: [],
      missing: [],
    };
    const s = await funnelStage(ctx);
    expect(s.reason).toBe('reason.no_leads');
    expect(s.funnel.counts.map((c) => c.count)).toEqual([0, 0, 0, 0]);
    expect(ctx.missing[0]?.section).toBe('funnel');
  });

  it('summarises in a few catalog lines', async () => {
    const s = await run();
    const lines = funnelSummary(s, translator('en'));
    expect(lines[0]).toBe(translator('en')('funnel.title', { leads: 6, trueLeads: 5, opportunities: 4, won: 1 }));
    expect(lines[1]).toContain('25.0 %');
    expect(funnelSummary(s, translator('ja'))[0]).toContain('真のリード 5');
  });
});
