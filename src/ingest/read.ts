/**
 * Reading one file: `prepare` looks at its head (encoding, header row, delimiter, kind, column
 * mapping) and `readRows` streams every record through csv-parse, parses the mapped cells with the
 * value parsers and hands them to the kind's mapper. Problems become located Issues; nothing here
 * touches the store.
 */
import { Readable } from 'node:stream';
import { statSync } from 'node:fs';
import { parse } from 'csv-parse';
import { createHash } from 'node:crypto';
import type { Config } from '../config/index.js';
import { ImportError } from '../errors.js';
import type { IssuePath } from '../issues.js';
import {
  binarySignature,
  decodeBuffer,
  decodedStream,
  detectEncoding,
  readHead,
  sniff,
  type EncodingGuess,
  type Sniffed,
} from './decode.js';
import { detectKind, isDetection, resolveMapping, type Detection, type Mapping } from './detect.js';
import { IssueCollector, makeIssue } from './issues.js';
import { KINDS, type DynamicColumn, type FieldType, type Kind, type KindSpec, type MapContext } from './kinds/types.js';
import { kindSpecs } from './kinds/registry.js';
import { PRIMARY_KEYS, type TableName, type TableRow } from './tables.js';
import {
  civilToInstant,
  instantText,
  isFailure,
  parseBool,
  parseCount,
  parseDate,
  parseEmail,
  parseId,
  parseInstant,
  parseMoney,
  parseNumber,
  parseText,
} from './values.js';

/** A file on disk, or bytes in memory (tests, fuzzing, uploads). */
export type Source = { path: string; name: string } | { bytes: Buffer; name: string };

export interface ReadOptions {
  /** Force the kind instead of detecting it. */
  kind?: string;
  /** Force the encoding (utf-8, utf-16le, utf-16be, cp932). */
  encoding?: string;
  /** Hand mapping canonical field → header (wins over config `ingest.mappings`). */
  map?: Record<string, string>;
}

export interface Prepared {
  name: string;
  encoding: EncodingGuess;
  sniffed: Sniffed;
  detection: Detection;
  mapping: Mapping;
  spec: KindSpec;
  /** Decoded head of the file (for samples). */
  headText: string;
  totalBytes: number;
}

const HEAD_BYTES = 256 * 1024;

function fail(
  source: Source,
  config: Config,
  code: string,
  path: Partial<IssuePath>,
  value: string,
  params: Record<string, string | number> = {},
): never {
  const issue = makeIssue(
    config.locale,
    'error',
    code,
    { file: source.name, line: 1, column: 1, ...path },
    value,
    params,
  );
  throw new ImportError(source.name, [issue]);
}

function headOf(source: Source): { head: Buffer; total: number } {
  if ('bytes' in source) return { head: source.bytes.subarray(0, HEAD_BYTES), total: source.bytes.length };
  const head = readHead(source.path, HEAD_BYTES);
  return { head, total: statSync(source.path).size };
}

