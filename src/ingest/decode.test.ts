import { describe, it, expect } from 'vitest';
import iconv from 'iconv-lite';
import { binarySignature, decodeBuffer, detectEncoding, sniff } from './decode.js';

const text = 'ポストID,日付\n1,2025-02-17\n';

describe('detectEncoding', () => {
  it('reads BOMs', () => {
    expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])).encoding).toBe('utf-8');
    expect(detectEncoding(iconv.encode(text, 'utf-16le', { addBOM: true })).encoding).toBe('utf-16le');
    expect(detectEncoding(iconv.encode(text, 'utf-16be', { addBOM: true })).encoding).toBe('utf-16be');
  });
  it('spots UTF-16 without BOM and Shift_JIS', () => {
    expect(detectEncoding(iconv.encode('date,clicks\n2025-01-01,3\n', 'utf-16le')).encoding).toBe('utf-16le');
    expect(detectEncoding(iconv.encode('date,clicks\n2025-01-01,3\n', 'utf-16be')).encoding).toBe('utf-16be');
    const sjis = iconv.encode(text, 'cp932');
    const g = detectEncoding(sjis);
    expect(g).toMatchObject({ encoding: 'cp932', reason: 'not-utf8' });
    expect(decodeBuffer(sjis, g.encoding)).toBe(text);
  });
  it('takes an override and refuses unknown names', () => {
    expect(detectEncoding(Buffer.from(text), 'Shift_JIS').encoding).toBe('cp932');
    expect(() => detectEncoding(Buffer.from(text), 'latin-9')).toThrow();
  });
  it('recognises workbooks and PDFs', () => {
    expect(binarySignature(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0]))).toBe('xlsx');
    expect(binarySignature(Buffer.from('%PDF-1.7'))).toBe('pdf');
    expect(binarySignature(Buffer.from('a,b'))).toBeNull();
  });
});

describe('sniff', () => {
  it('skips # comment lines and title lines before the header', () => {
    const s = sniff('# ---\n# Account: A\n\nFirst user source / medium,Sessions\n(direct) / (none),3\n');
    expect(s).toMatchObject({
      headerLine: 4,
      delimiter: ',',
      header: ['First user source / medium', 'Sessions'],
      preamble: 3,
    });
    expect(sniff('Report: Performance\nDate,Clicks\n2025-01-01,3\n')).toMatchObject({ headerLine: 2 });
  });
  it('finds tab and semicolon delimiters', () => {
    expect(sniff('a\tb\tc\n1\t2\t3\n')?.delimiter).toBe('\t');
    expect(sniff('path;total_conversions\na > b;1\n')?.delimiter).toBe(';');
    expect(sniff('"x, y",b\n')?.header).toEqual(['x, y', 'b']);
  });
  it('returns null when there is no header', () => {
    expect(sniff('# only comments\n\n')).toBeNull();
  });
});
