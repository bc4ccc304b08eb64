/**
 * Reader for path data in ChannelAttribution's layout [1]: a header, then one row per path with
 * the path (channels joined by ` > `), total conversions, total conversion value and total nulls —
 * `path;total_conversions;total_conversion_value;total_null` — with any of `; , TAB |` as the
 * delimiter (detected from the header). Identical paths are aggregated (their counts added) while
 * reading, so the models see each distinct path once.
 *
 * Speed matters here (it is the benchmark input, 10^6 rows): the reader scans the bytes once,
 * interns channel names by hashing their bytes (no string per touch) and aggregates paths in an
 * open-addressing hash table over the channel codes.
 *
 * Columns are found by name: the path column contains "path"; conversions contain "conv" (and not
 * "value"); value contains "value"; nulls contain "null". Value and nulls may be absent (0).
 * Quoted fields are unquoted; a channel name may not contain the path separator.
 *
 * References: [1] ChannelAttribution, `PathData` example data and `markov_model(Data, var_path,
 * var_conv, var_value, var_null)`.
 */
import { readFileSync } from 'node:fs';
import { XroiError } from '../../errors.js';
import type { PathTable } from './path-table.js';

export interface PathReadOptions {
  /** Separator between channels in the path. Default '>' (surrounding blanks are trimmed). */
  separator?: string;
  /** Column names; found from the header when not given. */
  pathColumn?: string;
  conversionsColumn?: string;
  valueColumn?: string;
  nullsColumn?: string;
  /** File name used in error messages. */
  fileName?: string;
}

export interface PathReadStats {
  /** Data rows read (excluding the header and blank lines). */
  rowsRead: number;
  /** Distinct paths after aggregation. */
  distinctPaths: number;
  /** Rows whose path had no channel (skipped). */
  emptyPaths: number;
  delimiter: string;
}

const CR = 13;
const LF = 10;
const QUOTE = 34;

/** Read a ChannelAttribution-style path file. */
export function readPathsFile(file: string, options: PathReadOptions = {}): { table: PathTable; stats: PathReadStats } {
  return readPaths(readFileSync(file), { fileName: file.split(/[\\/]/).pop(), ...options });
}

