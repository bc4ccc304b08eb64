import { afterEach, describe, expect, it } from 'vitest';
import { configSchema } from '../../config/index.js';
import { Store } from '../../store/index.js';
import { makePeriod } from '../period.js';
import type { StageContext } from '../stage.js';
import { attributionStage } from './stage.js';

const period = makePeriod('2026-01-01', '2026-12-31', 'UTC');
let store: Store | undefined;
afterEach(async () => store?.close());

async function ctxWith(sql: string[], config = configSchema.parse({ timeZone: 'UTC' })): Promise<StageContext> {
  store = await Store.memory();
  for (const s of sql) await store.run(s);
  return { store, config, period, issues: [], missing: [] };
}

const DEALS = `INSERT INTO deals (deal_id, account_id, created_at, closed_at, is_closed, is_won, amount, stage, import_id) VALUES
  ('won1', 'a1', TIMESTAMP '2026-02-01 00:00:00', TIMESTAMP '2026-03-01 00:00:00', true, true, 1200, 'closedwon', 1),
  ('open1', 'a2', TIMESTAMP '2026-05-01 00:00:00', NULL, false, false, 800, 'proposal', 1),
  ('lost1', 'a3', TIMESTAMP '2026-02-01 00:00:00', TIMESTAMP '2026-04-01 00:00:00', true, false, 500, 'closedlost', 1),
  ('bare', 'a4', TIMESTAMP '2026-02-01 00:00:00', TIMESTAMP '2026-04-01 00:00:00', true, true, 300, 'closedwon', 1)`;
const PEOPLE = `INSERT INTO people (person_id, account_id, created_at, import_id) VALUES
  ('p1', 'a1', TIMESTAMP '2026-01-20 00:00:00', 1), ('p2', 'a2', TIMESTAMP '2026-04-01 00:00:00', 1), ('p3', 'a3', TIMESTAMP '2026-01-10 00:00:00', 1)`;
const TOUCHES = `INSERT INTO touchpoints (person_id, occurred_at, source, medium, import_id) VALUES
  ('p1', TIMESTAMP '2026-01-05 00:00:00', 'twitter', 'social', 1),
  ('p1', TIMESTAMP '2026-01-25 00:00:00', 'google', 'organic', 1),
  ('p2', TIMESTAMP '2026-04-20 00:00:00', 'twitter', 'cpc', 1),
  ('p3', TIMESTAMP '2026-01-11 00:00:00', 'newsletter', 'email', 1)`;

describe('attributionStage', () => {
  it("gives X's share of every won and open deal under the primary model, and every model side by side", async () => {
    const ctx = await ctxWith([DEALS, PEOPLE, TOUCHES]);
    const res = await attributionStage(ctx, {
      deals: [
        {
          dealId: 'won1',
          accountId: 'a1',
          createdAt: null,
          closedAt: null,
          stage: 'closedwon',
          isClosed: true,
          isWon: true,
          amount: 1200,
          mrr: null,
          contractMonths: null,
          dealType: null,
          sourceChannel: null,
        },
        {
          dealId: 'open1',
          accountId: 'a2',
          createdAt: null,
          closedAt: null,
          stage: 'proposal',
          isClosed: false,
          isWon: false,
          amount: 800,
          mrr: null,
          contractMonths: null,
          dealType: null,
          sourceChannel: null,
        },
        {
          dealId: 'lost1',
          accountId: 'a3',
          createdAt: null,
          closedAt: null,
          stage: 'closedlost',
          isClosed: true,
          isWon: false,
          amount: 500,
          mrr: null,
          contractMonths: null,
          dealType: null,
          sourceChannel: null,
        },
        {
          dealId: 'bare',
          accountId: 'a4',
          createdAt: null,
          closedAt: null,
          stage: 'closedwon',
          isClosed: true,
          isWon: true,
          amount: 300,
          mrr: null,
          contractMonths: null,
          dealType: null,
          sourceChannel: 'x_organic',
        },
      ],
    });
    // linear (the default primary): won1 = twitter + organic → 0.5; open1 = x paid only → 1; lost1 = email → 0
    expect(res.primaryShares).toEqual({ won1: 0.5, open1: 1, lost1: 0, bare: 1 });
    expect(res.hasTouches).toBe(true);
    expect(res.section.primaryModel).toBe('linear');
    expect(res.section.journeys).toEqual({ total: 3, converted: 1, touches: 4 });
    expect(res.section.models.map((m) => m.model)).toContain('markov');
    expect(res.section.models.map((m) => m.model)).toContain('expected-value');
    expect(res.paidX).toBeNull(); // paid X touched only the open deal
    const ev = res.section.models.find((m) => m.model === 'expected-value')!;
    // won1 counts 1 (value 1200), open1 counts P(won | proposal) = 0 (no closed deal was in proposal)
    expect(ev.byChannel.reduce((a, c) => a + c.value, 0)).toBeCloseTo(1200, 9);
    expect(res.section.xShare.min).toBeLessThanOrEqual(res.section.xShare.max!);
    expect(res.section.xShare.byModel['first']).toBe(1);
    expect(res.section.xShare.byModel['last']).toBe(0);
    expect(res.touchesByDeal.get('won1')!.touches.map((t) => t.channel)).toEqual(['x_organic', 'organic_search']);
  });

  it('an unknown primary model is a warning and falls back to linear', async () => {
    const ctx = await ctxWith(
      [DEALS, PEOPLE, TOUCHES],
      configSchema.parse({ timeZone: 'UTC', attribution: { model: 'magic' } }),
    );
    const res = await attributionStage(ctx);
    expect(res.section.primaryModel).toBe('linear');
    expect(ctx.issues.map((i) => i.code)).toEqual(['attribution_unknown_model']);
  });

  it('without touches it says what to import and falls back to the CRM source', async () => {
    const ctx = await ctxWith([DEALS]);
    const res = await attributionStage(ctx);
    expect(res.hasTouches).toBe(false);
    expect(res.primaryShares['won1']).toBe(0);
    expect(ctx.missing.map((m) => m.section)).toEqual(['attribution']);
  });

  it('uses touchpoint conversions when there are no deals (public MTA layout)', async () => {
    const ctx = await ctxWith([
      `INSERT INTO touchpoints (person_id, occurred_at, channel_raw, kind, is_conversion, conversion_value, import_id) VALUES
        ('c1', TIMESTAMP '2026-09-01 00:00:00', 'Facebook', 'impression', false, NULL, 1),
        ('c1', TIMESTAMP '2026-09-02 00:00:00', 'X (旧Twitter)', 'conversion', true, 7, 1),
        ('c2', TIMESTAMP '2026-09-02 00:00:00', 'Facebook', 'impression', false, NULL, 1)`,
    ]);
    const res = await attributionStage(ctx);
    expect(res.section.level).toBe('person');
    expect(res.section.journeys).toEqual({ total: 2, converted: 1, touches: 3 });
    expect(res.section.xShare.byModel['last']).toBe(1);
    expect(res.section.xShare.byModel['first']).toBe(0);
  });
});
