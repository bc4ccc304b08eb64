import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { cohorts, funnelBlock, funnelCounts, sourceQuality, velocity, type LeadProgress } from './funnel.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);

const lead = fc
  .record({
    isTrueLead: fc.boolean(),
    isOpportunity: fc.boolean(),
    isWon: fc.boolean(),
    open: fc.boolean(),
    xTouched: fc.boolean(),
    month: fc.constantFrom('2026-01', '2026-02', '2026-03'),
    sourceChannel: fc.constantFrom('x_organic', 'search', 'direct'),
    leadDay: fc.integer({ min: 0, max: 80 }),
  })
  .map((r, i = 0): LeadProgress => ({
    personId: `p${i}`,
    leadAt: T0 + r.leadDay * DAY,
    trueLeadAt: r.isTrueLead ? T0 + (r.leadDay + 1) * DAY : null,
    isTrueLead: r.isTrueLead,
    opportunityAt: r.isOpportunity ? T0 + (r.leadDay + 5) * DAY : null,
    isOpportunity: r.isOpportunity,
    wonAt: r.isWon ? T0 + (r.leadDay + 30) * DAY : null,
    isWon: r.isWon,
    outcomeOpen: r.isOpportunity && !r.isWon && r.open,
    sourceChannel: r.sourceChannel,
    xTouched: r.xTouched,
    month: r.month,
  }));

describe('funnel: open opportunities are censored in the rates into won', () => {
  const mk = (i: number, won: boolean, open: boolean): LeadProgress => ({
    personId: `p${i}`,
    leadAt: T0,
    trueLeadAt: T0,
    isTrueLead: true,
    opportunityAt: T0 + DAY,
    isOpportunity: true,
    wonAt: won ? T0 + 30 * DAY : null,
    isWon: won,
    outcomeOpen: !won && open,
    sourceChannel: 'x',
    xTouched: false,
    month: '2026-01',
  });
  // 2 won, 2 lost, 6 still open: 2 of 4 decided, not 2 of 10
  const leads = [
    ...[0, 1].map((i) => mk(i, true, false)),
    ...[2, 3].map((i) => mk(i, false, false)),
    ...[4, 5, 6, 7, 8, 9].map((i) => mk(i, false, true)),
  ];
  it('opportunity → won and lead → won count decided opportunities only; counts keep everyone', () => {
    const b = funnelBlock(leads);
    expect(b.counts.map((c) => c.count)).toEqual([10, 10, 10, 2]);
    expect([b.steps[2]!.wilson.successes, b.steps[2]!.wilson.trials, b.steps[2]!.open]).toEqual([2, 4, 6]);
    expect(b.steps[2]!.wilson.rate).toBe(0.5);
    expect(b.steps[2]!.jeffreys.trials).toBe(4);
    expect([b.overall.wilson.trials, b.overall.open]).toEqual([4, 6]);
    expect([b.steps[0]!.open, b.steps[1]!.open]).toEqual([0, 0]);
  });
  it('cohort and source win rates censor open opportunities too', () => {
    const [row] = cohorts(leads);
    expect([row!.won, row!.openOpportunities, row!.winRate.trials]).toEqual([2, 6, 4]);
    expect(sourceQuality(leads)[0]!.winRate.trials).toBe(4);
  });
});

describe('funnel (properties)', () => {
  it('counts never increase along the funnel and rates lie in their intervals within [0, 1]', () => {
    fc.assert(
      fc.property(fc.array(lead, { maxLength: 80 }), (leads) => {
        const b = funnelBlock(leads);
        const c = b.counts.map((x) => x.count);
        const monotone = c.every((v, i) => i === 0 || v <= c[i - 1]!);
        const inside = [...b.steps, b.overall].every(
          (s) =>
            s.wilson.trials === 0 ||
            (s.wilson.low! <= s.wilson.rate! &&
              s.wilson.rate! <= s.wilson.high! &&
              s.wilson.low! >= 0 &&
              s.wilson.high! <= 1),
        );
        const open = leads.filter((l) => l.isTrueLead && l.isOpportunity && l.outcomeOpen).length;
        const censored = b.steps[2]!.wilson.trials === c[2]! - open && b.overall.wilson.trials === c[0]! - open;
        return monotone && inside && censored && c[0] === leads.length;
      }),
    );
  });
  it('cohorts, sources and the X split add up to the whole funnel', () => {
    fc.assert(
      fc.property(fc.array(lead, { maxLength: 80 }), (leads) => {
        const total = funnelCounts(leads).map((x) => x.count);
        const byMonth = cohorts(leads);
        const bySource = sourceQuality(leads);
        const sum = (rows: { leads: number; trueLeads: number; opportunities: number; won: number }[]) =>
          [0, 0, 0, 0].map((_, i) => rows.reduce((s, r) => s + [r.leads, r.trueLeads, r.opportunities, r.won][i]!, 0));
        const x = funnelCounts(leads.filter((l) => l.xTouched)).map((v) => v.count);
        const notX = funnelCounts(leads.filter((l) => !l.xTouched)).map((v) => v.count);
        return (
          JSON.stringify(sum(byMonth)) === JSON.stringify(total) &&
          JSON.stringify(sum(bySource)) === JSON.stringify(total) &&
          JSON.stringify(x.map((v, i) => v + notX[i]!)) === JSON.stringify(total)
        );
      }),
    );
  });
});

describe('velocity', () => {
  it('treats open deals as censored (Kaplan–Meier) and leaves lost deals out', () => {
    const until = T0 + 100 * DAY;
    const deals = [
      { createdAt: T0, closedAt: T0 + 10 * DAY, isWon: true, isClosed: true },
      { createdAt: T0 + 80 * DAY, closedAt: null, isWon: false, isClosed: false }, // open 20 days: censored at 20
      { createdAt: T0, closedAt: T0 + 30 * DAY, isWon: true, isClosed: true },
      { createdAt: T0 + 60 * DAY, closedAt: null, isWon: false, isClosed: false }, // censored at 40
      { createdAt: T0, closedAt: T0 + 50 * DAY, isWon: true, isClosed: true },
      { createdAt: T0, closedAt: T0 + 5 * DAY, isWon: false, isClosed: true }, // lost: left out
    ];
    const v = velocity([], deals, until).find((s) => s.key === 'opportunity_to_won')!;
    // same hand-checked curve as the KM unit test: S = 0.8, 0.5333, 0 at 10, 30, 50
    expect(v).toEqual({
      key: 'opportunity_to_won',
      medianDays: 50,
      method: 'kaplan-meier',
      n: 5,
      events: 3,
      censored: 2,
      completedOnlyMedianDays: 30,
    });
  });
  it('observed medians for lead → opportunity', () => {
    const mk = (d: number, opp: number | null): LeadProgress => ({
      personId: String(d),
      leadAt: T0,
      trueLeadAt: null,
      isTrueLead: true,
      opportunityAt: opp === null ? null : T0 + opp * DAY,
      isOpportunity: opp !== null,
      wonAt: null,
      isWon: false,
      outcomeOpen: false,
      sourceChannel: 'x',
      xTouched: false,
      month: '2026-01',
    });
    const v = velocity([mk(1, 4), mk(2, 10), mk(3, null), mk(4, 20)], [], T0).find(
      (s) => s.key === 'lead_to_opportunity',
    )!;
    expect([v.medianDays, v.n, v.method]).toEqual([10, 3, 'observed']);
  });
});