/** Look at the head of a file: encoding, header, kind and mapping. Throws a located ImportError. */
export function prepare(source: Source, config: Config, options: ReadOptions = {}): Prepared {
  let head: Buffer;
  let total: number;
  try {
    ({ head, total } = headOf(source));
  } catch {
    return fail(source, config, 'file_missing', {}, source.name);
  }
  if (head.length === 0) fail(source, config, 'file_empty', {}, '');
  const bin = binarySignature(head);
  if (bin) fail(source, config, 'not_text', {}, head.subarray(0, 8).toString('latin1'), { format: bin });
  let encoding: EncodingGuess;
  const override = options.encoding ?? config.ingest.encoding;
  try {
    encoding = detectEncoding(head, override);
  } catch {
    return fail(source, config, 'bad_encoding_option', {}, override ?? '', {});
  }
  let headText = decodeBuffer(head, encoding.encoding);
  if (total > head.length) {
    // drop the last (possibly cut) line of a partial head
    const cut = headText.lastIndexOf('\n');
    if (cut > 0) headText = headText.slice(0, cut + 1);
  }
  const nul = headText.indexOf('\u0000');
  if (nul >= 0) {
    const line = headText.slice(0, nul).split('\n').length;
    fail(source, config, 'not_text', { line }, headText.slice(Math.max(0, nul - 10), nul + 10), { format: 'binary' });
  }
  const bad = (headText.match(/\uFFFD/g) ?? []).length;
  if (bad > 0 && bad > headText.length / 200) {
    const at = headText.indexOf('\uFFFD');
    const line = headText.slice(0, at).split('\n').length;
    const col = headText.slice(headText.lastIndexOf('\n', at) + 1, at).split(',').length;
    fail(source, config, 'decode_failed', { line, column: col }, headText.slice(Math.max(0, at - 10), at + 10), {
      encoding: encoding.encoding,
    });
  }
  const sniffed = sniff(headText);
  if (!sniffed) fail(source, config, 'no_header', {}, headText.slice(0, 80));
  let forced: Kind | undefined;
  if (options.kind !== undefined) {
    if (!(KINDS as readonly string[]).includes(options.kind)) {
      fail(source, config, 'bad_kind_option', { line: sniffed.headerLine }, options.kind, { kinds: KINDS.join(', ') });
    }
    forced = options.kind as Kind;
  }
  const detection = detectKind(sniffed.header, forced ? { kind: forced } : {});
  const headerValue = sniffed.header.join(sniffed.delimiter === '\t' ? ' ' : sniffed.delimiter);
  if (!isDetection(detection)) {
    fail(
      source,
      config,
      detection.reason === 'paths' ? 'paths_file' : 'unknown_kind',
      { line: sniffed.headerLine },
      headerValue,
      {
        kinds: KINDS.join(', '),
      },
    );
  }
  const spec = kindSpecs[detection.kind];
  const mapping = resolveMapping(detection.kind, detection.preset, sniffed.header, config, {
    config: config.ingest.mappings[detection.kind],
    ...(options.map ? { flags: options.map } : {}),
  });
  const columns = sniffed.header.join(', ').slice(0, 300);
  const issues = [];
  const at = (field: string) => ({ file: source.name, line: sniffed.headerLine, column: 1, columnName: field });
  for (const f of mapping.unknownFields) {
    issues.push(
      makeIssue(config.locale, 'error', 'map_unknown_field', at(f), f, {
        field: f,
        kind: spec.kind,
        fields: Object.keys(spec.fields).join(', '),
      }),
    );
  }
  for (const u of mapping.unknownHeaders) {
    issues.push(
      makeIssue(config.locale, 'error', 'map_unknown_header', at(u.field), u.header, { field: u.field, columns }),
    );
  }
  for (const f of mapping.missing) {
    issues.push(
      makeIssue(config.locale, 'error', 'missing_column', at(f), headerValue.slice(0, 200), {
        field: f,
        kind: spec.kind,
        columns,
      }),
    );
  }
  for (const g of mapping.missingOneOf) {
    issues.push(
      makeIssue(config.locale, 'error', 'missing_one_of', at(g.join('|')), headerValue.slice(0, 200), {
        fields: g.join(', '),
        kind: spec.kind,
        columns,
      }),
    );
  }
  if (issues.length > 0) throw new ImportError(source.name, issues);
  return { name: source.name, encoding, sniffed, detection, mapping, spec, headText, totalBytes: total };
}

function parseValue(type: FieldType, raw: string, tz: string, decimalComma = false): unknown {
  switch (type) {
    case 'id':
      return parseId(raw);
    case 'first-id':
      return parseId(raw.split(';')[0] ?? '');
    case 'text':
      return parseText(raw);
    case 'raw':
      return raw.trim() === '' ? null : raw;
    case 'count':
      return parseCount(raw);
    case 'number':
      return parseNumber(raw, { decimalComma });
    case 'money':
      return parseMoney(raw, decimalComma);
    case 'ratio':
      return parseNumber(raw, { decimalComma });
    case 'instant': {
      const r = parseInstant(raw, tz);
      if (isFailure(r) && /\s[-~〜]\s/.test(raw)) return parseInstant(raw.split(/\s[-~〜]\s/)[0]!, tz);
      return r;
    }
    case 'date': {
      const r = parseDate(raw, tz);
      // a period such as "Jan 1, 2026 - Jan 31, 2026": its first day
      if (isFailure(r) && /\s[-~〜]\s/.test(raw)) return parseDate(raw.split(/\s[-~〜]\s/)[0]!, tz);
      return r;
    }
    case 'bool':
      return parseBool(raw);
    case 'email':
      return parseEmail(raw);
  }
}

/** Receives the canonical rows of one file. */
export interface Sink {
  write<T extends TableName>(table: T, row: TableRow<T>): void | Promise<void>;
}

