/**
 * CSV export: one file per report table (the headline summary first) named by its stable id,
 * UTF-8 with a BOM and CRLF line ends (what Excel in Japan opens correctly), numbers unformatted
 * (percentages in percent points, header marked "(%)"), text quoted, and text cells that a
 * spreadsheet would run as a formula neutralised.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locale } from '../messages/index.js';
import type { AnalysisResult } from '../model/result.js';
import { normalize } from './compile.js';
import { reportTranslator } from './messages/index.js';
import { neutraliseCell } from './safe.js';
import { type CellValue, type Column, exportTables, type ReportSpec, type Table } from './spec.js';

export interface CsvOptions {
  /** @default the result's meta.locale, else 'ja' */
  lang?: Locale;
}

const BOM = '\uFEFF';

/** A number as plain text, without float noise (10 significant digits). */
function plainNumber(v: number): string {
  if (!Number.isFinite(v)) return '';
  return String(Number(v.toPrecision(10)));
}

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function cell(value: CellValue, column: Column): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return value.typed === null ? '' : plainNumber(value.typed);
  if (typeof value === 'number') return plainNumber(column.type === 'percent' ? value * 100 : value);
  return quote(String(neutraliseCell(value)));
}

/** One table as CSV text (with BOM). */
export function tableToCsv(table: Table, lang: Locale): string {
  const tr = reportTranslator(lang);
  const header = table.columns.map((c) =>
    quote(String(neutraliseCell(c.type === 'percent' ? `${c.label}${tr('csv.percentSuffix')}` : c.label))),
  );
  const lines = [
    header.join(','),
    ...table.rows.map((r) => table.columns.map((c) => cell(r[c.key] ?? null, c)).join(',')),
  ];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/**
 * File names of the tables: the table id alone ("summary.csv", "bridge.csv"), so a script finds
 * the same table under the same name whichever other tables the data fill.
 */
export function csvFileNames(spec: ReportSpec): string[] {
  return exportTables(spec).map((t) => `${t.id}.csv`);
}

/**
 * Write every report table as CSV into `dir` (created if needed). Returns the file paths.
 * @example await writeCsvTables(result, 'report-csv', { lang: 'ja' })
 */
export async function writeCsvTables(result: AnalysisResult, dir: string, options: CsvOptions = {}): Promise<string[]> {
  const spec = normalize(result, options);
  await mkdir(dir, { recursive: true });
  const names = csvFileNames(spec);
  const files: string[] = [];
  const tables = exportTables(spec);
  for (let i = 0; i < tables.length; i++) {
    const file = join(dir, names[i] as string);
    await writeFile(file, tableToCsv(tables[i] as Table, spec.lang), 'utf8');
    files.push(file);
  }
  return files;
}
