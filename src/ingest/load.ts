/**
 * Staging canonical rows on disk and loading them into DuckDB. Rows are written as a clean UTF-8
 * CSV per table in a temp folder while the file streams (memory stays bounded); once the whole file
 * has passed validation, DuckDB's `read_csv` loads each table inside the import's transaction.
 */
import { createWriteStream, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../store/index.js';
import type { Sink } from './read.js';
import { CHILDREN, PRIMARY_KEYS, TABLES, type TableName, type TableRow } from './tables.js';

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const s = String(v);
  return `"${s.replace(/"/g, '""')}"`;
}

/** Writes canonical rows to one temp CSV per table. */
export class CsvStage implements Sink {
  readonly dir: string;
  private readonly streams = new Map<TableName, { ws: WriteStream; buf: string[]; size: number }>();
  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'xroi-ingest-'));
  }
  file(table: TableName): string {
    return join(this.dir, `${table}.csv`);
  }
  tables(): TableName[] {
    return [...this.streams.keys()];
  }
  write<T extends TableName>(table: T, row: TableRow<T>): Promise<void> | void {
    let s = this.streams.get(table);
    if (!s) {
      s = { ws: createWriteStream(this.file(table)), buf: [], size: 0 };
      this.streams.set(table, s);
    }
    const r = row as Record<string, unknown>;
    const line = TABLES[table].map(([c]) => cell(r[c])).join(',');
    s.buf.push(line);
    s.size += line.length;
    if (s.size > 1 << 20) return this.flush(s);
  }
  private flush(s: { ws: WriteStream; buf: string[]; size: number }): Promise<void> | void {
    const text = `${s.buf.join('\n')}\n`;
    s.buf = [];
    s.size = 0;
    if (!s.ws.write(text)) return new Promise((res) => s.ws.once('drain', () => res()));
  }
  async close(): Promise<void> {
    for (const s of this.streams.values()) {
      if (s.buf.length > 0) await this.flush(s);
      await new Promise<void>((res, rej) => s.ws.end((e?: Error | null) => (e ? rej(e) : res())));
    }
  }
  remove(): void {
    for (const s of this.streams.values()) s.ws.destroy();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

function readCsvSql(file: string, table: TableName): string {
  const cols = TABLES[table].map(([c, t]) => `${sqlString(c)}: ${sqlString(t)}`).join(', ');
  return `read_csv(${sqlString(file)}, header = false, delim = ',', quote = '"', escape = '"', auto_detect = false, columns = {${cols}})`;
}

/** Load staged tables into the store (call inside a transaction). Returns rows per table. */
export async function loadStage(store: Store, stage: CsvStage, importId: number): Promise<void> {
  const order = stage.tables().sort((a, b) => (PRIMARY_KEYS[b] ? 1 : 0) - (PRIMARY_KEYS[a] ? 1 : 0));
  for (const table of order) {
    const cols = TABLES[table].map(([c]) => c);
    const src = readCsvSql(stage.file(table), table);
    const key = PRIMARY_KEYS[table];
    if (key) {
      // latest export wins: clear the child rows of the keys this import replaces
      for (const child of CHILDREN[table] ?? []) {
        await store.run(`DELETE FROM ${child.table} WHERE ${child.key} IN (SELECT ${key} FROM ${src})`);
      }
      await store.run(
        `INSERT OR REPLACE INTO ${table} (${cols.join(', ')}, import_id) SELECT *, ${importId} FROM ${src}`,
      );
    } else {
      await store.run(`INSERT INTO ${table} (${cols.join(', ')}, import_id) SELECT *, ${importId} FROM ${src}`);
    }
  }
}
