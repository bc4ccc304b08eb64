/**
 * Bytes → text: encoding detection (BOM, UTF-16 without BOM, UTF-8 validity, else Shift_JIS /
 * CP932), a streaming decoder (iconv-lite), and the sniffing of the header row and delimiter
 * (comment / preamble lines before the header are skipped, as in GA4 exports).
 */
import { openSync, readSync, closeSync, createReadStream } from 'node:fs';
import type { Readable, Transform } from 'node:stream';
import iconv from 'iconv-lite';
import { parse as parseSync } from 'csv-parse/sync';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'cp932';

export const ENCODING_NAMES: Record<string, Encoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-8-bom': 'utf-8',
  'utf-16le': 'utf-16le',
  utf16le: 'utf-16le',
  'utf-16be': 'utf-16be',
  utf16be: 'utf-16be',
  'utf-16': 'utf-16le',
  cp932: 'cp932',
  shift_jis: 'cp932',
  sjis: 'cp932',
  'shift-jis': 'cp932',
  'windows-31j': 'cp932',
  ms932: 'cp932',
};

export interface EncodingGuess {
  encoding: Encoding;
  bom: boolean;
  /** Why: 'bom', 'nul-pattern', 'valid-utf8', 'not-utf8', 'override'. */
  reason: 'bom' | 'nul-pattern' | 'valid-utf8' | 'not-utf8' | 'override';
}

/** What kind of non-text file the bytes look like, if any. */
export function binarySignature(head: Buffer): 'xlsx' | 'xls' | 'pdf' | 'gzip' | 'binary' | null {
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  if (head.length >= 4 && head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return 'xls';
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  return null;
}

export function detectEncoding(head: Buffer, override?: string): EncodingGuess {
  const bom8 = head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const bomLE = head.length >= 2 && head[0] === 0xff && head[1] === 0xfe;
  const bomBE = head.length >= 2 && head[0] === 0xfe && head[1] === 0xff;
  if (override) {
    const enc = ENCODING_NAMES[override.toLowerCase()];
    if (!enc) throw new RangeError(override);
    return { encoding: enc, bom: bom8 || bomLE || bomBE, reason: 'override' };
  }
  if (bom8) return { encoding: 'utf-8', bom: true, reason: 'bom' };
  if (bomLE) return { encoding: 'utf-16le', bom: true, reason: 'bom' };
  if (bomBE) return { encoding: 'utf-16be', bom: true, reason: 'bom' };
  // UTF-16 without BOM: ASCII text leaves NUL in every other byte.
  const n = Math.min(head.length, 4096) & ~1;
  if (n >= 4) {
    let evenNul = 0;
    let oddNul = 0;
    for (let i = 0; i < n; i += 2) {
      if (head[i] === 0) evenNul++;
      if (head[i + 1] === 0) oddNul++;
    }
    const half = n / 2;
    if (oddNul > half * 0.4 && evenNul < half * 0.05)
      return { encoding: 'utf-16le', bom: false, reason: 'nul-pattern' };
    if (evenNul > half * 0.4 && oddNul < half * 0.05)
      return { encoding: 'utf-16be', bom: false, reason: 'nul-pattern' };
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return { encoding: 'utf-8', bom: false, reason: 'valid-utf8' };
  } catch {
    return { encoding: 'cp932', bom: false, reason: 'not-utf8' };
  }
}

export function readHead(path: string, bytes = 65_536): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Decode a byte buffer (tests, fuzzing, the head of a file). */
export function decodeBuffer(buf: Buffer, encoding: Encoding): string {
  return iconv.decode(buf, encoding === 'utf-8' ? 'utf8' : encoding, { stripBOM: true });
}

/** A stream of decoded text chunks. */
export function decodedStream(path: string, encoding: Encoding, onBytes?: (n: number) => void): Readable {
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  if (onBytes) raw.on('data', (c: Buffer | string) => onBytes(c.length));
  const dec = iconv.decodeStream(encoding === 'utf-8' ? 'utf8' : encoding, { stripBOM: true }) as unknown as Transform;
  raw.on('error', (e) => dec.destroy(e));
  return raw.pipe(dec);
}

export type Delimiter = ',' | '\t' | ';';

export interface Sniffed {
  /** 1-based physical line of the header row. */
  headerLine: number;
  delimiter: Delimiter;
  header: string[];
  /** Lines skipped before the header (comments, report titles). */
  preamble: number;
  lineEnding: 'crlf' | 'lf';
}

function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let q = false;
  for (const c of line) {
    if (c === '"') q = !q;
    else if (!q && c === ch) n++;
  }
  return n;
}

export function sniffDelimiter(line: string): Delimiter {
  const counts: [Delimiter, number][] = [
    [',', countOutsideQuotes(line, ',')],
    ['\t', countOutsideQuotes(line, '\t')],
    [';', countOutsideQuotes(line, ';')],
  ];
  let best = counts[0]!;
  for (const c of counts) if (c[1] > best[1]) best = c;
  return best[0];
}

/**
 * Find the header row in the decoded head of a file: skip blank lines, `#` comment lines and
 * title lines without any delimiter that come before the first delimited line.
 */
export function sniff(headText: string): Sniffed | null {
  const text = headText.charCodeAt(0) === 0xfeff ? headText.slice(1) : headText;
  const lineEnding = /\r\n/.test(text.slice(0, 10_000)) ? 'crlf' : 'lf';
  const lines = text.split(/\r\n|\n|\r/);
  // the last line of a head buffer may be cut; only use it when it is the whole file
  const limit = Math.min(lines.length, 200);
  let firstText: number | null = null;
  for (let i = 0; i < limit; i++) {
    const line = lines[i]!;
    const t = line.trim();
    if (t === '' || t.startsWith('#')) continue;
    firstText ??= i;
    const delim = sniffDelimiter(line);
    if (countOutsideQuotes(line, delim) === 0) {
      // a title line ("Account: X") or a one-column file; keep looking a few lines ahead
      const next = lines.slice(i + 1, i + 6).find((l) => l.trim() !== '' && !l.trim().startsWith('#'));
      if (next !== undefined && countOutsideQuotes(next, sniffDelimiter(next)) > 0) continue;
    }
    let header: string[];
    try {
      header =
        (parseSync(line, { delimiter: delim, relax_quotes: true, relax_column_count: true }) as string[][])[0] ?? [];
    } catch {
      header = line.split(delim);
    }
    return { headerLine: i + 1, delimiter: delim, header, preamble: i, lineEnding };
  }
  return null;
}
