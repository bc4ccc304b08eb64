import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { Store } from '../../store/index.js';
import { withOverrides, type Config } from '../../config/index.js';
import { ConfigError } from '../../errors.js';
import { analyze } from '../../pipeline.js';
import { renderTerminal } from '../../report/terminal.js';
import type { AnalysisResult } from '../../model/result.js';
import type { CliContext } from '../context.js';

export interface ReportOptions {
  /** write the result object as JSON to this file */
  json?: string | boolean;
  /** write the HTML report here (default report.html beside the config) */
  html?: string | false;
  pdf?: string | boolean;
  xlsx?: string | boolean;
  csv?: string | boolean;
  start?: string;
  end?: string;
}

/** Run the analysis on the store and render the outputs. Returns the result object. */
export async function report(ctx: CliContext, options: ReportOptions = {}): Promise<AnalysisResult> {
  const loaded = ctx.config;
  // flags go through the same validation as the config file, but the error names the flags
  let config: Config;
  try {
    config = withOverrides(loaded.config, {
      locale: ctx.locale,
      period: { ...(options.start ? { start: options.start } : {}), ...(options.end ? { end: options.end } : {}) },
    });
  } catch (e) {
    if (!(e instanceof ConfigError) || (!options.start && !options.end)) throw e;
    const flags = [options.start ? `--start ${options.start}` : '', options.end ? `--end ${options.end}` : '']
      .filter(Boolean)
      .join(' ');
    throw new ConfigError(
      `${flags}: ${e.issues.map((i) => i.message.replace(/^period(\.(start|end))?: /, '')).join('; ')}`,
      [],
      'write the days as YYYY-MM-DD, the start on or before the end (or set period in xroi.config.yaml)',
    );
  }
  const store = await Store.open(ctx.storePath, { readOnly: true });
  let result: AnalysisResult;
  try {
    result = await analyze(store, config, { progress: (m) => ctx.out.progress(m) });
  } finally {
    ctx.out.progressDone();
    store.close();
  }
  const base = loaded.baseDir;
  const out = (v: string | boolean | undefined, def: string) =>
    typeof v === 'string' ? resolve(v) : resolve(base, def);

  if (typeof options.json === 'string') {
    const file = resolve(options.json);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    ctx.out.info(ctx.t('report.jsonWritten', { file: options.json }));
  }
  if (options.json === true) ctx.out.printJson(result);
  else ctx.out.print(renderTerminal(result, { lang: ctx.locale }));

  await writeDocuments(ctx, result, {
    html: options.html === false ? null : out(options.html, 'report.html'),
    pdf: options.pdf ? out(options.pdf, 'report.pdf') : null,
    xlsx: options.xlsx ? out(options.xlsx, 'report.xlsx') : null,
    csv: options.csv ? out(options.csv, 'report-csv') : null,
  });
  return result;
}

async function writeDocuments(
  ctx: CliContext,
  result: AnalysisResult,
  files: { html: string | null; pdf: string | null; xlsx: string | null; csv: string | null },
): Promise<void> {
  const r = await import('../../report/index.js');
  const lang = ctx.locale;
  const html = r.renderHtml(result, { lang });
  if (files.html) {
    writeFileSync(files.html, html);
    ctx.out.info(`HTML: ${files.html}`);
  }
  if (files.pdf) {
    await r.renderPdf(html, files.pdf);
    ctx.out.info(`PDF: ${files.pdf}`);
  }
  if (files.xlsx) {
    await r.writeXlsx(result, files.xlsx, { lang });
    ctx.out.info(`XLSX: ${files.xlsx}`);
  }
  if (files.csv) {
    await r.writeCsvTables(result, files.csv, { lang });
    ctx.out.info(`CSV: ${files.csv}`);
  }
}

export function register(program: Command, makeCtx: () => CliContext): void {
  program
    .command('report')
    .description('compute traditional vs true ROI and write the reports / ROIを計算してレポートを出力')
    .option('--json [file]', 'write the result object as JSON to FILE (without FILE: print it)')
    .option('--html <file>', 'HTML report file (default: report.html beside the config)')
    .option('--no-html', 'do not write the HTML report')
    .option('--pdf [file]', 'also write a PDF (needs Chromium)')
    .option('--xlsx [file]', 'also write an XLSX workbook')
    .option('--csv [dir]', 'also write CSV tables (UTF-8 with BOM) into a folder')
    .option('--start <YYYY-MM-DD>', 'first day of the analysis period')
    .option('--end <YYYY-MM-DD>', 'last day of the analysis period')
    .action(async (opts: ReportOptions) => {
      await report(makeCtx(), opts);
    });
}
