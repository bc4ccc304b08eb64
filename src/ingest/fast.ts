/**
 * The DuckDB fast path for large touchpoint files: DuckDB's `read_csv` stages the raw text, SQL
 * checks that every value is in a form whose conversion is exact in SQL (ISO times, plain ids,
 * ASCII e-mails), low-cardinality columns are converted by the same JS value parsers over their
 * distinct values, and one INSERT … SELECT writes the canonical rows. Anything unusual — a CSV
 * error, a value outside those forms, a row without an id — makes the fast path step aside, and
 * the streaming JS path (which locates every problem by line and column) reads the file instead.
 * Both paths store the same rows; a test keeps them equal.
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Config } from '../config/index.js';
import { decodedStream } from './decode.js';
import type { Param, Store } from '../store/index.js';
import type { Prepared, ReadResult, Source } from './read.js';
import { touchKind } from './kinds/touchpoints.js';
import { isFailure, parseBool, parseMoney } from './values.js';

export type Engine = 'auto' | 'js' | 'duckdb';

/** Files at least this large use the fast path under engine 'auto'. */
export const FAST_MIN_BYTES = 8 * 1024 * 1024;
const MAX_DISTINCT = 50_000;

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
  if (prepared.detection.kind !== 'touchpoints') return false;
  if (prepared.mapping.fields.occurred_fallback !== undefined || prepared.mapping.fields.lead_id !== undefined)
    return false;
  return engine === 'duckdb' || prepared.totalBytes >= FAST_MIN_BYTES;
}

