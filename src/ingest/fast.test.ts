import { describe, it, expect } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { parseConfig } from '../config/index.js';
import { ImportError } from '../errors.js';
import { Store } from '../store/index.js';
import { importFiles } from './import.js';

const config = parseConfig({ privacy: { salt: 'fast' } });
const real = fileURLToPath(new URL('../../../shared/data/real/touchpoints-mta.csv', import.meta.url));

async function both(file: string) {
  const out: { engine: string; rows: unknown[] }[] = [];
  for (const engine of ['js', 'duckdb'] as const) {
    const store = await Store.memory();
    const r = await importFiles(store, [file], config, { engine });
    out.push({
      engine: r.files[0]!.engine,
      rows: await store.query('SELECT * EXCLUDE (import_id) FROM touchpoints ORDER BY ALL'),
    });
    store.close();
  }
  return out;
}

describe('DuckDB fast path for touchpoints', () => {
  it('stores exactly what the JS path stores (real MTA file)', async () => {
    const [js, duck] = await both(real);
    expect(js!.engine).toBe('js');
    expect(duck!.engine).toBe('duckdb');
    expect(duck!.rows).toHaveLength(62483);
    expect(duck!.rows).toEqual(js!.rows);
  });

  it('stores exactly what the JS path stores (e-mails, offsets, wall times, 12.0 ids, semicolons)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xroi-fast-'));
    try {
      const lines = ['person_id;email;occurred_at;kind;channel;source;conversion;conversion_value;account_id'];
      for (let i = 0; i < 500; i++) {
        const at =
          i % 3 === 0
            ? `2026-04-${String(1 + (i % 28)).padStart(2, '0')}T10:${String(i % 60).padStart(2, '0')}:05+09:00`
            : i % 3 === 1
              ? `2026-04-02 09:${String(i % 60).padStart(2, '0')}`
              : `2026-04-03T01:02:03.5Z`;
        lines.push(
          `${i % 4 === 0 ? '' : `${i}.0`};${i % 4 === 0 ? `User${i}@Example.com` : ''};${at};${['Webinar', 'visit', 'conversion', ''][i % 4]};X;${i % 2 ? 'x' : ''};${i % 5 === 0 ? 'yes' : ''};${i % 7 === 0 ? '1.234,5' : ''};${i % 9 === 0 ? '77' : ''}`,
        );
      }
      lines.push(';;;;;;;;', '');
      const file = join(dir, 'tp.csv');
      writeFileSync(file, lines.join('\n'));
      const [js, duck] = await both(file);
      expect(duck!.engine).toBe('duckdb');
      expect(duck!.rows).toHaveLength(500);
      expect(duck!.rows).toEqual(js!.rows);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a UTF-16 file through a temp UTF-8 copy, with the same result', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xroi-fast-'));
    try {
      const lines = ['customer_id\ttime\tinteraction\tconversion\tconversion_value\tchannel'];
      for (let i = 0; i < 300; i++)
        lines.push(
          `顧客${i % 40}\t2026-04-0${1 + (i % 9)}T0${i % 10}:00:00Z\t${i % 30 ? 'impression' : 'conversion'}\t${i % 30 ? 0 : 1}\t${i % 30 ? 0 : 4.5}\tＸ広告`,
        );
      const file = join(dir, 'tp16.csv');
      writeFileSync(file, iconv.encode(`${lines.join('\r\n')}\r\n`, 'utf-16le', { addBOM: true }));
      const [js, duck] = await both(file);
      expect(duck!.engine).toBe('duckdb');
      expect(duck!.rows).toHaveLength(300);
      expect(duck!.rows).toEqual(js!.rows);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('steps aside for the JS path when a value is unusual, which locates it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xroi-fast-'));
    try {
      const file = join(dir, 'tp.csv');
      writeFileSync(file, 'person_id,occurred_at,channel\n1,2026-04-01T10:00:00Z,X\n2,2026/4/1 10:00,X\n3,someday,X\n');
      const store = await Store.memory();
      const err = await importFiles(store, [file], config, { engine: 'duckdb' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ImportError);
      expect((err as ImportError).issues[0]).toMatchObject({
        code: 'bad_date',
        path: { line: 4, column: 2 },
        value: 'someday',
      });
      expect(await store.scalar('SELECT count(*) FROM touchpoints')).toBe(0);
      writeFileSync(file, 'person_id,occurred_at,channel\n1,2026-04-01T10:00:00Z,X\n2,2026/4/1 10:00,X\n');
      const ok = await importFiles(store, [file], config, { engine: 'duckdb' });
      expect(ok.files[0]).toMatchObject({ engine: 'js', rowsStored: 2 });
      store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
