/**
 * Cell value parsers: the forms that spreadsheets and vendor exports actually write. Each parser
 * takes the raw cell text and returns a value, `null` for an empty / "none" cell, or a
 * `ValueFailure` naming why it could not be read (the caller turns that into a located Issue).
 *
 * Numbers: thousands separators, ¥ ￥ $ € £ and 円, full-width digits, percents, scientific
 * notation, `(1,234)` negatives, `-` for none, `1938.0` for integers.
 * Dates: ISO (with or without time and offset), `YYYY/MM/DD`, `YYYY/M/D H:mm`, `YYYY年M月D日`,
 * X's `YYYY-MM-DD HH:mm +0000`, `Mon Feb 17 2025`, `Tue, Feb 18, 2025`, `YYYYMMDD`, `YYYY-MM`,
 * Excel serial numbers. Instants are UTC; a value without offset is a wall-clock time in the
 * configured time zone (date-only values are midnight there).
 */

export interface ValueFailure {
  fail: 'bad_number' | 'bad_integer' | 'bad_date' | 'bad_bool' | 'excel_id' | 'bad_email' | 'negative';
}

export const isFailure = (v: unknown): v is ValueFailure =>
  typeof v === 'object' && v !== null && 'fail' in (v as Record<string, unknown>);

const NONE = new Set(['', '-', '--', '—', '–', 'n/a', 'na', '#n/a', 'null', 'none', '(not set)', 'なし', '－']);

const NOT_ASCII = /[\u0080-\uffff]/;

/** Full-width forms (digits, letters, ￥, ，．％) to ASCII; trims spaces incl. U+3000. */
export function normalizeWidth(raw: string): string {
  // NFKC maps full-width digits/letters/punctuation to ASCII and ￥ to ¥ (ASCII needs none).
  return NOT_ASCII.test(raw) ? raw.normalize('NFKC').trim() : raw.trim();
}

export function isNone(raw: string): boolean {
  return NONE.has(normalizeWidth(raw).toLowerCase());
}

const CURRENCY = /^[¥$€£]|[¥$€£]$|円$|^(JPY|USD|EUR|GBP)\s*|\s*(JPY|USD|EUR|GBP)$/gi;
const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * A number. Percents become fractions (`0.25%` → 0.0025) unless `percentAsNumber` is set.
 * Returns null for none, a failure for text that is not a number.
 */
export function parseNumber(
  raw: string,
  options: { percentAsNumber?: boolean; decimalComma?: boolean } = {},
): number | null | ValueFailure {
  let s = normalizeWidth(raw);
  if (NONE.has(s.toLowerCase())) return null;
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  s = s.replace(/\s+/g, '');
  // Negative sign may sit before a currency mark: -¥1,200
  if (/^-[¥$€£]/.test(s)) {
    negative = !negative;
    s = s.slice(1);
  }
  s = s.replace(CURRENCY, '');
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  }
  if (s === '') return { fail: 'bad_number' };
  let n: number;
  if (options.decimalComma && /^[+-]?\d{1,3}(\.\d{3})*,\d+$|^[+-]?\d+,\d+$/.test(s))
    s = s.replace(/\./g, '').replace(',', '.');
  if (PLAIN.test(s)) n = Number(s);
  else if (GROUPED.test(s)) n = Number(s.replace(/,/g, ''));
  else return { fail: 'bad_number' };
  if (!Number.isFinite(n)) return { fail: 'bad_number' };
  if (negative) n = -n;
  if (percent && !options.percentAsNumber) n = n / 100;
  return n;
}

/** A whole non-negative count (`1938.0` is read as 1938). */
export function parseCount(raw: string): number | null | ValueFailure {
  const n = parseNumber(raw, { percentAsNumber: true });
  if (n === null || isFailure(n)) return n;
  if (!Number.isInteger(n) || !Number.isSafeInteger(n)) return { fail: 'bad_integer' };
  if (n < 0) return { fail: 'negative' };
  return n;
}

/** A non-negative amount of money (refunds are written as negative and refused). */
export function parseMoney(raw: string, decimalComma = false): number | null | ValueFailure {
  const n = parseNumber(raw, { percentAsNumber: true, decimalComma });
  if (n === null || isFailure(n)) return n;
  return n;
}

const TRUE = new Set(['true', 'yes', 'y', '1', '1.0', 't', 'won', 'はい', '○', '〇']);
const FALSE = new Set(['false', 'no', 'n', '0', '0.0', 'f', 'いいえ', '×']);