export interface ReadResult {
  rowsRead: number;
  rowsStored: number;
  tables: Partial<Record<TableName, number>>;
}

export interface Progress {
  /** `read` while the file streams; `load` just before the rows are written to the store. */
  phase: 'read' | 'load';
  file: string;
  bytes: number;
  totalBytes: number;
  rows: number;
}

/**
 * Excel writes "?" for characters outside Shift_JIS (emoji): in Japanese text a "?" that does not
 * follow a Latin letter or digit (a real question mark there is usually the full-width ？).
 */
const LOSSY = /(^|[^A-Za-z0-9])\?/;
const NON_ASCII = /[\u0080-\uffff]/;

const CSV_CODES: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'unclosed_quote',
  CSV_INVALID_CLOSING_QUOTE: 'bad_quote',
  INVALID_OPENING_QUOTE: 'bad_quote',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'bad_quote',
};

/** Stream every record of a prepared file through the kind's mapper into `sink`. */
export async function readRows(
  prepared: Prepared,
  source: Source,
  config: Config,
  sink: Sink,
  issues: IssueCollector,
  onProgress?: (p: Progress) => void,
): Promise<ReadResult> {
  const { sniffed, mapping, spec } = prepared;
  const name = prepared.name;
  const tz = config.timeZone;
  const decimalComma = sniffed.delimiter === ';';
  const cp932 = prepared.encoding.encoding === 'cp932';
  const header = sniffed.header;
  const salt = config.privacy.salt ?? '';
  const fields = Object.entries(mapping.fields).map(([field, index]) => ({
    field,
    index,
    type: spec.fields[field]!.type,
    columnName: header[index] ?? field,
  }));
  const dynamic: DynamicColumn[] = mapping.dynamic;
  const seen: Partial<Record<TableName, Set<string>>> = {};
  const period = periodBounds(config);
  const tables: Partial<Record<TableName, number>> = {};
  let bytes = 0;
  const text: Readable =
    'bytes' in source
      ? Readable.from([decodeBuffer(source.bytes, prepared.encoding.encoding)])
      : decodedStream(source.path, prepared.encoding.encoding, (n) => (bytes += n));
  const parser = parse({
    delimiter: sniffed.delimiter,
    from_line: sniffed.headerLine + 1,
    relax_column_count: true,
    info: true,
    bom: true,
  });
  text.on('error', (e) => parser.destroy(e));
  text.pipe(parser);

  let rowsRead = 0;
  let rowsStored = 0;
  let lastEnd = sniffed.headerLine;
  let lastTick = 0;
  let line = 0;
  let skipRow = false;
  let pending: Promise<void>[] = [];
  const values: Record<string, unknown> = {};
  const dyn: { col: DynamicColumn; value: unknown }[] = [];
  const ctx: MapContext = {
    config,
    line: 0,
    values,
    dynamic: dyn,
    emit(table, row) {
      if (skipRow) return;
      const key = PRIMARY_KEYS[table];
      if (key) {
        const id = (row as Record<string, unknown>)[key] as string;
        const set = (seen[table] ??= new Set());
        if (set.has(id)) {
          skipRow = true;
          issues.warn('duplicate_skipped', { file: name, line, column: 1, columnName: key }, id);
          return;
        }
        set.add(id);
      }
      if (period) {
        const dateCol = TABLE_DATE[table];
        const v = dateCol ? ((row as Record<string, unknown>)[dateCol] as string | null | undefined) : null;
        if (v) {
          const [lo, hi] = v.length > 10 ? [period.startAt, period.endAt] : [period.start, period.end];
          if ((lo && v < lo) || (hi && v >= hi)) {
            const f =
              fields.find((x) => x.field === dateCol) ??
              fields.find((x) => spec.fields[x.field]!.type === 'instant' || spec.fields[x.field]!.type === 'date');
            issues.warn(
              'out_of_period',
              { file: name, line, column: f ? f.index + 1 : 1, columnName: f?.columnName ?? dateCol! },
              f ? (record[f.index] ?? '') : v,
              {
                start: config.period.start ?? '…',
                end: config.period.end ?? '…',
              },
            );
          }
        }
      }
      tables[table] = (tables[table] ?? 0) + 1;
      rowsStored++;
      const r = sink.write(table, row);
      if (r) pending.push(r);
    },
    issue(severity, code, field, value, params) {
      const f = field ? fields.find((x) => x.field === field) : undefined;
      const path: IssuePath = {
        file: name,
        line,
        column: f ? f.index + 1 : 1,
        columnName: f?.columnName ?? field ?? '',
      };
      if (severity === 'error') issues.error(code, path, value, params);
      else issues.warn(code, path, value, params);
    },
    raw(field) {
      return currentRaw(field);
    },
    hashEmail(email) {
      return createHash('sha256').update(`${salt}:${email}`).digest('hex');
    },
  };
  let record: string[] = [];
  const currentRaw = (field: string): string | undefined => {
    const i = mapping.fields[field];
    return i === undefined ? undefined : record[i];
  };

  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      record = item.record;
      const endLine = item.info.lines;
      let nl = 0;
      let blank = true;
      for (const v of record) {
        if (v !== '') blank = false;
        if (v.length > 0 && (v.includes('\n') || v.includes('\r'))) nl += (v.match(/\r\n|\r|\n/g) ?? []).length;
      }
      line = endLine - nl;
      lastEnd = endLine;
      if (blank || (record.length === 1 && record[0]!.trim() === '')) continue;
      rowsRead++;
      if (record.length < header.length) {
        issues.error(
          'short_row',
          { file: name, line, column: record.length + 1, columnName: header[record.length] ?? '' },
          record.join(sniffed.delimiter).slice(0, 80),
          {
            found: record.length,
            expected: header.length,
          },
        );
        if (issues.full) break;
        continue;
      }
      if (record.length > header.length && record.slice(header.length).some((v) => v.trim() !== '')) {
        issues.error('long_row', { file: name, line, column: header.length + 1 }, record[header.length] ?? '', {
          found: record.length,
          expected: header.length,
        });
        if (issues.full) break;
        continue;
      }
      if (spec.hasId && !spec.hasId(currentRaw)) {
        const idField = Object.keys(spec.fields)[0]!;
        const f = fields.find((x) => x.field === idField);
        issues.warn(
          'row_without_id',
          { file: name, line, column: f ? f.index + 1 : 1, columnName: f?.columnName ?? idField },
          f ? (record[f.index] ?? '') : '',
        );
        continue;
      }
      let rowOk = true;
      for (const k in values) delete values[k];
      for (const f of fields) {
        const raw = record[f.index] ?? '';
        const v = parseValue(f.type, raw, tz, decimalComma);
        if (isFailure(v)) {
          rowOk = false;
          issues.error(v.fail, { file: name, line, column: f.index + 1, columnName: f.columnName }, raw);
          values[f.field] = null;
        } else {
          values[f.field] = v;
          if (f.type === 'text' && typeof v === 'string' && v.length > 0) {
            if (v.includes('\uFFFD')) {
              issues.warn(
                'replacement_chars',
                { file: name, line, column: f.index + 1, columnName: f.columnName },
                v.slice(0, 40),
              );
            } else if (cp932 && LOSSY.test(v) && NON_ASCII.test(v)) {
              issues.warn(
                'lossy_excel',
                { file: name, line, column: f.index + 1, columnName: f.columnName },
                v.slice(0, 40),
              );
            }
          }
          if (v === null && spec.fields[f.field]!.required) {
            rowOk = false;
            issues.error('missing_value', { file: name, line, column: f.index + 1, columnName: f.columnName }, raw);
          }
        }
      }
      dyn.length = 0;
      for (const d of dynamic) {
        const raw = record[d.index] ?? '';
        const v = parseValue(d.type, raw, tz);
        if (isFailure(v)) {
          rowOk = false;
          issues.error(v.fail, { file: name, line, column: d.index + 1, columnName: header[d.index] ?? '' }, raw);
        } else dyn.push({ col: d, value: v });
      }
      if (issues.full) break;
      if (!rowOk) continue;
      ctx.line = line;
      skipRow = false;
      const errorsBefore = issues.errors.length;
      spec.map(ctx);
      if (issues.errors.length > errorsBefore && issues.full) break;
      if (pending.length > 0) {
        await Promise.all(pending);
        pending = [];
      }
      if (onProgress && (rowsRead & 1023) === 0) {
        const now = Date.now();
        if (now - lastTick > 200) {
          lastTick = now;
          onProgress({ phase: 'read', file: name, bytes, totalBytes: prepared.totalBytes, rows: rowsRead });
        }
      }
    }
  } catch (e) {
    const err = e as { code?: string; lines?: number; index?: number; message?: string; field?: string };
    const code = err.code ? CSV_CODES[err.code] : undefined;
    if (!code) throw e;
    let atLine = err.lines ?? lastEnd + 1;
    let col = (err.index ?? 0) + 1;
    let value = typeof err.field === 'string' ? err.field : String(err.message ?? '').slice(0, 80);
    if (code === 'unclosed_quote') {
      const at = await findUnclosedQuote(prepared, source);
      if (at) ({ line: atLine, column: col, value } = at);
    }
    issues.error(code, { file: name, line: atLine, column: col, columnName: header[col - 1] ?? '' }, value);
  } finally {
    text.unpipe(parser);
    text.destroy();
  }
  if (issues.full) {
    issues.errors.push(
      makeIssue(config.locale, 'error', 'too_many_errors', { file: name, line, column: 1 }, '', {
        count: issues.errors.length,
      }),
    );
  }
  if (rowsRead === 0 && issues.errors.length === 0) {
    issues.error('no_rows', { file: name, line: sniffed.headerLine + 1, column: 1 }, '');
  }
  if (onProgress)
    onProgress({
      phase: 'read',
      file: name,
      bytes: prepared.totalBytes,
      totalBytes: prepared.totalBytes,
      rows: rowsRead,
    });
  return { rowsRead, rowsStored, tables };
}