/** Parse path data from bytes (UTF-8, with or without BOM). */
export function readPaths(
  bytes: Uint8Array,
  options: PathReadOptions = {},
): { table: PathTable; stats: PathReadStats } {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fileName = options.fileName ?? 'paths';
  let pos = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  // header
  let eol = buf.indexOf(LF, pos);
  if (eol < 0) eol = buf.length;
  const header = buf.toString('utf8', pos, eol).replace(/\r$/, '');
  const delimiter = detectDelimiter(header);
  const names = header.split(delimiter).map((h) => h.trim().replace(/^"|"$/g, '').trim());
  const find = (given: string | undefined, test: (h: string) => boolean, label: string, required: boolean) => {
    const i = given !== undefined ? names.indexOf(given) : names.findIndex((h) => test(h.toLowerCase()));
    if (i < 0 && required) {
      throw new XroiError(
        'paths_missing_column',
        `${fileName}: no ${label} column in the header (${names.join(', ')})`,
        'the header must name the columns, e.g. path;total_conversions;total_conversion_value;total_null',
      );
    }
    return i;
  };
  const iPath = find(options.pathColumn, (h) => h.includes('path'), 'path', true);
  const iConv = find(options.conversionsColumn, (h) => h.includes('conv') && !h.includes('value'), 'conversions', true);
  const iValue = find(options.valueColumn, (h) => h.includes('value'), 'conversion value', false);
  const iNull = find(options.nullsColumn, (h) => h.includes('null'), 'nulls', false);
  const nFields = names.length;
  pos = eol + 1;

  const sep = Buffer.from(options.separator ?? '>', 'utf8');
  const delim = delimiter.charCodeAt(0);
  const builder = new TableBuilder();
  const fieldStart = new Int32Array(nFields);
  const fieldEnd = new Int32Array(nFields);
  let line = 1;
  let rowsRead = 0;
  let emptyPaths = 0;
  let pathCodes = new Int32Array(64);
  let nCodes = 0;
  while (pos < buf.length) {
    line++;
    // split one line into fields (quotes: a field starting with " runs to the next " before a delimiter)
    let f = 0;
    let p = pos;
    let lineEnd = -1;
    while (f < nFields) {
      let s = p;
      let e: number;
      if (buf[p] === QUOTE) {
        s = p + 1;
        let q = buf.indexOf(QUOTE, s);
        while (q >= 0 && buf[q + 1] === QUOTE) q = buf.indexOf(QUOTE, q + 2);
        if (q < 0) q = buf.length;
        e = q;
        p = q + 1;
        while (p < buf.length && buf[p] !== delim && buf[p] !== LF) p++;
      } else {
        while (p < buf.length && buf[p] !== delim && buf[p] !== LF) p++;
        e = p;
      }
      if (e > s && buf[e - 1] === CR) e--;
      fieldStart[f] = s;
      fieldEnd[f] = e;
      f++;
      if (p >= buf.length || buf[p] === LF) {
        lineEnd = p;
        break;
      }
      p++; // delimiter
    }
    if (lineEnd < 0) {
      // more fields than the header: skip to the end of the line
      lineEnd = buf.indexOf(LF, p);
      if (lineEnd < 0) lineEnd = buf.length;
    }
    const next = lineEnd + 1;
    if (f === 1 && fieldEnd[0]! <= fieldStart[0]!) {
      pos = next; // blank line
      continue;
    }
    if (f <= Math.max(iPath, iConv)) {
      throw new XroiError(
        'paths_short_row',
        `${fileName}:${line}: the row has ${f} fields, the header ${nFields}`,
        `check the delimiter ("${delimiter === '\t' ? 'TAB' : delimiter}" was detected from the header)`,
      );
    }
    rowsRead++;
    const conv = fieldNumber(buf, fieldStart, fieldEnd, f, iConv, 'conversions', fileName, line);
    const value = fieldNumber(buf, fieldStart, fieldEnd, f, iValue, 'conversion value', fileName, line);
    const nul = fieldNumber(buf, fieldStart, fieldEnd, f, iNull, 'nulls', fileName, line);
    // tokenize the path
    nCodes = 0;
    const ps = fieldStart[iPath]!;
    const pe = fieldEnd[iPath]!;
    let t = ps;
    for (let k = ps; k <= pe; k++) {
      if (k === pe || matchAt(buf, k, sep)) {
        let a = t;
        let b = k;
        while (a < b && (buf[a] === 32 || buf[a] === 9)) a++;
        while (b > a && (buf[b - 1] === 32 || buf[b - 1] === 9)) b--;
        if (b > a) {
          if (nCodes === pathCodes.length) {
            const grown = new Int32Array(nCodes * 2);
            grown.set(pathCodes);
            pathCodes = grown;
          }
          pathCodes[nCodes++] = builder.intern(buf, a, b);
        }
        k += sep.length - 1;
        t = k + 1;
      }
    }
    if (nCodes === 0) emptyPaths++;
    else builder.add(pathCodes, nCodes, conv, value, nul);
    pos = next;
  }
  const table = builder.finish();
  return { table, stats: { rowsRead, distinctPaths: table.rows, emptyPaths, delimiter } };
}

function fieldNumber(
  buf: Buffer,
  starts: Int32Array,
  ends: Int32Array,
  fields: number,
  i: number,
  label: string,
  fileName: string,
  line: number,
): number {
  if (i < 0 || i >= fields) return 0;
  const v = parseNumber(buf, starts[i]!, ends[i]!);
  if (Number.isNaN(v)) {
    throw new XroiError(
      'paths_bad_number',
      `${fileName}:${line}: ${label} "${buf.toString('utf8', starts[i]!, ends[i]!)}" is not a number`,
      'write counts and values as plain numbers, e.g. 3 or 12.5',
    );
  }
  return v;
}

