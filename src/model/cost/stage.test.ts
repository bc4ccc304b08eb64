import { describe, it, expect, afterEach } from 'vitest';
import { parseConfig } from '../../config/index.js';
import { Store } from '../../store/index.js';
import type { StageContext } from '../stage.js';
import { costStage } from './stage.js';

let store: Store | undefined;
afterEach(() => store?.close());
const period = { start: '2026-01-01', end: '2026-03-31', startMs: Date.UTC(2026, 0, 1), endMs: Date.UTC(2026, 3, 1) };

describe('costStage', () => {
  it('reads costs and ad spend in the period and warns about other currencies', async () => {
    store = await Store.memory();
    await store.run(`INSERT INTO costs (date, category, channel, amount, currency, hours, hourly_rate, import_id) VALUES
      ('2026-01-10', 'tools', 'x', 30000, 'JPY', NULL, NULL, 1),
      ('2026-02-10', 'labor', 'x', NULL, NULL, 12, NULL, 1),
      ('2026-02-10', 'tools', 'x', 20, 'USD', NULL, NULL, 1),
      ('2026-04-10', 'tools', 'x', 99999, 'JPY', NULL, NULL, 1)`);
    // an annual licence paid before the period: a quarter of it falls in the period
    await store.run(`INSERT INTO costs (date, period_end, category, channel, amount, currency, import_id) VALUES
      ('2025-10-01', '2026-09-30', 'tools', 'x', 365000, 'JPY', 1)`);
    await store.run(`INSERT INTO ad_daily (date, campaign_id, spend, currency, import_id) VALUES
      ('2026-01-05', 'c1', 1000, 'JPY', 1), ('2026-01-05', 'c2', 500, 'JPY', 1), ('2025-12-31', 'c1', 777, 'JPY', 1)`);
    const ctx: StageContext = { store, config: parseConfig({ locale: 'en' }), period, issues: [], missing: [] };
    const s = await costStage(ctx);
    expect(s.byCategory.ads).toBe(1500);
    expect(s.byCategory.tools).toBeCloseTo(30000 + 90000, 6);
    expect(s.labor).toMatchObject({ source: 'time_log', hours: 12, cost: 60000 });
    expect(ctx.issues.map((i) => i.code)).toEqual(['cost_other_currency', 'cost_prorated']);
    expect(ctx.issues[0]!.message).toContain('USD');
  });
  it('on an empty store asks for costs and warns that labor is missing', async () => {
    store = await Store.memory();
    const ctx: StageContext = { store, config: parseConfig({}), period, issues: [], missing: [] };
    const s = await costStage(ctx);
    expect(s.full).toBe(0);
    expect(ctx.issues.map((i) => i.code)).toEqual(['cost_no_labor']);
    expect(ctx.missing.map((m) => m.section)).toEqual(['cost']);
  });
});
