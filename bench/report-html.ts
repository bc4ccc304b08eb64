/**
 * Report generation time: the HTML report (normalize → charts → assemble) in Japanese and
 * English, the CSV tables and the XLSX workbook, and the PDF when Chromium is installed.
 * Input: the result JSON named by env XROI_REPORT_RESULT (e.g. the demo data's `xroi report --json`),
 * else the report fixture (test/reports/fixtures/result.ts, every section filled).
 * Baseline, measured in the same run: JSON.stringify of the same result (what `--json` costs).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnalysisResult } from '../src/model/result.js';
import { hasChromium, renderHtml, renderPdf, writeCsvTables, writeXlsx } from '../src/report/index.js';
import { fixtureResult } from '../test/reports/fixtures/result.js';

async function median(fn: () => unknown, reps: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

export default async function run(): Promise<void> {
  const source = process.env.XROI_REPORT_RESULT;
  const result: AnalysisResult = source
    ? (JSON.parse(readFileSync(source, 'utf8')) as AnalysisResult)
    : fixtureResult('ja');
  console.log(`input: ${source ?? 'report fixture'}`);
  renderHtml(result, { lang: 'ja' }); // warm-up (jsdom, Plot, module load)
  const baseline = await median(() => JSON.stringify(result, null, 2), 50);
  const ja = await median(() => renderHtml(result, { lang: 'ja' }), 10);
  const en = await median(() => renderHtml(result, { lang: 'en' }), 10);
  const html = renderHtml(result, { lang: 'ja' });
  const dir = await mkdtemp(join(tmpdir(), 'xroi-bench-report-'));
  try {
    const csv = await median(() => writeCsvTables(result, join(dir, 'csv'), { lang: 'ja' }), 5);
    const xlsx = await median(() => writeXlsx(result, join(dir, 'report.xlsx'), { lang: 'ja' }), 5);
    console.log(
      `baseline JSON.stringify(result): ${baseline.toFixed(2)} ms (${(JSON.stringify(result).length / 1024).toFixed(0)} KiB)`,
    );
    console.log(
      `HTML ja: ${ja.toFixed(1)} ms (${(html.length / 1024).toFixed(0)} KiB) · ratio ${(ja / baseline).toFixed(0)}×`,
    );
    console.log(`HTML en: ${en.toFixed(1)} ms · ratio ${(en / baseline).toFixed(0)}×`);
    console.log(`CSV tables: ${csv.toFixed(1)} ms · ratio ${(csv / baseline).toFixed(0)}×`);
    console.log(`XLSX: ${xlsx.toFixed(1)} ms · ratio ${(xlsx / baseline).toFixed(0)}×`);
    if (hasChromium()) {
      const pdf = await median(() => renderPdf(html, join(dir, 'report.pdf')), 3);
      console.log(
        `PDF (Chromium start + print): ${pdf.toFixed(0)} ms · ratio ${(pdf / baseline).toFixed(0)}× · ${(pdf / ja).toFixed(1)}× the HTML`,
      );
    } else console.log('PDF: skipped (no Chromium; set XROI_CHROMIUM)');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