export function parseBool(raw: string): boolean | null | ValueFailure {
  const s = normalizeWidth(raw).toLowerCase();
  if (s === '') return null;
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  return { fail: 'bad_bool' };
}

/**
 * An identifier used as a join key. Refuses ids that Excel turned into `1.47689E+18` (digits are
 * lost). `123.0` from a float column becomes `123`.
 */
export function parseId(raw: string): string | null | ValueFailure {
  const s = raw.trim();
  if (s === '' || s === '-') return null;
  if (/^[+-]?\d+(\.\d+)?e\+?\d+$/i.test(s)) return { fail: 'excel_id' };
  if (/^\d+\.0+$/.test(s)) return s.replace(/\.0+$/, '');
  return s;
}

export function parseText(raw: string): string | null {
  const s = raw.trim();
  return s === '' ? null : s;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function parseEmail(raw: string): string | null | ValueFailure {
  const s = normalizeWidth(raw).toLowerCase();
  if (s === '') return null;
  return EMAIL.test(s) ? s : { fail: 'bad_email' };
}

/** A calendar reading before it is placed in a time zone. */
export interface Civil {
  y: number;
  m: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  ms: number;
  /** Offset from UTC in minutes when the text carried one (Z = 0). */
  offset: number | null;
  dateOnly: boolean;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

const RE_ISOISH =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(?:(am|pm)\s*)?(Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?$/i;
const RE_JA = /^(\d{4})年(\d{1,2})月(\d{1,2})日(?:\s*(\d{1,2})[:時](\d{2})分?(?::(\d{2}))?)?$/;
const RE_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const RE_MONTH = /^(\d{4})[-/](\d{1,2})$|^(\d{4})年(\d{1,2})月$/;
// Mon Feb 17 2025 | Tue, Feb 18, 2025 | Feb 18, 2025 | 18 Feb 2025 (with optional time)
const RE_NAMED =
  /^(?:[a-z]{3,9},?\s+)?([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?)?$/i;
const RE_NAMED_DMY = /^(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4})$/i;
// Excel serials between 1990-01-01 (32874) and 2100-01-01 (73051), with an optional fraction
const RE_SERIAL = /^(\d{5})(\.\d+)?$/;

function valid(c: Civil): Civil | null {
  if (c.m < 1 || c.m > 12 || c.d < 1 || c.h > 24 || c.mi > 59 || c.s > 60) return null;
  const dim = new Date(Date.UTC(c.y, c.m, 0)).getUTCDate();
  if (c.d > dim) return null;
  if (c.y < 1900 || c.y > 2200) return null;
  return c;
}

function offsetMinutes(z: string | undefined): number | null {
  if (!z) return null;
  const u = z.toUpperCase();
  if (u === 'Z' || u === 'UTC' || u === 'GMT') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z);
  if (!m) return null;
  const v = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -v : v;
}

function hour12(h: number, ampm: string | undefined): number {
  if (!ampm) return h;
  const pm = ampm.toLowerCase() === 'pm';
  if (h === 12) return pm ? 12 : 0;
  return pm ? h + 12 : h;
}

/** Read a date or date-time into its calendar parts, or null when it is not a date. */
export function parseCivil(raw: string): Civil | null {
  const s = normalizeWidth(raw).replace(/\s+/g, ' ');
  if (s === '') return null;
  let m = RE_ISOISH.exec(s);
  if (m) {
    const hasTime = m[4] !== undefined;
    const frac = m[7] ? Number(`0.${m[7]}`) : 0;
    return valid({
      y: Number(m[1]),
      m: Number(m[2]),
      d: Number(m[3]),
      h: hasTime ? hour12(Number(m[4]), m[8]) : 0,
      mi: hasTime ? Number(m[5]) : 0,
      s: m[6] ? Number(m[6]) : 0,
      ms: Math.round(frac * 1000),
      offset: offsetMinutes(m[9]),
      dateOnly: !hasTime,
    });
  }
  m = RE_JA.exec(s);
  if (m) {
    const hasTime = m[4] !== undefined;
    return valid({
      y: Number(m[1]),
      m: Number(m[2]),
      d: Number(m[3]),
      h: hasTime ? Number(m[4]) : 0,
      mi: hasTime ? Number(m[5]) : 0,
      s: m[6] ? Number(m[6]) : 0,
      ms: 0,
      offset: null,
      dateOnly: !hasTime,
    });
  }
  m = RE_NAMED.exec(s);
  if (m) {
    const mon = MONTHS[m[1]!.toLowerCase()];
    if (!mon) return null;
    const hasTime = m[4] !== undefined;
    return valid({
      y: Number(m[3]),
      m: mon,
      d: Number(m[2]),
      h: hasTime ? hour12(Number(m[4]), m[7]) : 0,
      mi: hasTime ? Number(m[5]) : 0,
      s: m[6] ? Number(m[6]) : 0,
      ms: 0,
      offset: null,
      dateOnly: !hasTime,
    });
  }
  m = RE_NAMED_DMY.exec(s);
  if (m) {
    const mon = MONTHS[m[2]!.toLowerCase()];
    if (!mon) return null;
    return valid({ y: Number(m[3]), m: mon, d: Number(m[1]), h: 0, mi: 0, s: 0, ms: 0, offset: null, dateOnly: true });
  }
  m = RE_COMPACT.exec(s);
  if (m) {
    return valid({
      y: Number(m[1]),
      m: Number(m[2]),
      d: Number(m[3]),
      h: 0,
      mi: 0,
      s: 0,
      ms: 0,
      offset: null,
      dateOnly: true,
    });
  }
  m = RE_MONTH.exec(s);
  if (m) {
    const y = Number(m[1] ?? m[3]);
    const mo = Number(m[2] ?? m[4]);
    return valid({ y, m: mo, d: 1, h: 0, mi: 0, s: 0, ms: 0, offset: null, dateOnly: true });
  }
  m = RE_SERIAL.exec(s);
  if (m) {
    const serial = Number(s);
    if (serial < 32874 || serial > 73051) return null;
    // Excel day 25569 is 1970-01-01 (the 1900 leap-year bug is already in the offset)
    const ms = Math.round((serial - 25569) * 86_400_000);
    const dt = new Date(ms);
    const dateOnly = !m[2];
    return {
      y: dt.getUTCFullYear(),
      m: dt.getUTCMonth() + 1,
      d: dt.getUTCDate(),
      h: dt.getUTCHours(),
      mi: dt.getUTCMinutes(),
      s: dt.getUTCSeconds(),
      ms: 0,
      offset: null,
      dateOnly,
    };
  }
  return null;
}

const offsetCache = new Map<string, Intl.DateTimeFormat>();

/** Offset of `timeZone` from UTC (minutes) at the UTC instant `utcMs`. */
export function zoneOffset(timeZone: string, utcMs: number): number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 0;
  let fmt = offsetCache.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetCache.set(timeZone, fmt);
  }
  const p: Record<string, number> = {};
  for (const part of fmt.formatToParts(new Date(utcMs))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour! % 24, p.minute!, p.second!);
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

const instantCache = new Map<string, number>();

/** The UTC instant (ms) of a calendar reading; a reading without offset is wall time in `timeZone`. */
export function civilToInstant(c: Civil, timeZone: string): number {
  const wall = Date.UTC(c.y, c.m - 1, c.d, c.h, c.mi, c.s, c.ms);
  if (c.offset !== null) return wall - c.offset * 60_000;
  // cache the offset per zone and hour: most files repeat the same days
  const key = `${timeZone}|${Math.floor(wall / 3_600_000)}`;
  let off = instantCache.get(key);
  if (off === undefined) {
    let guess = wall - zoneOffset(timeZone, wall) * 60_000;
    guess = wall - zoneOffset(timeZone, guess) * 60_000;
    off = (wall - guess) / 60_000;
    if (instantCache.size > 50_000) instantCache.clear();
    instantCache.set(key, off);
  }
  return wall - off * 60_000;
}

/** The calendar date (YYYY-MM-DD) of a reading in `timeZone`: as written unless it carries an offset. */
export function civilToDate(c: Civil, timeZone: string): string {
  if (c.offset === null || c.dateOnly) return ymd(c.y, c.m, c.d);
  const utc = civilToInstant(c, timeZone);
  const local = new Date(utc + zoneOffset(timeZone, utc) * 60_000);
  return ymd(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate());
}

function ymd(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** An instant as DuckDB TIMESTAMP text (UTC, naive). */
export function instantText(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

export function parseInstant(raw: string, timeZone: string): { at: string; dateOnly: boolean } | null | ValueFailure {
  if (normalizeWidth(raw) === '' || isNone(raw)) return null;
  const c = parseCivil(raw);
  if (!c) return { fail: 'bad_date' };
  return { at: instantText(civilToInstant(c, timeZone)), dateOnly: c.dateOnly };
}

export function parseDate(raw: string, timeZone: string): string | null | ValueFailure {
  if (normalizeWidth(raw) === '' || isNone(raw)) return null;
  const c = parseCivil(raw);
  if (!c) return { fail: 'bad_date' };
  return civilToDate(c, timeZone);
}
