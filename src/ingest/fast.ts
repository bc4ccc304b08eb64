/**
 * The DuckDB fast path for large touchpoint files: DuckDB's `read_csv` stages the raw text, SQL
 * checks that every value is in a form whose conversion is exact in SQL (ISO times, plain ids,
 * ASCII e-mails), low-cardinality columns are converted by the same JS value parsers over their
 * distinct values, and one INSERT … SELECT writes the canonical rows. Anything unusual — a CSV
 * error, a value outside those forms, a row without an id — makes the fast path step aside, and
 * the streaming JS path (which locates every problem by line and column) reads the file instead.
 * Both paths store the same rows; a test keeps them equal.
 */
import type { Config } from '../config/index.js';
import type { Param, Store } from '../store/index.js';
import type { Prepared, ReadResult, Source } from './read.js';
import { touchKind } from './kinds/touchpoints.js';
import { isFailure, parseBool, parseMoney } from './values.js';

export type Engine = 'auto' | 'js' | 'duckdb';

/** Files at least this large use the fast path under engine 'auto'. */
export const FAST_MIN_BYTES = 8 * 1024 * 1024;
const MAX_DISTINCT = 50_000;
/** DuckDB memory limit while a fast import runs. */
export const FAST_MEMORY_LIMIT = '1GB';

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const ISO = String.raw`^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$`;
const EXCEL_ID = String.raw`^[+-]?\d+(\.\d+)?[eE]\+?\d+$`;
const EMAIL = String.raw`^[^\s@]+@[^\s@]+\.[^\s@]+$`;
const EDGE_SPACE = String.raw`^[\s\p{Z}\x{FEFF}]|[\s\p{Z}\x{FEFF}]$`;

export interface FastPlan {
  rowsRead: number;
  /** Write the rows (call inside the import's transaction). */
  load(tx: Store, importId: number): Promise<ReadResult>;
  drop(): Promise<void>;
}

export function fastEligible(prepared: Prepared, source: Source, engine: Engine): boolean {
  if (engine === 'js' || !('path' in source)) return false;
  if (prepared.detection.kind !== 'touchpoints' || prepared.encoding.encoding !== 'utf-8') return false;
  if (prepared.mapping.fields.occurred_fallback !== undefined || prepared.mapping.fields.lead_id !== undefined) return false;
  return engine === 'duckdb' || prepared.totalBytes >= FAST_MIN_BYTES;
}

