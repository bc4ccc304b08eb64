import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { CONFIG_FILE, loadConfig, storePath } from '../../config/index.js';
import { demoConfigYaml, generateDemo, DEMO_DEFAULTS, type DemoResult } from '../../demo/index.js';
import { ConfigError, ExitError } from '../../errors.js';
import { importFiles, type ImportReport } from '../../ingest/index.js';
import { translator } from '../../messages/index.js';
import type { AnalysisResult } from '../../model/result.js';
import { analyze } from '../../pipeline.js';
import { renderTerminal } from '../../report/terminal.js';
import { Store } from '../../store/index.js';
import type { CliContext } from '../context.js';
import type { Register } from './index.js';

export interface DemoCommandOptions {
  /** folder to generate into. Default ./demo-out */
  out?: string;
  /** random seed: the same seed gives the same files. Default 42. */
  seed?: number;
  /** months of marketing data (≥ 12). Default 18. */
  months?: number;
  /** multiplies lead volumes. Default 1. */
  scale?: number;
  /** false: generate and import only (no report, no report.html). Default true. */
  report?: boolean;
}

export interface DemoCommandResult {
  dir: string;
  demo: DemoResult;
  imports: ImportReport;
  /** the result object, or null with --no-report */
  result: AnalysisResult | null;
}

/** First line of every config the demo writes: marks the folder as the demo's own. */
const MARK = '# xroi configuration of the demo company';

/**
 * `xroi demo`: generate the demo company into a folder, write its xroi.config.yaml, import every
 * file through the real importers into a fresh store there, run the report, print it and write
 * report.html beside the data.
 */
export async function demo(ctx: CliContext, options: DemoCommandOptions = {}): Promise<DemoCommandResult> {
  const dir = resolve(options.out ?? 'demo-out');
  const shown = relative(process.cwd(), dir) || '.';
  const seed = options.seed ?? DEMO_DEFAULTS.seed;
  const configFile = resolve(dir, CONFIG_FILE);
  // the caller's language (--lang, else Japanese): the demo folder's config is not theirs
  const t = translator(ctx.globals.lang ?? 'ja');

  if (existsSync(configFile) && !readFileSync(configFile, 'utf8').startsWith(MARK)) {
    throw new ExitError(1, t('demo.notOurs', { file: CONFIG_FILE, dir: shown }));
  }
  const started = Date.now();
  ctx.out.info(t('demo.generating', { seed, dir: shown }));
  const generated = await generateDemo({
    outDir: dir,
    seed,
    ...(options.months !== undefined ? { months: options.months } : {}),
    ...(options.scale !== undefined ? { scale: options.scale } : {}),
  });
  const v = generated.truth.volumes;
  ctx.out.info(
    t('demo.generated', {
      files: generated.files.length,
      contacts: v.contacts,
      deals: v.deals,
      posts: v.posts,
      ms: Date.now() - started,
    }),
  );
  writeFileSync(configFile, demoConfigYaml(generated.truth));
  ctx.out.info(t('demo.configWritten', { file: CONFIG_FILE }));

  const loaded = loadConfig(dir);
  const config = { ...loaded.config, ...(ctx.globals.lang ? { locale: ctx.globals.lang } : {}) };
  const dbFile = storePath(loaded);
  // a fresh store: a demo of another seed must not mix with the one before
  for (const f of [dbFile, `${dbFile}.wal`]) rmSync(f, { force: true });

  let imports: ImportReport;
  let result: AnalysisResult | null = null;
  const store = await Store.open(dbFile);
  try {
    ctx.out.info(t('demo.importing', { files: generated.files.length, store: relative(process.cwd(), dbFile) }));
    imports = await importFiles(
      store,
      generated.files.map((f) => f.path),
      config,
      { onProgress: (p) => ctx.out.progress(`${p.file} ${p.rows}`) },
    );
    ctx.out.progressDone();
    for (const r of imports.files) ctx.out.info(t('demo.imported', { file: r.file, kind: r.kind, rows: r.rowsStored }));
    if (options.report !== false) {
      ctx.out.info(t('demo.analyzing'));
      result = await analyze(store, config, { progress: (m) => ctx.out.progress(m) });
      ctx.out.progressDone();
    }
  } finally {
    store.close();
  }
  if (result) {
    if (ctx.out.json) ctx.out.printJson(result);
    else ctx.out.print(renderTerminal(result, { lang: config.locale }));
    const { renderHtml } = await import('../../report/index.js');
    const html = resolve(dir, 'report.html');
    writeFileSync(html, renderHtml(result, { lang: config.locale }));
    ctx.out.info(t('demo.html', { file: relative(process.cwd(), html) }));
  }
  ctx.out.info(t('demo.truth', { file: relative(process.cwd(), resolve(dir, 'TRUTH.md')) }));
  ctx.out.info(t('demo.next', { dir: shown }));
  return { dir, demo: generated, imports, result };
}

function parseInteger(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n)) throw new ConfigError(`--${name} must be an integer, not "${value}"`);
    return n;
  };
}

export function register(program: Command, makeCtx: Parameters<Register>[1]): void {
  program
    .command('demo')
    .description('generate a realistic demo company, import it and report / デモ企業のデータで一通り実行')
    .option('--out <dir>', 'folder to generate into', 'demo-out')
    .option('--seed <n>', 'random seed (same seed, same files)', parseInteger('seed'), DEMO_DEFAULTS.seed)
    .option('--months <n>', 'months of marketing data (at least 12)', parseInteger('months'))
    .option('--scale <x>', 'multiply lead volumes (1 = full demo)', (v) => Number(v))
    .option('--no-report', 'generate and import only')
    .option('--json', 'machine-readable output on stdout')
    .action(async (opts: DemoCommandOptions) => {
      await demo(makeCtx({ json: (opts as { json?: boolean }).json === true }), opts);
    });
}
