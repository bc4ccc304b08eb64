/**
 * Crash test: an import killed with SIGKILL part-way (once while the file streams, once as the rows
 * are written to the store by the DuckDB reader). A fresh open of the store shows exactly the state before that import,
 * and the same import then succeeds.
 */
import { describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../../src/config/index.js';
import { importFiles } from '../../src/ingest/index.js';
import { Store } from '../../src/store/index.js';
import { snapshot } from './import-helpers.js';

const config = parseConfig({ privacy: { salt: 'crash' } });
const child = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const ROWS = 250_000;

async function writeTouchpoints(file: string): Promise<void> {
  const ws = createWriteStream(file);
  ws.write('customer_id,time,interaction,conversion,conversion_value,channel\n');
  const chunk: string[] = [];
  for (let i = 0; i < ROWS; i++) {
    const t = new Date(Date.UTC(2026, 3, 1) + i * 37_000).toISOString().replace('.000', '');
    chunk.push(
      `C${i % 5000},${t},${i % 50 === 0 ? 'conversion' : 'impression'},${i % 50 === 0 ? 1 : 0},${i % 50 === 0 ? 4.5 : 0},${['X', 'Paid Search', 'Email'][i % 3]}`,
    );
    if (chunk.length === 10_000) {
      if (!ws.write(`${chunk.join('\n')}\n`)) await new Promise<void>((r) => ws.once('drain', () => r()));
      chunk.length = 0;
    }
  }
  await new Promise<void>((r) => ws.end(`${chunk.join('\n')}\n`, () => r()));
}

/** Run the child and SIGKILL it when `when(line)` says so. Resolves with the lines it printed. */
function runAndKill(
  storePath: string,
  file: string,
  engine: 'js' | 'duckdb',
  when: (line: string) => boolean,
): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child, storePath, file, engine], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    let buf = '';
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let i: number;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        lines.push(line);
        if (when(line)) p.kill('SIGKILL');
      }
    });
    p.on('error', reject);
    p.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve(lines) : reject(new Error(`child ended (${code}) without being killed: ${err}`)),
    );
  });
}

describe('import killed part-way', () => {
  it('leaves the store as it was, and the same import then succeeds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xroi-crash-'));
    try {
      const storePath = join(dir, 'xroi.duckdb');
      const big = join(dir, 'touchpoints-big.csv');
      await writeTouchpoints(big);
      const s0 = await Store.open(storePath);
      await importFiles(
        s0,
        [fileURLToPath(new URL('../../fixtures/exports/x-posts-current-en.csv', import.meta.url))],
        config,
      );
      const before = await snapshot(s0);
      s0.close();

      // 1. killed while streaming, about a third of the way in
      const read = await runAndKill(storePath, big, 'js', (l) => {
        const m = /^read (\d+) (\d+)$/.exec(l);
        return !!m && Number(m[1]) > Number(m[2]) / 3;
      });
      expect(read.some((l) => l.startsWith('read'))).toBe(true);
      expect(read).not.toContain('done');
      const s1 = await Store.open(storePath);
      expect(await snapshot(s1)).toEqual(before);
      s1.close();

      // 2. killed as the rows go into the store (DuckDB's reader)
      const load = await runAndKill(storePath, big, 'duckdb', (l) => l === 'load');
      expect(load).toContain('load');
      expect(load).not.toContain('done');
      const s2 = await Store.open(storePath);
      expect(await snapshot(s2)).toEqual(before);

      // 3. the same import now succeeds
      const r = await importFiles(s2, [big], config);
      expect(r.files[0]).toMatchObject({ status: 'imported', rowsStored: ROWS });
      expect(await s2.scalar('SELECT count(*) FROM touchpoints')).toBe(ROWS);
      s2.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
