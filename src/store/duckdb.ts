/**
 * The only module that touches the DuckDB binding (CONVENTIONS 3.6). It opens the database file,
 * runs migrations, converts DuckDB values to plain JS at the boundary (BIGINT → number, DECIMAL →
 * number, TIMESTAMP/DATE → ISO strings) and offers transactions.
 */
import { mkdirSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  DuckDBInstance,
  DuckDBConnection,
  DuckDBTimestampValue,
  DuckDBDateValue,
  DuckDBDecimalValue,
  type DuckDBValue,
} from '@duckdb/node-api';
import { XroiError } from '../errors.js';
import { migrations, SCHEMA_VERSION } from './migrations/index.js';

export type Row = Record<string, unknown>;
export type Param = string | number | boolean | null | bigint;

export interface OpenOptions {
  /** Open without write access (report, serve). Default false. */
  readOnly?: boolean;
  /** Create the file and run migrations when missing. Default true unless readOnly. */
  create?: boolean;
}

/** Convert one DuckDB value to a plain JS value. */
export function toJs(v: DuckDBValue): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') {
    return Number(v);
  }
  if (v instanceof DuckDBTimestampValue) {
    const us = v.micros;
    return new Date(Number(us / 1000n)).toISOString();
  }
  if (v instanceof DuckDBDateValue) {
    return v.toString();
  }
  if (v instanceof DuckDBDecimalValue) return v.toDouble();
  if (typeof v === 'object') return String(v);
  return v;
}

export class Store {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
    readonly path: string,
    readonly readOnly: boolean,
  ) {}

  /** An in-memory store with the full schema (tests, library use). */
  static async memory(): Promise<Store> {
    const instance = await DuckDBInstance.create(':memory:');
    const store = new Store(instance, await instance.connect(), ':memory:', false);
    await store.migrate();
    return store;
  }

  /** Open (and by default create and migrate) a store file. */
  static async open(path: string, options: OpenOptions = {}): Promise<Store> {
    const readOnly = options.readOnly ?? false;
    const create = options.create ?? !readOnly;
    if (!existsSync(path)) {
      if (!create) {
        throw new XroiError(
          'store_missing',
          `no xroi store at ${path}`,
          'import some files first: xroi import FILE... (or run xroi demo)',
        );
      }
      mkdirSync(dirname(path), { recursive: true });
    }
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path, readOnly ? { access_mode: 'READ_ONLY' } : {});
    } catch (e) {
      const msg = (e as Error).message;
      const hint = /lock/i.test(msg)
        ? 'another xroi process has the store open; wait for it to finish (or stop `xroi serve`)'
        : 'the file may not be an xroi store; point store.path in xroi.config.yaml to another file';
      throw new XroiError('store_open_failed', `could not open the store ${path}: ${msg}`, hint);
    }
    const store = new Store(instance, await instance.connect(), path, readOnly);
    if (!readOnly) await store.migrate();
    else await store.checkVersion();
    return store;
  }

  /** Run SQL that returns nothing. */
  async run(sql: string, params?: Param[]): Promise<void> {
    if (params && params.length > 0) await this.conn.run(sql, params as never);
    else await this.conn.run(sql);
  }

  /** Run a query and return plain JS rows. */
  async query<T extends Row = Row>(sql: string, params?: Param[]): Promise<T[]> {
    const reader =
      params && params.length > 0
        ? await this.conn.runAndReadAll(sql, params as never)
        : await this.conn.runAndReadAll(sql);
    const cols = reader.columnNames();
    const out: T[] = [];
    for (const r of reader.getRows()) {
      const o: Row = {};
      for (let i = 0; i < cols.length; i++) o[cols[i]!] = toJs(r[i] as DuckDBValue);
      out.push(o as T);
    }
    return out;
  }

  /** First column of the first row, or null. */
  async scalar<T = unknown>(sql: string, params?: Param[]): Promise<T | null> {
    const rows = await this.query(sql, params);
    const first = rows[0];
    if (!first) return null;
    return (Object.values(first)[0] ?? null) as T | null;
  }

  /** Run `fn` inside one transaction: all of it or nothing. */
  async transaction<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    await this.conn.run('BEGIN TRANSACTION');
    try {
      const result = await fn(this);
      await this.conn.run('COMMIT');
      return result;
    } catch (e) {
      try {
        await this.conn.run('ROLLBACK');
      } catch {
        // the transaction may already be aborted; the original error matters
      }
      throw e;
    }
  }

  /** Bulk-append rows to a table through DuckDB's appender (fast path for ingest). */
  async append(table: string, columns: readonly string[], rows: Iterable<readonly unknown[]>): Promise<number> {
    // Appender needs all columns in table order; use a staged VALUES insert in chunks instead,
    // which accepts a column subset and stays inside the caller's transaction.
    const chunk: unknown[][] = [];
    let n = 0;
    const flush = async () => {
      if (chunk.length === 0) return;
      const placeholders = chunk.map(() => `(${columns.map(() => '?').join(',')})`).join(',');
      await this.run(
        `INSERT INTO ${table} (${columns.join(',')}) VALUES ${placeholders}`,
        chunk.flat().map((v) => (v === undefined ? null : v)) as Param[],
      );
      n += chunk.length;
      chunk.length = 0;
    };
    for (const r of rows) {
      chunk.push([...r]);
      if (chunk.length >= 500) await flush();
    }
    await flush();
    return n;
  }

  async schemaVersion(): Promise<number> {
    const v = await this.scalar<number>('SELECT max(version) FROM xroi_migrations');
    return v ?? 0;
  }

  private async migrate(): Promise<void> {
    await this.conn.run(
      'CREATE TABLE IF NOT EXISTS xroi_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)',
    );
    const current = await this.schemaVersion();
    if (current > SCHEMA_VERSION) {
      throw new XroiError(
        'store_too_new',
        `the store ${this.path} has schema version ${current}, newer than this xroi (${SCHEMA_VERSION})`,
        'upgrade xroi (npm install xroi@latest)',
      );
    }
    for (const m of migrations) {
      if (m.version <= current) continue;
      await this.transaction(async () => {
        await this.conn.run(m.sql);
        await this.conn.run('INSERT INTO xroi_migrations VALUES (?, ?, now()::TIMESTAMP)', [m.version, m.name]);
      });
    }
  }

  private async checkVersion(): Promise<void> {
    let v = 0;
    try {
      v = await this.schemaVersion();
    } catch {
      v = 0;
    }
    if (v !== SCHEMA_VERSION) {
      throw new XroiError(
        'store_version',
        `the store ${this.path} has schema version ${v}, this xroi expects ${SCHEMA_VERSION}`,
        'run any import once (xroi import) to migrate it, or upgrade xroi',
      );
    }
  }

  close(): void {
    this.conn.closeSync();
    this.instance.closeSync();
  }
}
