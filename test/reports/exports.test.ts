/**
 * The CSV and XLSX exports a script reads: stable id-based file and sheet names whatever the data
 * fill, the headline figures first (summary), short catalog sheet names (never a cut sentence),
 * tornado inputs in their own units, a translated lift marker and marked post-text cuts.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { afterAll, describe, expect, it } from 'vitest';
import { normalize } from '../../src/report/compile.js';
import { csvFileNames } from '../../src/report/csv.js';
import { renderHtml, writeCsvTables } from '../../src/report/index.js';
import { lookupMessage, reportCatalogs, reportTranslator } from '../../src/report/messages/index.js';
import { POST_TEXT_MAX, shortPostText } from '../../src/report/sections/posts.js';
import { exportTables } from '../../src/report/spec.js';
import { buildWorkbook, SHEET_NAME_MAX, sheetNames } from '../../src/report/xlsx.js';
import { fixtureResult, fixtureResultMissing } from './fixtures/result.js';

const tmp = mkdtempSync(join(tmpdir(), 'xroi-exports-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('CSV file names', () => {
  it('are the table ids, the summary first, the same whichever tables the data fill', () => {
    const full = csvFileNames(normalize(fixtureResult('ja'), { lang: 'ja' }));
    const sparse = csvFileNames(normalize(fixtureResultMissing(), { lang: 'ja' }));
    expect(full[0]).toBe('summary.csv');
    expect(full).toContain('bridge.csv');
    expect(full).toContain('top-posts-by-likes.csv');
    expect(sparse.length).toBeLessThan(full.length);
    for (const name of [...full, ...sparse]) expect(name).toMatch(/^[a-z][a-z0-9-]*\.csv$/);
    // a table present in both keeps its name although other tables came or went
    for (const name of sparse.filter((n) => full.includes(n))) expect(full).toContain(name);
    expect(new Set(full).size).toBe(full.length);
  });

  it('name the files written, and summary.csv holds the headline figures', async () => {
    const r = fixtureResult('en');
    const files = await writeCsvTables(r, join(tmp, 'csv'), { lang: 'en' });
    expect(readdirSync(join(tmp, 'csv')).sort()).toEqual(files.map((f) => f.split(/[\\/]/).pop()).sort());
    const lines = readFileSync(join(tmp, 'csv', 'summary.csv'), 'utf8')
      .slice(1)
      .split('\r\n');
    // a column mixing money and ratios holds ratios as fractions (as every typed cell in CSV)
    const value = (label: string) => lines.find((l) => l.startsWith(`"${label}",`))?.split(',')[1];
    expect(Number(value('True ROI'))).toBeCloseTo(r.roi.true.roi ?? NaN, 6);
    expect(Number(value('Traditional ROI'))).toBeCloseTo(r.roi.traditional.roi ?? NaN, 6);
    expect(Number(value('True ROI · Cost'))).toBe(r.roi.true.cost);
    expect(Number(value('Traditional ROI · Return'))).toBe(r.roi.traditional.return);
    expect(Number(value('True ROI · P(ROI > 0)'))).toBeCloseTo(r.uncertainty?.trueRoi.pPositive ?? NaN, 6);
    expect(Number(value('True ROI · low (80%)'))).toBeCloseTo(r.uncertainty?.trueRoi.interval80?.[0] ?? NaN, 6);
    const unit = (label: string) => lines.find((l) => l.startsWith(`"${label}",`))?.split(',')[2];
    expect(unit('True ROI')).toBe('"ratio (1 = 100%)"');
    expect(unit('True ROI · Cost')).toBe(`"${r.meta.currency}"`);
    expect(value('Currency')).toBe(`"${r.meta.currency}"`);
    expect(value('Period')).toBe(`"${r.meta.period.start} – ${r.meta.period.end}"`);
  });

  it('summary says why a ROI is missing instead of printing a number', () => {
    const r = fixtureResult('en');
    r.roi.true.roi = null;
    r.roi.true.reason = 'reason.no_cost';
    const summary = normalize(r, { lang: 'en' }).summary;
    const row = summary?.rows.find((x) => x.item === 'True ROI');
    expect(row?.value).toEqual({ typed: null, type: 'percent', digits: 1 });
    expect(String(row?.note)).toContain('no cost recorded');
  });
});

describe('the catalog sheet names', () => {
  it('fit Excel (at most 31 characters, no []:*?/\\) and are unique per language', () => {
    for (const catalog of Object.values(reportCatalogs)) {
      const names = Object.entries(catalog)
        .filter(([k]) => k.startsWith('sheet.'))
        .map(([, v]) => v);
      expect(names.length).toBeGreaterThanOrEqual(25);
      for (const n of names) {
        expect([...n].length, n).toBeLessThanOrEqual(SHEET_NAME_MAX);
        expect(n).not.toMatch(/[[\]:*?/\\]/);
      }
      expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    }
  });
});

describe.each(['ja', 'en'] as const)('XLSX sheets in %s', (lang) => {
  const spec = normalize(fixtureResult(lang), { lang });
  const names = sheetNames(spec);
  const tr = reportTranslator(lang);

  it('are the catalog short names of the table ids, in export order, never a cut title', () => {
    const tables = exportTables(spec);
    expect(names).toHaveLength(tables.length);
    expect(names[0]).toBe(tr('sheet.summary'));
    tables.forEach((t, i) => {
      // every table id of the report has its own short sheet name in the catalog
      expect(names[i], t.id).toBe(tr(`sheet.${t.id}` as Parameters<typeof tr>[0]));
      expect([...(names[i] ?? '')].length).toBeLessThanOrEqual(SHEET_NAME_MAX);
      expect(names[i]).not.toMatch(/[[\]:*?/\\]/);
    });
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  it('start with the summary sheet holding the true ROI as a percent-formatted number', () => {
    const wb = buildWorkbook(spec, new Date(0));
    const ws = wb.worksheets[0];
    expect(ws?.name).toBe(tr('sheet.summary'));
    const row = ws?.getRows(2, ws.rowCount - 1)?.find((r) => r.getCell(1).value === tr('headline.true'));
    expect(row?.getCell(2).value).toBe(fixtureResult(lang).roi.true.roi);
    expect(row?.getCell(2).numFmt).toMatch(/%$/);
    expect(wb.worksheets.map((w) => w.name)).toEqual(names);
  });

  it('keeps tornado inputs numbers, displayed in their units', () => {
    const ws = buildWorkbook(spec, new Date(0)).getWorksheet(tr('sheet.tornado'));
    const rows = ws?.getRows(2, ws.rowCount - 1) ?? [];
    const byInput = (input: string) =>
      rows.find((r) => r.getCell(1).value === lookupMessage(lang, `uncertainty.input.${input}`));
    expect(byInput('churn')?.getCell(2).value).toBe(12.4);
    expect(byInput('churn')?.getCell(2).numFmt).toBe(lang === 'ja' ? '0.0"か月"' : '0.0" months"');
    expect(byInput('gross_margin')?.getCell(2).numFmt).toBe('0.0%');
    expect(byInput('hourly_rate')?.getCell(2).numFmt).toBe('#,##0');
  });
});

describe.each(['ja', 'en'] as const)('report details in %s', (lang) => {
  const tr = reportTranslator(lang);
  const doc = new JSDOM(renderHtml(fixtureResult(lang), { lang })).window.document;

  it('formats each tornado input in its unit and the ROI columns as percents', () => {
    const rows = [...doc.querySelectorAll('[data-table="tornado"] tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td, th')].map((c) => c.textContent?.trim() ?? ''),
    );
    const byInput = (input: string) =>
      rows.find((r) => r[0] === lookupMessage(lang, `uncertainty.input.${input}`)) ?? [];
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(byInput('gross_margin').slice(1, 3)).toEqual(['66.0%', '84.0%']);
    expect(byInput('win_rates').slice(1, 3)).toEqual(['12.0%', '61.0%']);
    expect(byInput('hourly_rate').slice(1, 3)).toEqual(lang === 'ja' ? ['4,100円', '6,800円'] : ['¥4,100', '¥6,800']);
    expect(byInput('churn').slice(1, 3)).toEqual([12.4, 48.9].map((v) => tr('unit.months', { value: v.toFixed(1) })));
    for (const r of rows) for (const c of r.slice(3, 5)) expect(c).toMatch(/^-?[\d,]+\.\d%$|^—$/);
  });

  it('labels the lift marker in the report language, whatever the intervention is named', () => {
    const r = fixtureResult(lang);
    if (r.lift?.intervention) r.lift.intervention.name = lang === 'ja' ? 'X program start' : 'X運用強化';
    const spec = normalize(r, { lang });
    const markers = spec.sections
      .flatMap((s) => s.blocks)
      .flatMap((b) =>
        b.kind === 'chart' && b.chart.kind === 'lineBand' && b.chart.marker ? [b.chart.marker.label] : [],
      );
    expect(markers.length).toBeGreaterThan(0);
    for (const m of markers) expect(m).toBe(tr('lift.start'));
  });
});

describe('post text in tables', () => {
  it('ends in "…" exactly when it was shortened, and keeps whole characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (text) => {
        const out = shortPostText(text);
        expect(out.length).toBeLessThanOrEqual(POST_TEXT_MAX);
        if (text.length <= POST_TEXT_MAX) expect(out).toBe(text);
        else {
          expect(out.endsWith('…')).toBe(true);
          expect(text.startsWith(out.slice(0, -1))).toBe(true);
          expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
        }
      }),
    );
  });

  it('marks the engagement stage’s 80-character cut in the top-posts tables', () => {
    const r = fixtureResult('ja');
    const cut = 'あ'.repeat(80);
    if (r.engagement?.topByLikes[0]) r.engagement.topByLikes[0].text = cut;
    const spec = normalize(r, { lang: 'ja' });
    const likes = exportTables(spec).find((t) => t.id === 'top-posts-by-likes');
    expect(likes?.rows[0]?.post).toBe(`${'あ'.repeat(POST_TEXT_MAX - 1)}…`);
  });
});
