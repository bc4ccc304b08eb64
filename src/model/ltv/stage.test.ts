import { describe, it, expect, afterEach } from 'vitest';
import { parseConfig } from '../../config/index.js';
import { Store } from '../../store/index.js';
import type { StageContext } from '../stage.js';
import { ltvStage } from './stage.js';

let store: Store | undefined;
afterEach(() => store?.close());

const period = { start: '2025-04-01', end: '2026-03-31', startMs: Date.UTC(2025, 3, 1), endMs: Date.UTC(2026, 3, 1) };

describe('ltvStage', () => {
  it('reads deals and the retention table from the store', async () => {
    store = await Store.memory();
    await store.run(`INSERT INTO deals (deal_id, account_id, closed_at, is_won, is_closed, amount, mrr, currency, import_id) VALUES
      ('d1', 'a1', '2025-05-01 00:00:00', true, true, 1200000, 100000, 'JPY', 1),
      ('d2', 'a2', '2025-06-01 00:00:00', true, true, 600000, NULL, 'JPY', 1),
      ('d3', 'a3', '2025-06-01 00:00:00', true, true, 5000, NULL, 'USD', 1)`);
    const rows: string[] = [];
    const counts = [
      [200, 150, 120, 104],
      [200, 148, 119],
      [200, 152],
    ];
    counts.forEach((c, k) => c.forEach((n, t) => rows.push(`(NULL, '${2022 + k}', ${t}, ${n}, 1)`)));
    await store.run(`INSERT INTO retention (segment, cohort, period, active, import_id) VALUES ${rows.join(',')}`);
    const ctx: StageContext = { store, config: parseConfig({ locale: 'en' }), period, issues: [], missing: [] };
    const s = await ltvStage(ctx);
    expect(s.method).toBe('sbg');
    expect(s.fit!.cohorts).toBe(3);
    expect(s.arpa.value).toBeCloseTo((100_000 + 50_000) / 2, 6);
    expect(ctx.issues.map((i) => i.code)).toEqual(['ltv_other_currency']);
  });

  it('on an empty store, falls back and asks for deals', async () => {
    store = await Store.memory();
    const ctx: StageContext = { store, config: parseConfig({}), period, issues: [], missing: [] };
    const s = await ltvStage(ctx);
    expect(s.method).toBe('constant_churn');
    expect(ctx.missing).toHaveLength(1);
  });
});
