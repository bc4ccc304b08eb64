import { describe, it, expect } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store, SCHEMA_VERSION } from './index.js';

const CANONICAL = [
  'posts',
  'post_daily',
  'ad_daily',
  'people',
  'accounts',
  'touchpoints',
  'deals',
  'deal_stages',
  'lifecycle',
  'web_daily',
  'search_daily',
  'costs',
  'retention',
  'imports',
];

describe('Store', () => {
  it('creates every canonical table of DESIGN §5 with the schema version', async () => {
    const s = await Store.memory();
    const tables = (await s.query<{ table_name: string }>('SELECT table_name FROM information_schema.tables')).map(
      (r) => r.table_name,
    );
    for (const t of CANONICAL) expect(tables).toContain(t);
    expect(await s.schemaVersion()).toBe(SCHEMA_VERSION);
    s.close();
  });

  it('converts BIGINT, DATE and TIMESTAMP to plain JS values', async () => {
    const s = await Store.memory();
    const [r] = await s.query(
      "SELECT 9007199254740991::BIGINT AS b, DATE '2026-04-01' AS d, TIMESTAMP '2026-09-18 12:00:00' AS t, 1.25::DECIMAL(10,2) AS m",
    );
    expect(r).toEqual({ b: 9007199254740991, d: '2026-04-01', t: '2026-09-18T12:00:00.000Z', m: 1.25 });
    s.close();
  });

  it('rolls a failed transaction back completely', async () => {
    const s = await Store.memory();
    await expect(
      s.transaction(async (tx) => {
        await tx.run(
          "INSERT INTO costs (date, category, amount, import_id) VALUES (DATE '2026-04-01', 'tools', 100, 1)",
        );
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await s.scalar('SELECT count(*) FROM costs')).toBe(0);
    s.close();
  });

  it('persists to a file, reopens read-only, and refuses a missing file in read-only mode', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xroi-store-'));
    const path = join(dir, 'sub', 'x.duckdb');
    const s = await Store.open(path);
    await s.append('costs', ['date', 'category', 'amount', 'import_id'], [['2026-04-01', 'tools', 5, 1]]);
    s.close();
    const r = await Store.open(path, { readOnly: true });
    expect(await r.scalar('SELECT sum(amount) FROM costs')).toBe(5);
    await expect(
      r.run("INSERT INTO costs (date, category, import_id) VALUES (DATE '2026-01-01','x',1)"),
    ).rejects.toThrow();
    r.close();
    await expect(Store.open(join(dir, 'none.duckdb'), { readOnly: true })).rejects.toMatchObject({
      code: 'store_missing',
    });
  });
});