function matchAt(buf: Buffer, k: number, sep: Buffer): boolean {
  if (buf[k] !== sep[0]) return false;
  for (let i = 1; i < sep.length; i++) if (buf[k + i] !== sep[i]) return false;
  return true;
}

function detectDelimiter(header: string): string {
  let best = ';';
  let count = 0;
  for (const d of [';', '\t', ',', '|']) {
    const c = header.split(d).length - 1;
    if (c > count) {
      best = d;
      count = c;
    }
  }
  return best;
}

/** Parse a plain decimal number from bytes; NaN when it is not one. Blank is 0. */
export function parseNumber(buf: Buffer, s: number, e: number): number {
  while (s < e && (buf[s] === 32 || buf[s] === QUOTE)) s++;
  while (e > s && (buf[e - 1] === 32 || buf[e - 1] === QUOTE)) e--;
  if (s === e) return 0;
  let i = s;
  let neg = false;
  if (buf[i] === 45) {
    neg = true;
    i++;
  }
  let int = 0;
  let digits = 0;
  while (i < e && buf[i]! >= 48 && buf[i]! <= 57) {
    int = int * 10 + (buf[i]! - 48);
    i++;
    digits++;
  }
  if (i === e && digits > 0 && digits < 16) return neg ? -int : int;
  if (buf[i] === 46 && digits < 16) {
    i++;
    let frac = 0;
    let scale = 1;
    let fd = 0;
    while (i < e && buf[i]! >= 48 && buf[i]! <= 57) {
      frac = frac * 10 + (buf[i]! - 48);
      scale *= 10;
      i++;
      fd++;
    }
    if (i === e && digits + fd > 0 && digits + fd <= 15) {
      // both integers are exact below 2^53 and 10^fd is exact, so one division rounds correctly,
      // giving the same double as Number(text)
      const v = (int * scale + frac) / scale;
      return neg ? -v : v;
    }
  }
  const text = buf.toString('latin1', s, e);
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text) ? Number(text) : NaN;
}

/** Growing columnar table with channel interning and path aggregation. */
class TableBuilder {
  private nameBytes = Buffer.alloc(1024);
  private nameLen = 0;
  private nameStart: number[] = [];
  private nameEnd: number[] = [];
  private nameSlots = new Int32Array(256).fill(-1);
  private codes = new Uint32Array(1 << 16);
  private used = 0;
  private offsets = new Uint32Array(1 << 12);
  private conv = new Float64Array(1 << 12);
  private value = new Float64Array(1 << 12);
  private nulls = new Float64Array(1 << 12);
  private rows = 0;
  private slots = new Int32Array(1 << 13).fill(-1);
  private hashes = new Uint32Array(1 << 12);

  intern(buf: Buffer, a: number, b: number): number {
    let h = 0x811c9dc5;
    for (let i = a; i < b; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
    const mask = this.nameSlots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const code = this.nameSlots[slot]!;
      if (code < 0) {
        const newCode = this.nameStart.length;
        const len = b - a;
        if (this.nameLen + len > this.nameBytes.length) {
          const grown = Buffer.alloc(Math.max(this.nameBytes.length * 2, this.nameLen + len));
          this.nameBytes.copy(grown, 0, 0, this.nameLen);
          this.nameBytes = grown;
        }
        buf.copy(this.nameBytes, this.nameLen, a, b);
        this.nameStart.push(this.nameLen);
        this.nameLen += len;
        this.nameEnd.push(this.nameLen);
        this.nameSlots[slot] = newCode;
        if (this.nameStart.length * 2 > this.nameSlots.length) this.rehashNames();
        return newCode;
      }
      const s = this.nameStart[code]!;
      const e = this.nameEnd[code]!;
      if (e - s === b - a) {
        // byte compare in JS: Buffer.compare's argument checks cost more than these few bytes
        const names = this.nameBytes;
        let i = 0;
        while (i < e - s && names[s + i] === buf[a + i]) i++;
        if (i === e - s) return code;
      }
    }
  }

