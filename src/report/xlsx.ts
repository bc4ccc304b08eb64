/**
 * XLSX export with exceljs: one sheet per report table (the headline summary first, each sheet
 * named by the catalog's short name for its table id), numbers as numbers with a display format
 * (money, percent), a bold frozen header row, and text cells that Excel would run as a formula
 * neutralised (the same rule as CSV). The workbook's dates are fixed so the same result gives the
 * same workbook.
 */
import ExcelJS from 'exceljs';
import type { Locale } from '../messages/index.js';
import type { AnalysisResult } from '../model/result.js';
import { normalize } from './compile.js';
import { hasMessage, lookupMessage } from './messages/index.js';
import { neutraliseCell } from './safe.js';
import { type Column, exportTables, type ReportSpec } from './spec.js';

export interface XlsxOptions {
  /** @default the result's meta.locale, else 'ja' */
  lang?: Locale;
}

function numFmt(column: Column, currency: string, lang: Locale): string | undefined {
  const zeroDecimals = currency === 'JPY' || currency === 'KRW';
  switch (column.type) {
    case 'money':
      return zeroDecimals ? '#,##0' : '#,##0.00';
    case 'integer':
      return '#,##0';
    case 'number':
      return (column.digits ?? 0) > 0 ? `#,##0.${'0'.repeat(column.digits ?? 0)}` : '#,##0';
    case 'percent':
      return `0.${'0'.repeat(Math.max(1, column.digits ?? 1))}%`;
    case 'multiple':
      return '0.00"×"';
    case 'months': {
      const [before, after] = lookupMessage(lang, 'unit.months').split('{value}');
      const quoted = (t = '') => (t ? `"${t.replace(/"/g, '')}"` : '');
      return `${quoted(before)}0.${'0'.repeat(Math.max(1, column.digits ?? 1))}${quoted(after)}`;
    }
    default:
      return undefined;
  }
}

/** Excel's limit on a sheet name's length. */
export const SHEET_NAME_MAX = 31;

/**
 * Sheet names: the short name the catalog gives the table id (`sheet.<id>`), else the id itself;
 * never a cut sentence. At most 31 characters, none of []:*?/\ , unique (case-insensitively).
 */
export function sheetNames(spec: ReportSpec): string[] {
  const used = new Set<string>();
  return exportTables(spec).map((t, i) => {
    const key = `sheet.${t.id}`;
    const base = (hasMessage(spec.lang, key) ? lookupMessage(spec.lang, key) : t.id)
      .replace(/[[\]:*?/\\]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    let name = [...base].slice(0, SHEET_NAME_MAX).join('');
    if (used.has(name.toLowerCase())) {
      const suffix = ` ${i + 1}`;
      name = `${[...name].slice(0, SHEET_NAME_MAX - suffix.length).join('')}${suffix}`;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

/** Build the workbook in memory. */
export function buildWorkbook(spec: ReportSpec, fixedDate: Date): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'xroi';
  wb.created = fixedDate;
  wb.modified = fixedDate;
  const names = sheetNames(spec);
  exportTables(spec).forEach((table, i) => {
    const ws = wb.addWorksheet(names[i], { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = table.columns.map((c) => ({
      header: String(neutraliseCell(c.label)),
      key: c.key,
      width: Math.min(60, Math.max(10, [...c.label].length * 1.6 + 2)),
      ...(numFmt(c, spec.currency, spec.lang) ? { style: { numFmt: numFmt(c, spec.currency, spec.lang) } } : {}),
    }));
    ws.getRow(1).font = { bold: true };
    for (const row of table.rows) {
      const values: Record<string, string | number | null> = {};
      const formats: [string, string][] = [];
      for (const c of table.columns) {
        const v = row[c.key] ?? null;
        if (v !== null && typeof v === 'object') {
          values[c.key] = v.typed !== null && Number.isFinite(v.typed) ? v.typed : null;
          const f = numFmt(
            { key: c.key, label: c.label, type: v.type, ...(v.digits !== undefined ? { digits: v.digits } : {}) },
            spec.currency,
            spec.lang,
          );
          if (f) formats.push([c.key, f]);
        } else
          values[c.key] =
            typeof v === 'string'
              ? (neutraliseCell(v) as string)
              : typeof v === 'number' && Number.isFinite(v)
                ? v
                : null;
      }
      const added = ws.addRow(values);
      for (const [key, f] of formats) added.getCell(key).numFmt = f;
    }
    // widen text columns to their content (capped)
    table.columns.forEach((c, ci) => {
      if (c.type !== 'text') return;
      const longest = table.rows.reduce((m, r) => Math.max(m, [...String(r[c.key] ?? '')].length), 0);
      const col = ws.getColumn(ci + 1);
      col.width = Math.min(60, Math.max(col.width ?? 10, longest * 1.4 + 2));
    });
  });
  return wb;
}

/**
 * Write the report tables as an XLSX workbook, one sheet per table.
 * @example await writeXlsx(result, 'report.xlsx', { lang: 'en' })
 */
export async function writeXlsx(result: AnalysisResult, file: string, options: XlsxOptions = {}): Promise<void> {
  const spec = normalize(result, options);
  const fixed = new Date(`${result.meta.period.end}T00:00:00Z`);
  const wb = buildWorkbook(spec, Number.isNaN(fixed.getTime()) ? new Date(0) : fixed);
  await wb.xlsx.writeFile(file);
}
