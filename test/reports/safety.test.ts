/**
 * Input text stays inert (issue 8, "must show" 2): a post holding <script> and <img onerror=…>,
 * a deal name beginning with =HYPERLINK( and other formula-like values, through HTML, CSV and XLSX.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml, writeCsvTables, writeXlsx } from '../../src/report/index.js';
import { fixtureResult, HOSTILE } from './fixtures/result.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xroi-safety-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.each(['ja', 'en'] as const)('HTML report (%s)', (lang) => {
  const page = renderHtml(fixtureResult(lang), { lang });
  const doc = new JSDOM(page).window.document;

  it('has no script element and no event-handler attribute anywhere', () => {
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect(doc.querySelectorAll('img')).toHaveLength(0);
    const handlers = [...doc.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name),
    );
    expect(handlers).toEqual([]);
  });

  it('shows the hostile texts as text', () => {
    const text = doc.body.textContent ?? '';
    expect(text).toContain(HOSTILE.postScript);
    expect(text).toContain(HOSTILE.postImg);
    expect(text).toContain(HOSTILE.dealFormula);
    expect(text).toContain(HOSTILE.channelLabel);
    expect(page).toContain('&lt;script&gt;alert(');
    expect(page).not.toContain('<script>alert(');
    expect(page).not.toContain('<img src=x');
  });

  it('forbids scripts and network requests by Content-Security-Policy', () => {
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
  });
});

describe('CSV tables', () => {
  it('neutralise formula-like cells and keep markup as plain text', async () => {
    const out = join(dir, 'csv');
    const files = await writeCsvTables(fixtureResult(), out, { lang: 'ja' });
    expect(files.length).toBeGreaterThan(10);
    const all = (await Promise.all(files.map((f) => readFile(f, 'utf8')))).join('\n');
    const dealCsv = await readFile(files.find((f) => f.endsWith('top-deals.csv')) as string, 'utf8');
    // the quote prefix sits inside the CSV quotes: Excel shows the text, never runs it
    expect(dealCsv).toContain(`"'=HYPERLINK(""http://evil.example/"",""請求書を開く"")"`);
    expect(all).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(all).not.toMatch(/(^|,)"?@SUM/m);
    expect(all).toContain(`"'@SUM(1+1)"`);
    expect(all).toContain('<script>alert(""xss"")</script>');
    // every file starts with a UTF-8 BOM
    for (const f of files) expect((await readFile(f)).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect((await readdir(out)).sort()).toEqual(files.map((f) => f.slice(out.length + 1)).sort());
  });
});

describe('XLSX workbook', () => {
  it('stores hostile texts as neutralised strings, never as formulas', async () => {
    const file = join(dir, 'report.xlsx');
    await writeXlsx(fixtureResult(), file, { lang: 'en' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const strings: string[] = [];
    let formulas = 0;
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) formulas++;
          if (typeof cell.value === 'string') strings.push(cell.value);
        }),
      ),
    );
    expect(formulas).toBe(0);
    expect(strings).toContain(`'${HOSTILE.dealFormula}`);
    expect(strings).toContain(`'${HOSTILE.channelLabel}`);
    expect(strings).toContain(HOSTILE.postScript);
    expect(strings.filter((s) => /^[=+\-@\t\r]/.test(s))).toEqual([]);
  });
});