  private rehashNames(): void {
    const slots = new Int32Array(this.nameSlots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let code = 0; code < this.nameStart.length; code++) {
      let h = 0x811c9dc5;
      for (let i = this.nameStart[code]!; i < this.nameEnd[code]!; i++)
        h = Math.imul(h ^ this.nameBytes[i]!, 0x01000193);
      let slot = h & mask;
      while (slots[slot]! >= 0) slot = (slot + 1) & mask;
      slots[slot] = code;
    }
    this.nameSlots = slots;
  }

  add(path: Int32Array, length: number, conv: number, value: number, nulls: number): void {
    let h = 0x811c9dc5 ^ length;
    for (let i = 0; i < length; i++) h = Math.imul(h ^ path[i]!, 0x01000193);
    // murmur3's finaliser spreads the bits, so that the low bits used as the slot are well mixed
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    h >>>= 0;
    const mask = this.slots.length - 1;
    let slot = h & mask;
    for (; ; slot = (slot + 1) & mask) {
      const r = this.slots[slot]!;
      if (r < 0) break;
      if (this.hashes[r] === h && this.samePath(r, path, length)) {
        this.conv[r] = this.conv[r]! + conv;
        this.value[r] = this.value[r]! + value;
        this.nulls[r] = this.nulls[r]! + nulls;
        return;
      }
    }
    const r = this.rows++;
    if (r + 2 > this.offsets.length) this.growRows();
    if (this.used + length > this.codes.length) {
      const grown = new Uint32Array(Math.max(this.codes.length * 2, this.used + length));
      grown.set(this.codes.subarray(0, this.used));
      this.codes = grown;
    }
    this.offsets[r] = this.used;
    for (let i = 0; i < length; i++) this.codes[this.used++] = path[i]!;
    this.offsets[r + 1] = this.used;
    this.conv[r] = conv;
    this.value[r] = value;
    this.nulls[r] = nulls;
    this.hashes[r] = h;
    this.slots[slot] = r;
    if (this.rows * 2 > this.slots.length) this.rehashPaths();
  }

  private samePath(r: number, path: Int32Array, length: number): boolean {
    const s = this.offsets[r]!;
    if (this.offsets[r + 1]! - s !== length) return false;
    for (let i = 0; i < length; i++) if (this.codes[s + i] !== path[i]) return false;
    return true;
  }

  private growRows(): void {
    const n = this.offsets.length * 2;
    const grow = <T extends Float64Array | Uint32Array>(a: T, make: (n: number) => T): T => {
      const g = make(n);
      g.set(a);
      return g;
    };
    this.offsets = grow(this.offsets, (k) => new Uint32Array(k));
    this.conv = grow(this.conv, (k) => new Float64Array(k));
    this.value = grow(this.value, (k) => new Float64Array(k));
    this.nulls = grow(this.nulls, (k) => new Float64Array(k));
    this.hashes = grow(this.hashes, (k) => new Uint32Array(k));
  }

  private rehashPaths(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let r = 0; r < this.rows; r++) {
      let slot = this.hashes[r]! & mask;
      while (slots[slot]! >= 0) slot = (slot + 1) & mask;
      slots[slot] = r;
    }
    this.slots = slots;
  }

  finish(): PathTable {
    const channels = this.nameStart.map((s, i) => this.nameBytes.toString('utf8', s, this.nameEnd[i]!));
    const codes =
      channels.length < 65_536 ? Uint16Array.from(this.codes.subarray(0, this.used)) : this.codes.slice(0, this.used);
    return {
      channels,
      rows: this.rows,
      codes,
      offsets: this.offsets.slice(0, this.rows + 1),
      conversions: this.conv.slice(0, this.rows),
      value: this.value.slice(0, this.rows),
      nulls: this.nulls.slice(0, this.rows),
    };
  }
}
