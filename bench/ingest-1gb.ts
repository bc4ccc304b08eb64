/**
 * Import throughput and peak memory on a generated touchpoints CSV (docs/formats.md layout,
 * ~1 GB by default), beside DuckDB's own `read_csv` of the same file as the floor, each in its own
 * process. Target: xroi at least half the floor's MB/s, peak RSS under 1.5 GB.
 *
 *   npm run bench -- ingest-1gb
 *   INGEST_BENCH_MB=100 npm run bench -- ingest-1gb     (a quick run on a smaller file)
 *
 * The file is generated into a temp folder (removed afterwards).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CHANNELS = ['X', 'Paid Search', 'Email', 'Organic Search', 'Webinar', 'Online Display'];
const KINDS = ['visit', 'impression', 'form', 'email_click', 'ad_click', 'webinar'];

async function generate(file: string, targetBytes: number): Promise<number> {
  const ws = createWriteStream(file);
  ws.write('person_id,occurred_at,kind,channel,source,medium,campaign,conversion,conversion_value\n');
  let bytes = 0;
  let i = 0;
  const start = Date.UTC(2025, 3, 1);
  while (bytes < targetBytes) {
    const lines: string[] = [];
    for (let k = 0; k < 20_000; k++, i++) {
      const conv = i % 97 === 0;
      const t = new Date(start + ((i * 7919) % 31_536_000) * 1000).toISOString().replace('.000', '');
      lines.push(
        `P${(i * 31) % 2_000_000},${t},${conv ? 'conversion' : KINDS[i % 6]},${CHANNELS[i % 6]},${i % 3 === 0 ? 'x' : 'google'},${i % 2 ? 'social' : 'cpc'},spring-${i % 40},${conv ? 1 : 0},${conv ? 120000 : ''}`,
      );
    }
    const chunk = `${lines.join('\n')}\n`;
    bytes += Buffer.byteLength(chunk);
    if (!ws.write(chunk)) await new Promise<void>((r) => ws.once('drain', () => r()));
  }
  await new Promise<void>((r) => ws.end(() => r()));
  return i;
}

function run(mode: 'floor' | 'import', file: string, dir: string): { seconds: number; maxRssMB: number; rows: number } {
  const child = fileURLToPath(new URL('./lib/ingest-child.ts', import.meta.url));
  const r = spawnSync(process.execPath, ['--import', 'tsx', child, mode, file, join(dir, `${mode}.duckdb`)], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`${mode} run failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as { seconds: number; maxRssMB: number; rows: number };
}

export default async function bench(): Promise<void> {
  const mb = Number(process.env.INGEST_BENCH_MB ?? 1024);
  const dir = mkdtempSync(join(tmpdir(), 'xroi-bench-ingest-'));
  try {
    const file = join(dir, 'touchpoints.csv');
    const rows = await generate(file, mb * 1024 * 1024);
    const size = statSync(file).size / (1024 * 1024);
    console.log(`file: ${size.toFixed(0)} MB, ${rows.toLocaleString('en-US')} rows`);
    const floor = run('floor', file, dir);
    const xroi = run('import', file, dir);
    const line = (name: string, r: { seconds: number; maxRssMB: number; rows: number }) =>
      console.log(
        `${name.padEnd(18)} ${r.seconds.toFixed(1).padStart(7)} s ${(size / r.seconds).toFixed(1).padStart(8)} MB/s  peak RSS ${r.maxRssMB.toFixed(0).padStart(5)} MB  rows ${r.rows}`,
      );
    line('duckdb read_csv', floor);
    line('xroi import', xroi);
    const ratio = floor.seconds / xroi.seconds;
    console.log(
      `throughput ratio xroi/floor: ${ratio.toFixed(2)} (target >= 0.50)  peak RSS ${xroi.maxRssMB.toFixed(0)} MB (target < 1536)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