/** Where the quoted value that never closes begins (a second pass, only on that error). */
async function findUnclosedQuote(
  prepared: Prepared,
  source: Source,
): Promise<{ line: number; column: number; value: string } | null> {
  const delim = prepared.sniffed.delimiter;
  const text: AsyncIterable<string> =
    'bytes' in source
      ? Readable.from([decodeBuffer(source.bytes, prepared.encoding.encoding)])
      : decodedStream(source.path, prepared.encoding.encoding);
  let line = 1;
  let field = 0;
  let inQuote = false;
  let atStart = true;
  let prevQuote = false;
  let open: { line: number; column: number; value: string } | null = null;
  for await (const chunk of text) {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (line < prepared.sniffed.headerLine) {
        if (c === '\n') line++;
        continue;
      }
      if (inQuote) {
        if (open && open.value.length < 40) open.value += c;
        if (c === '"') {
          inQuote = false;
          prevQuote = true;
        } else if (c === '\n') line++;
        continue;
      }
      if (c === '"') {
        if (prevQuote) {
          inQuote = true; // a doubled quote inside a quoted value
          prevQuote = false;
          continue;
        }
        if (atStart) {
          inQuote = true;
          open = { line, column: field + 1, value: '"' };
        }
        atStart = false;
        continue;
      }
      prevQuote = false;
      if (c === delim) {
        field++;
        atStart = true;
      } else if (c === '\n') {
        line++;
        field = 0;
        atStart = true;
      } else if (c !== '\r') atStart = false;
    }
  }
  return inQuote ? open : null;
}

