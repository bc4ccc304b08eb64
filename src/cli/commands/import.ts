import { basename } from 'node:path';
import type { Command } from 'commander';
import { ExitError, ImportError } from '../../errors.js';
import { formatIssue } from '../../issues.js';
import { importFile, type FileImportResult, type ImportReport } from '../../ingest/index.js';
import { Store } from '../../store/index.js';
import type { CliContext } from '../context.js';
import type { Register } from './index.js';

export interface ImportCommandOptions {
  /** Force the kind of every file (x-posts, crm-deals, ...). */
  kind?: string;
  /** Hand mappings `field=Header`. */
  map?: string[];
  /** Force the encoding (utf-8, utf-16le, utf-16be, cp932). */
  encoding?: string;
}

/** Parse `--map field=Header` flags into a record. */
export function parseMapFlags(flags: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of flags) {
    const i = f.indexOf('=');
    if (i <= 0)
      throw new ImportError('(--map)', [
        {
          code: 'bad_map_flag',
          severity: 'error',
          path: { file: '(--map)', line: 1, column: 1 },
          value: f,
          message: `--map expects field=Header, not "${f}"`,
          hint: 'for example --map amount="Deal value"',
        },
      ]);
    out[f.slice(0, i).trim()] = f.slice(i + 1).trim();
  }
  return out;
}

/**
 * `xroi import FILE...`: import each file in its own transaction; prints one line per file. A file
 * that fails stores nothing and is listed; the other files still import; the exit code is then 2.
 */
export async function importCommand(
  ctx: CliContext,
  files: string[],
  options: ImportCommandOptions = {},
): Promise<ImportReport> {
  const config = { ...ctx.config.config, locale: ctx.locale };
  const map = parseMapFlags(options.map);
  const store = await Store.open(ctx.storePath);
  const results: FileImportResult[] = [];
  const failed: string[] = [];
  const t = ctx.t;
  const started = Date.now();
  try {
    for (const file of files) {
      let r: FileImportResult;
      try {
        r = await importFile(store, file, config, {
          ...(options.kind ? { kind: options.kind } : {}),
          ...(options.encoding ? { encoding: options.encoding } : {}),
          ...(Object.keys(map).length > 0 ? { map } : {}),
          onProgress: (p) => {
            const secs = Math.max(0.001, (Date.now() - started) / 1000);
            const percent = p.totalBytes > 0 ? Math.min(100, Math.round((100 * p.bytes) / p.totalBytes)) : 0;
            ctx.out.progress(
              t('ingest.progress', { file: p.file, percent, rows: p.rows, rate: Math.round(p.rows / secs) }),
            );
          },
        });
      } catch (e) {
        ctx.out.progressDone();
        if (!(e instanceof ImportError)) throw e;
        // a bad file stores nothing; the others still import (the exit code says some failed)
        failed.push(basename(file));
        ctx.out.error(t('ingest.file_failed', { file: basename(file) }));
        for (const issue of e.issues.slice(0, 10)) ctx.out.error(`  ${formatIssue(issue).replace(/\n/g, '\n  ')}`);
        if (e.issues.length > 10) ctx.out.error(`  … (+${e.issues.length - 10})`);
        continue;
      }
      ctx.out.progressDone();
      results.push(r);
      if (!ctx.out.json) {
        if (r.status === 'unchanged') ctx.out.print(t('ingest.unchanged', { file: r.file }));
        else {
          const warnings = r.warnings.reduce((n, w) => n + (w.count ?? 1), 0);
          ctx.out.print(
            t('ingest.imported', { file: r.file, kind: r.kind, preset: r.preset, rows: r.rowsStored, warnings }),
          );
          for (const w of r.warnings) ctx.out.warn(formatIssue(w));
        }
      }
    }
  } finally {
    store.close();
  }
  const report: ImportReport = {
    files: results,
    imported: results.filter((r) => r.status === 'imported').length,
    unchanged: results.filter((r) => r.status === 'unchanged').length,
    rowsStored: results.reduce((s, r) => s + r.rowsStored, 0),
    warnings: results.reduce((s, r) => s + r.warnings.reduce((n, w) => n + (w.count ?? 1), 0), 0),
  };
  if (ctx.out.json) ctx.out.printJson({ ...report, failed });
  if (failed.length > 0 && files.length === 1) throw new ExitError(2);
  if (failed.length > 0)
    throw new ExitError(
      2,
      t('ingest.batch_failed', { failed: failed.length, total: files.length, files: failed.join(', ') }),
    );
  return report;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function register(program: Command, makeCtx: Parameters<Register>[1]): void {
  program
    .command('import')
    .description('import export files (kind detected from the header) / エクスポートファイルを取り込む')
    .argument('<files...>', 'CSV / TSV files')
    .option(
      '--kind <kind>',
      'force the kind (x-posts, x-daily, x-ads, crm-deals, crm-contacts, touchpoints, web-daily, search-daily, costs, retention)',
    )
    .option('--map <field=Header>', 'map a column by hand (repeatable)', collect)
    .option('--encoding <encoding>', 'force the encoding: utf-8, utf-16le, utf-16be, cp932')
    .option('--json', 'machine-readable output on stdout')
    .action(async (files: string[], opts: ImportCommandOptions) => {
      await importCommand(makeCtx({ json: (opts as { json?: boolean }).json === true }), files, opts);
    });
}
