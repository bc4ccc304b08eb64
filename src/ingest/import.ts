/**
 * `importFiles`: each file is hashed (a known hash is a no-op), prepared (encoding, header, kind,
 * mapping), streamed through its mapper into staged CSVs, and — only when no row had an error —
 * loaded into the store with its `imports` ledger row in one transaction. A failing file throws an
 * ImportError listing every located issue, and the store is unchanged.
 */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Config } from '../config/index.js';
import { ImportError } from '../errors.js';
import type { Issue } from '../issues.js';
import type { Store } from '../store/index.js';
import { IssueCollector, makeIssue } from './issues.js';
import type { Kind } from './kinds/types.js';
import { CsvStage, loadStage } from './load.js';
import { fastEligible, planFastTouchpoints, utf8Copy, type Engine } from './fast.js';
import { prepare, readRows, type Progress, type ReadOptions, type Source } from './read.js';
import type { TableName } from './tables.js';

export interface ImportOptions extends ReadOptions {
  /**
   * 'auto' (default): large UTF-8 touchpoint files go through DuckDB's read_csv (the JS path takes
   * over when anything is unusual); 'js': always stream in JS; 'duckdb': try DuckDB first at any size.
   */
  engine?: Engine;
  /** Called now and then while a file streams (bytes read, rows so far). */
  onProgress?: (p: Progress) => void;
  /** Clock for the ledger (tests). Default: now. */
  now?: () => Date;
}

export interface FileImportResult {
  /** Base name of the file (never a full path). */
  file: string;
  status: 'imported' | 'unchanged';
  kind: Kind;
  preset: string;
  encoding: string;
  delimiter: string;
  rowsRead: number;
  rowsStored: number;
  /** Rows written per canonical table. */
  tables: Partial<Record<TableName, number>>;
  /** Counted warnings (each with its first location and a count). */
  warnings: Issue[];
  importId: number | null;
  sha256: string;
  /** Which reader stored the rows. */
  engine: 'js' | 'duckdb';
  ms: number;
}

export interface ImportReport {
  files: FileImportResult[];
  imported: number;
  unchanged: number;
  rowsStored: number;
  warnings: number;
}

async function sha256(source: Source): Promise<string> {
  const h = createHash('sha256');
  if ('bytes' in source) return h.update(source.bytes).digest('hex');
  await new Promise<void>((res, rej) => {
    createReadStream(source.path, { highWaterMark: 1 << 22 })
      .on('data', (c) => h.update(c))
      .on('end', () => res())
      .on('error', rej);
  });
  return h.digest('hex');
}

/**
 * Import one file (a path, or bytes with a name). Returns what happened; throws ImportError when
 * the file cannot be imported (nothing stored).
 */