/** Check a touchpoints file in DuckDB; null when the JS path must read it. */
export async function planFastTouchpoints(
  store: Store,
  prepared: Prepared,
  source: { path: string },
  config: Config,
): Promise<FastPlan | null> {
  const header = prepared.sniffed.header;
  const f = prepared.mapping.fields;
  const col = (field: string) => (f[field] === undefined ? null : `c${f[field]}`);
  const cols = header.map((_, i) => `${q(`c${i}`)}: 'VARCHAR'`).join(', ');
  // the file is scanned (not materialised) by each query: memory stays bounded
  const csv = `read_csv(${q(source.path)}, header = false, skip = ${prepared.sniffed.headerLine}, delim = ${q(prepared.sniffed.delimiter)}, quote = '"', escape = '"', auto_detect = false, strict_mode = true, columns = {${cols}})`;
  const notBlank = header.map((_, i) => `c${i} IS NOT NULL`).join(' OR ');
  const tag = `xroi_fast_${process.pid}_${Date.now()}`;
  const maps: { field: string; c: string; table: string }[] = [];
  const drop = async () => {
    for (const m of maps) await store.run(`DROP TABLE IF EXISTS ${m.table}`);
  };
  try {
    const text = ['channel_raw', 'source', 'medium', 'campaign', 'content', 'referrer']
      .map(col)
      .filter((c): c is string => c !== null);
    const ids = ['person_id', 'post_id', 'account_id'].map(col).filter((c): c is string => c !== null);
    const person = col('person_id');
    const email = col('email');
    const at = col('occurred_at')!;
    const landing = col('landing_page');
    type LowCard = { field: string; c: string; type: string; parse: (r: string) => unknown };
    const candidates: (Omit<LowCard, 'c'> & { c: string | null })[] = [
      {
        field: 'kind',
        c: col('kind'),
        type: 'VARCHAR',
        parse: (r: string) => touchKind(r.trim() === '' ? null : r.trim()),
      },
      { field: 'is_conversion', c: col('is_conversion'), type: 'BOOLEAN', parse: parseBool },
      {
        field: 'conversion_value',
        c: col('conversion_value'),
        type: 'DOUBLE',
        parse: (r: string) => parseMoney(r, prepared.sniffed.delimiter === ';'),
      },
    ];
    const lowCard: LowCard[] = candidates.filter((x): x is LowCard => x.c !== null);
    const checks: string[] = [
      `count(*) FILTER (WHERE ${at} IS NULL OR NOT regexp_full_match(${at}, ${q(ISO)}) OR coalesce(TRY_CAST(substr(${at}, 1, 4) AS INTEGER), 0) NOT BETWEEN 1900 AND 2200 OR TRY_CAST(regexp_replace(${at}, '(Z|[+-]\\d{2}:?\\d{2})$', '') AS TIMESTAMP) IS NULL)`,
      `count(*) FILTER (WHERE ${[person, email]
        .filter(Boolean)
        .map((c) => `coalesce(${c}, '') = ''`)
        .join(' AND ')})`,
      ...ids.map(
        (c) =>
          `count(*) FILTER (WHERE regexp_full_match(${c}, ${q(EXCEL_ID)}) OR ${c} = '-' OR regexp_matches(${c}, ${q(EDGE_SPACE)}))`,
      ),
      ...text.map((c) => `count(*) FILTER (WHERE regexp_matches(${c}, ${q(EDGE_SPACE)}))`),
      ...lowCard.map((m) => `CASE WHEN approx_count_distinct(${m.c}) > ${MAX_DISTINCT / 2} THEN 1 ELSE 0 END`),
    ];
    if (email)
      checks.push(
        `count(*) FILTER (WHERE ${email} IS NOT NULL AND (NOT regexp_full_match(${email}, ${q(EMAIL)}) OR regexp_matches(${email}, '[^\\x00-\\x7F]')))`,
      );
    if (landing) checks.push(`count(*) FILTER (WHERE coalesce(${landing}, '') <> '')`);
    const row = (
      await store.query(
        `SELECT count(*) AS n, ${checks.map((c, i) => `${c} AS k${i}`).join(', ')} FROM ${csv} WHERE ${notBlank}`,
      )
    )[0]!;
    for (let i = 0; i < checks.length; i++) if (Number(row[`k${i}`]) !== 0) return null;
    const rowsRead = Number(row.n);
    if (rowsRead === 0) return null;

    // low-cardinality columns through the JS parsers: one scan for their distinct values
    if (lowCard.length > 0) {
      const lists = lowCard.map((m, i) => `list(DISTINCT ${m.c}) AS l${i}`).join(', ');
      const union = lowCard.map((_, i) => `SELECT ${i} AS i, unnest(l${i}) AS v FROM d`).join(' UNION ALL ');
      const distinct = await store.query<{ i: number; v: string }>(
        `WITH d AS MATERIALIZED (SELECT ${lists} FROM ${csv}) ${union}`,
      );
      for (let i = 0; i < lowCard.length; i++) {
        const m = lowCard[i]!;
        const table = `${tag}_${m.field}`;
        await store.run(`CREATE TEMP TABLE ${table} (raw VARCHAR, v ${m.type})`);
        maps.push({ field: m.field, c: m.c, table });
        const rows: Param[][] = [];
        for (const d of distinct) {
          if (d.i !== i || d.v === null) continue;
          const parsed = m.parse(d.v);
          if (isFailure(parsed)) return (await drop(), null);
          rows.push([d.v, parsed as Param]);
        }
        await store.append(table, ['raw', 'v'], rows);
      }
    }
    const mapped = (field: string) => {
      const m = maps.find((x) => x.field === field);
      return m ? `${m.table}.v` : 'NULL';
    };
    const joins = maps.map((m) => `LEFT JOIN ${m.table} ON ${m.table}.raw = s.${m.c}`).join(' ');
    const idExpr = (c: string | null) => (c ? `regexp_replace(s.${c}, '^(\\d+)\\.0+$', '\\1')` : 'NULL');
    const hash = email ? `sha256(${q(`${config.privacy.salt ?? ''}:`)} || lower(s.${email}))` : 'NULL';
    const personExpr = person ? `coalesce(NULLIF(${idExpr(person)}, ''), ${hash})` : hash;
    // UTC instants: Z and ±hh:mm by arithmetic; wall times through the time zone (ICU)
    const a = `s.${at}`;
    const atExpr = `CASE
      WHEN ${a}[-1:] = 'Z' THEN CAST(left(${a}, length(${a}) - 1) AS TIMESTAMP)
      WHEN regexp_matches(${a}, '[+-]\\d{2}:?\\d{2}$') THEN
        CAST(regexp_replace(${a}, '[+-]\\d{2}:?\\d{2}$', '') AS TIMESTAMP)
        - to_minutes((CASE WHEN regexp_extract(${a}, '([+-])\\d{2}:?\\d{2}$', 1) = '-' THEN -1 ELSE 1 END)
          * (CAST(regexp_extract(${a}, '[+-](\\d{2}):?\\d{2}$', 1) AS INTEGER) * 60 + CAST(regexp_extract(${a}, '[+-]\\d{2}:?(\\d{2})$', 1) AS INTEGER)))
      ELSE timezone('UTC', timezone(${q(config.timeZone)}, CAST(${a} AS TIMESTAMP))) END`;
    const t = (field: string) => {
      const c = col(field);
      return c ? `NULLIF(s.${c}, '')` : 'NULL';
    };
    const kindExpr = mapped('kind');
    const select = `SELECT ${personExpr}, ${col('account_id') ? idExpr(col('account_id')) : 'NULL'}, ${atExpr}, ${kindExpr},
      ${t('channel_raw')}, ${t('source')}, ${t('medium')}, ${t('campaign')}, ${t('content')}, ${t('referrer')}, NULL,
      ${col('post_id') ? idExpr(col('post_id')) : 'NULL'},
      coalesce(${mapped('is_conversion')}, coalesce(${kindExpr} = 'conversion', false)), ${mapped('conversion_value')}
      FROM ${csv} s ${joins} WHERE ${header.map((_, i) => `s.c${i} IS NOT NULL`).join(' OR ')}`;
    return {
      rowsRead,
      async load(tx, importId) {
        await tx.run(
          `INSERT INTO touchpoints (person_id, account_id, occurred_at, kind, channel_raw, source, medium, campaign, content, referrer, landing_page, post_id, is_conversion, conversion_value, import_id)
           SELECT *, ${importId} FROM (${select})`,
        );
        return { rowsRead, rowsStored: rowsRead, tables: { touchpoints: rowsRead } };
      },
      drop,
    };
  } catch {
    await drop();
    return null;
  }
}

/**
 * DuckDB reads UTF-8 only: a file in another encoding is decoded once into a temp UTF-8 copy
 * (streamed, so memory stays bounded). Returns the path to read and a cleanup function.
 */
export async function utf8Copy(
  prepared: Prepared,
  source: { path: string },
): Promise<{ path: string; remove: () => void }> {
  if (prepared.encoding.encoding === 'utf-8') return { path: source.path, remove: () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'xroi-utf8-'));
  const path = join(dir, 'decoded.csv');
  await pipeline(decodedStream(source.path, prepared.encoding.encoding), createWriteStream(path));
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
