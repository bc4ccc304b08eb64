import { describe, it, expect } from 'vitest';
import { Store } from '../store/index.js';
import { makePeriod } from './period.js';
import { periodCoverage, outOfPeriodIssues } from './coverage.js';

describe('period coverage', () => {
  it('names tables whose rows all lie outside the period, and undated ones', async () => {
    const s = await Store.memory();
    await s.run(
      `INSERT INTO touchpoints (occurred_at, kind, import_id) VALUES (TIMESTAMP '2018-07-01 10:00:00', 'visit', 1)`,
    );
    await s.run(`INSERT INTO costs (date, category, amount, import_id) VALUES (DATE '2026-01-15', 'tools', 5, 1)`);
    await s.run(`INSERT INTO web_daily (date, sessions, import_id) VALUES (NULL, 10, 1)`);
    const period = makePeriod('2025-04-01', '2026-03-31', 'Asia/Tokyo');
    const cov = await periodCoverage(s, period);
    expect(cov.find((c) => c.table === 'costs')).toMatchObject({ rows: 1, inPeriod: 1 });
    const issues = outOfPeriodIssues(cov, period);
    expect(issues.map((i) => i.code).sort()).toEqual(['table_outside_period', 'table_undated']);
    expect(issues.find((i) => i.code === 'table_outside_period')?.message).toContain(
      'touchpoints (2018-07-01 – 2018-07-01)',
    );
    expect(issues.find((i) => i.code === 'table_undated')?.message).toContain('web-daily');
    s.close();
  });
});