/** The column that dates a row of each table (for the out-of-period warning). */
const TABLE_DATE: Partial<Record<TableName, string>> = {
  posts: 'posted_at',
  x_daily: 'date',
  ad_daily: 'date',
  touchpoints: 'occurred_at',
  deals: 'created_at',
  web_daily: 'date',
  search_daily: 'date',
  costs: 'date',
};

/** The configured period as date strings and UTC instant strings (end exclusive), when set. */
function periodBounds(config: Config): { start?: string; end?: string; startAt?: string; endAt?: string } | null {
  const { start, end } = config.period;
  if (!start && !end) return null;
  const at = (d: string, plusDays: number) => {
    const [y, m, day] = d.split('-').map(Number) as [number, number, number];
    const c = new Date(Date.UTC(y, m - 1, day + plusDays));
    return instantText(
      civilToInstant(
        {
          y: c.getUTCFullYear(),
          m: c.getUTCMonth() + 1,
          d: c.getUTCDate(),
          h: 0,
          mi: 0,
          s: 0,
          ms: 0,
          offset: null,
          dateOnly: true,
        },
        config.timeZone,
      ),
    );
  };
  const out: { start?: string; end?: string; startAt?: string; endAt?: string } = {};
  if (start) {
    out.start = start;
    out.startAt = at(start, 0);
  }
  if (end) {
    const next = new Date(Date.parse(`${end}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    out.end = next;
    out.endAt = at(end, 1);
  }
  return out;
}