/** Stage and check a touchpoints file; null when the JS path must read it. */
export async function planFastTouchpoints(store: Store, prepared: Prepared, source: { path: string }, config: Config): Promise<FastPlan | null> {
  const header = prepared.sniffed.header;
  const f = prepared.mapping.fields;
  const col = (field: string) => (f[field] === undefined ? null : `c${f[field]}`);
  const cols = header.map((_, i) => `${q(`c${i}`)}: 'VARCHAR'`).join(', ');
  const stg = `xroi_fast_${process.pid}_${Date.now()}`;
  // bounded memory: DuckDB spills the staged rows to its temp folder beyond this
  const previousLimit = await store.scalar<string>("SELECT current_setting('memory_limit')");
  await store.run(`SET memory_limit = ${q(FAST_MEMORY_LIMIT)}`);
  const restore = async () => {
    if (previousLimit) await store.run(`SET memory_limit = ${q(previousLimit)}`);
  };
  try {
    await store.run(
      `CREATE TEMP TABLE ${stg} AS SELECT * FROM read_csv(${q(source.path)}, header = false, skip = ${prepared.sniffed.headerLine}, delim = ${q(prepared.sniffed.delimiter)}, quote = '"', escape = '"', auto_detect = false, strict_mode = true, columns = {${cols}})`,
    );
  } catch {
    await restore();
    return null;
  }
  const drop = async () => {
    await store.run(`DROP TABLE IF EXISTS ${stg}`);
    await restore();
  };
  try {
    const notBlank = header.map((_, i) => `c${i} IS NOT NULL`).join(' OR ');
    const text = ['channel_raw', 'source', 'medium', 'campaign', 'content', 'referrer'].map(col).filter((c): c is string => c !== null);
    const ids = ['person_id', 'post_id', 'account_id'].map(col).filter((c): c is string => c !== null);
    const person = col('person_id');
    const email = col('email');
    const at = col('occurred_at')!;
    const landing = col('landing_page');
    const checks: string[] = [
      `count(*) FILTER (WHERE ${at} IS NULL OR NOT regexp_full_match(${at}, ${q(ISO)}) OR coalesce(TRY_CAST(substr(${at}, 1, 4) AS INTEGER), 0) NOT BETWEEN 1900 AND 2200 OR TRY_CAST(regexp_replace(${at}, '(Z|[+-]\\d{2}:?\\d{2})$', '') AS TIMESTAMP) IS NULL)`,
      `count(*) FILTER (WHERE ${[person, email].filter(Boolean).map((c) => `coalesce(${c}, '') = ''`).join(' AND ')})`,
      ...ids.map((c) => `count(*) FILTER (WHERE regexp_full_match(${c}, ${q(EXCEL_ID)}) OR ${c} = '-' OR regexp_matches(${c}, ${q(EDGE_SPACE)}))`),
      ...text.map((c) => `count(*) FILTER (WHERE regexp_matches(${c}, ${q(EDGE_SPACE)}))`),
    ];
    if (email) checks.push(`count(*) FILTER (WHERE ${email} IS NOT NULL AND (NOT regexp_full_match(${email}, ${q(EMAIL)}) OR regexp_matches(${email}, '[^\\x00-\\x7F]')))`);
    if (landing) checks.push(`count(*) FILTER (WHERE coalesce(${landing}, '') <> '')`);
    const row = (await store.query(`SELECT count(*) AS n, ${checks.map((c, i) => `${c} AS k${i}`).join(', ')} FROM ${stg} WHERE ${notBlank}`))[0]!;
    for (let i = 0; i < checks.length; i++) if (Number(row[`k${i}`]) !== 0) return (await drop(), null);
    const rowsRead = Number(row.n);
    if (rowsRead === 0) return (await drop(), null);

    // low-cardinality columns through the JS parsers, one mapping table each
    const maps: { field: string; c: string; table: string; type: string }[] = [];
    const kindC = col('kind');
    const convC = col('is_conversion');
    const valC = col('conversion_value');
    const add = async (field: string, c: string | null, type: string, parse: (raw: string) => unknown): Promise<boolean> => {
      if (!c) return true;
      const distinct = await store.query<{ v: string | null }>(`SELECT DISTINCT ${c} AS v FROM ${stg} LIMIT ${MAX_DISTINCT + 1}`);
      if (distinct.length > MAX_DISTINCT) return false;
      const table = `${stg}_${field}`;
      await store.run(`CREATE TEMP TABLE ${table} (raw VARCHAR, v ${type})`);
      const rows: Param[][] = [];
      for (const { v } of distinct) {
        if (v === null) continue;
        const parsed = parse(v);
        if (isFailure(parsed)) return false;
        rows.push([v, parsed as Param]);
      }
      await store.append(table, ['raw', 'v'], rows);
      maps.push({ field, c, table, type });
      return true;
    };
    const ok =
      (await add('kind', kindC, 'VARCHAR', (r) => touchKind(r.trim() === '' ? null : r.trim()))) &&
      (await add('is_conversion', convC, 'BOOLEAN', parseBool)) &&
      (await add('conversion_value', valC, 'DOUBLE', (r) => parseMoney(r, prepared.sniffed.delimiter === ';')));
    if (!ok) {
      for (const m of maps) await store.run(`DROP TABLE IF EXISTS ${m.table}`);
      return (await drop(), null);
    }
    const mapped = (field: string) => {
      const m = maps.find((x) => x.field === field);
      return m ? `${m.table}.v` : 'NULL';
    };
    const joins = maps.map((m) => `LEFT JOIN ${m.table} ON ${m.table}.raw = s.${m.c}`).join(' ');
    const idExpr = (c: string | null) => (c ? `regexp_replace(s.${c}, '^(\\d+)\\.0+$', '\\1')` : 'NULL');
    const hash = email ? `sha256(${q(`${config.privacy.salt ?? ''}:`)} || lower(s.${email}))` : 'NULL';
    const personExpr = person ? `coalesce(NULLIF(${idExpr(person)}, ''), ${hash})` : hash;
    const tz = config.timeZone;
    const atExpr = `CASE WHEN regexp_matches(s.${at}, '(Z|[+-]\\d{2}:?\\d{2})$')
      THEN timezone('UTC', CAST(regexp_replace(s.${at}, 'Z$', '+00:00') AS TIMESTAMPTZ))
      ELSE timezone('UTC', timezone(${q(tz)}, CAST(s.${at} AS TIMESTAMP))) END`;
    const t = (field: string) => {
      const c = col(field);
      return c ? `NULLIF(s.${c}, '')` : 'NULL';
    };
    const kindExpr = mapped('kind');
    const select = `SELECT ${personExpr}, ${col('account_id') ? idExpr(col('account_id')) : 'NULL'}, ${atExpr}, ${kindExpr},
      ${t('channel_raw')}, ${t('source')}, ${t('medium')}, ${t('campaign')}, ${t('content')}, ${t('referrer')}, NULL,
      ${col('post_id') ? idExpr(col('post_id')) : 'NULL'},
      coalesce(${mapped('is_conversion')}, coalesce(${kindExpr} = 'conversion', false)), ${mapped('conversion_value')}
      FROM ${stg} s ${joins} WHERE ${header.map((_, i) => `s.c${i} IS NOT NULL`).join(' OR ')}`;
    return {
      rowsRead,
      async load(tx, importId) {
        await tx.run(
          `INSERT INTO touchpoints (person_id, account_id, occurred_at, kind, channel_raw, source, medium, campaign, content, referrer, landing_page, post_id, is_conversion, conversion_value, import_id)
           SELECT *, ${importId} FROM (${select})`,
        );
        return { rowsRead, rowsStored: rowsRead, tables: { touchpoints: rowsRead } };
      },
      async drop() {
        for (const m of maps) await store.run(`DROP TABLE IF EXISTS ${m.table}`);
        await drop();
      },
    };
  } catch {
    // an SQL error while checking means an unusual file: the JS path reads it
    await store.run(`DROP TABLE IF EXISTS ${stg}_kind; DROP TABLE IF EXISTS ${stg}_is_conversion; DROP TABLE IF EXISTS ${stg}_conversion_value`);
    await drop();
    return null;
  }
}