export async function importFile(
  store: Store,
  input: string | Source,
  config: Config,
  options: ImportOptions = {},
): Promise<FileImportResult> {
  const started = Date.now();
  const source: Source = typeof input === 'string' ? { path: input, name: basename(input) } : input;
  if ('path' in source) {
    let ok = false;
    try {
      ok = statSync(source.path).isFile();
    } catch {
      ok = false;
    }
    if (!ok) {
      throw new ImportError(source.name, [
        makeIssue(config.locale, 'error', 'file_missing', { file: source.name, line: 1, column: 1 }, source.name),
      ]);
    }
  }
  const prepared = prepare(source, config, options);
  const hash = await sha256(source);
  const base = {
    file: source.name,
    kind: prepared.detection.kind,
    preset: prepared.detection.preset,
    encoding: prepared.encoding.encoding,
    delimiter: prepared.sniffed.delimiter,
    sha256: hash,
  };
  const known = await store.query<{ import_id: number; rows_read: number }>(
    'SELECT import_id, rows_read FROM imports WHERE file_hash = ?',
    [hash],
  );
  if (known[0]) {
    return {
      ...base,
      status: 'unchanged',
      engine: 'js',
      rowsRead: known[0].rows_read,
      rowsStored: 0,
      tables: {},
      warnings: [],
      importId: known[0].import_id,
      ms: Date.now() - started,
    };
  }
  const now = (options.now ?? (() => new Date()))();
  const ledger = async (
    tx: Store,
    id: number,
    rowsRead: number,
    rowsStored: number,
    warningRows: number,
    warnings: Issue[],
  ) => {
    await tx.run(
      `INSERT INTO imports (import_id, file_name, file_hash, kind, preset, encoding, rows_read, rows_stored, warnings, issues_json, imported_at, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::TIMESTAMP, 'ok')`,
      [
        id,
        source.name,
        hash,
        base.kind,
        base.preset,
        base.encoding,
        rowsRead,
        rowsStored,
        warningRows,
        JSON.stringify(warnings.map((w) => ({ ...w, value: undefined }))),
        now.toISOString().replace('T', ' ').replace('Z', ''),
      ],
    );
  };
  if ('path' in source && fastEligible(prepared, source, options.engine ?? 'auto')) {
    const copy = await utf8Copy(prepared, source);
    const plan = await planFastTouchpoints(store, prepared, copy, config).catch((e: unknown) => {
      copy.remove();
      throw e;
    });
    if (!plan) copy.remove();
    if (plan) {
      try {
        options.onProgress?.({
          phase: 'load',
          file: source.name,
          bytes: prepared.totalBytes,
          totalBytes: prepared.totalBytes,
          rows: plan.rowsRead,
        });
        const { importId, read } = await store.transaction(async (tx) => {
          const id = Number(await tx.scalar<number>("SELECT nextval('import_id_seq')"));
          const read = await plan.load(tx, id);
          await ledger(tx, id, read.rowsRead, read.rowsStored, 0, []);
          return { importId: id, read };
        });
        return {
          ...base,
          status: 'imported',
          engine: 'duckdb',
          rowsRead: read.rowsRead,
          rowsStored: read.rowsStored,
          tables: read.tables,
          warnings: [],
          importId,
          ms: Date.now() - started,
        };
      } finally {
        await plan.drop();
        copy.remove();
      }
    }
  }
  const issues = new IssueCollector(config.locale);
  const stage = new CsvStage();
  try {
    const read = await readRows(prepared, source, config, stage, issues, options.onProgress);
    await stage.close();
    if (issues.errors.length > 0) throw new ImportError(source.name, issues.errors);
    const warnings = issues.warningList();
    options.onProgress?.({
      phase: 'load',
      file: source.name,
      bytes: prepared.totalBytes,
      totalBytes: prepared.totalBytes,
      rows: read.rowsRead,
    });
    const importId = await store.transaction(async (tx) => {
      const id = Number(await tx.scalar<number>("SELECT nextval('import_id_seq')"));
      await loadStage(tx, stage, id);
      await ledger(tx, id, read.rowsRead, read.rowsStored, issues.warningRows(), warnings);
      return id;
    });
    return {
      ...base,
      status: 'imported',
      engine: 'js',
      rowsRead: read.rowsRead,
      rowsStored: read.rowsStored,
      tables: read.tables,
      warnings,
      importId,
      ms: Date.now() - started,
    };
  } finally {
    stage.remove();
  }
}

/**
 * Read and check a file without storing anything (dry run): the same detection, parsing and
 * validation as an import. Throws the ImportError an import would throw.
 */
export async function validateFile(
  input: string | Source,
  config: Config,
  options: ReadOptions = {},
): Promise<{ kind: Kind; preset: string; rowsRead: number; rowsStored: number; warnings: Issue[] }> {
  const source: Source = typeof input === 'string' ? { path: input, name: basename(input) } : input;
  const prepared = prepare(source, config, options);
  const issues = new IssueCollector(config.locale);
  const read = await readRows(prepared, source, config, { write: () => undefined }, issues);
  if (issues.errors.length > 0) throw new ImportError(source.name, issues.errors);
  return {
    kind: prepared.detection.kind,
    preset: prepared.detection.preset,
    rowsRead: read.rowsRead,
    rowsStored: read.rowsStored,
    warnings: issues.warningList(),
  };
}

/**
 * Import files one after the other, each in its own transaction. Stops at the first file that
 * cannot be imported (its ImportError is thrown; the files before it stay imported).
 *
 * @example
 * const report = await importFiles(store, ['x-posts.csv', 'deals.csv'], config);
 */
export async function importFiles(
  store: Store,
  files: readonly (string | Source)[],
  config: Config,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const results: FileImportResult[] = [];
  for (const f of files) results.push(await importFile(store, f, config, options));
  return {
    files: results,
    imported: results.filter((r) => r.status === 'imported').length,
    unchanged: results.filter((r) => r.status === 'unchanged').length,
    rowsStored: results.reduce((s, r) => s + r.rowsStored, 0),
    warnings: results.reduce((s, r) => s + r.warnings.reduce((n, w) => n + (w.count ?? 1), 0), 0),
  };
}
