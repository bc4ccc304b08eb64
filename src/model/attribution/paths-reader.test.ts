import { describe, expect, it } from 'vitest';
import { readPaths, parseNumber } from './paths-reader.js';
import { tableTotals } from './path-table.js';

const read = (text: string) => readPaths(Buffer.from(text));

function rows(t: ReturnType<typeof read>['table']) {
  return Array.from({ length: t.rows }, (_, r) => ({
    path: Array.from(t.codes.subarray(t.offsets[r]!, t.offsets[r + 1]!), (c) => t.channels[c]).join('>'),
    c: t.conversions[r],
    v: t.value[r],
    n: t.nulls[r],
  }));
}

describe('readPaths', () => {
  it('reads the ChannelAttribution layout and aggregates identical paths', () => {
    const { table, stats } = read(
      'path;total_conversions;total_conversion_value;total_null\na > b;1;2.5;3\nb;0;0;1\na > b;2;1;0\n',
    );
    expect(stats).toEqual({ rowsRead: 3, distinctPaths: 2, emptyPaths: 0, delimiter: ';' });
    expect(rows(table)).toEqual([
      { path: 'a>b', c: 3, v: 3.5, n: 3 },
      { path: 'b', c: 0, v: 0, n: 1 },
    ]);
  });
  it('detects comma, tab and pipe, strips a BOM, quotes and CRLF, skips blank lines', () => {
    for (const d of [',', '\t', '|']) {
      const text = `\ufeffpath${d}total_conversions${d}total_conversion_value${d}total_null\r\n"x > y"${d}1${d}"1,5"${d}0\r\n\r\ny${d}0${d}0${d}2\r\n`;
      if (d === ',') continue; // "1,5" is not a number with a comma delimiter; covered below
      const { table, stats } = read(text.replace('"1,5"', '1.5'));
      expect(stats.delimiter).toBe(d);
      expect(rows(table)).toEqual([
        { path: 'x>y', c: 1, v: 1.5, n: 0 },
        { path: 'y', c: 0, v: 0, n: 2 },
      ]);
    }
    const { table } = read('path,total_conversions,total_conversion_value,total_null\r\n"x > y",1,1.5,0\r\n');
    expect(rows(table)).toEqual([{ path: 'x>y', c: 1, v: 1.5, n: 0 }]);
  });
  it('finds columns by name in any order and without value or null columns', () => {
    const { table } = read('conversions;journey_path\n2;a > a > b\n');
    expect(rows(table)).toEqual([{ path: 'a>a>b', c: 2, v: 0, n: 0 }]);
  });
  it('keeps non-ASCII channel names', () => {
    const { table } = read('path;total_conversions\nX (旧Twitter) > ウェビナー;1\n');
    expect(table.channels).toEqual(['X (旧Twitter)', 'ウェビナー']);
  });
  it('says which line holds a bad number', () => {
    expect(() => read('path;total_conversions\na;1\nb;lots\n')).toThrow(/:3: conversions "lots" is not a number/);
  });
  it('says when the header has no path column', () => {
    expect(() => read('a;b\n1;2\n')).toThrow(/no path column/);
  });
  it('aggregates many random paths exactly', () => {
    const lines = ['path;total_conversions;total_conversion_value;total_null'];
    const expected = new Map<string, number>();
    let seed = 1;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 5000; i++) {
      const len = 1 + Math.floor(rand() * 4);
      const p = Array.from({ length: len }, () => 'ch' + Math.floor(rand() * 5)).join(' > ');
      lines.push(`${p};1;0.5;1`);
      expected.set(p.replace(/ > /g, '>'), (expected.get(p.replace(/ > /g, '>')) ?? 0) + 1);
    }
    const { table } = read(lines.join('\n'));
    expect(table.rows).toBe(expected.size);
    for (const r of rows(table)) expect(r.c).toBe(expected.get(r.path));
    expect(tableTotals(table)).toEqual({ conversions: 5000, value: 2500, nulls: 5000 });
  });
});

describe('parseNumber', () => {
  it('parses decimals exactly like Number()', () => {
    for (const s of [
      '0',
      '12',
      '-3',
      '0.244',
      '74802.97158721',
      '1e3',
      '12345678901234567',
      '0.1234567890123456789',
      '',
    ]) {
      expect(parseNumber(Buffer.from(s), 0, s.length)).toBe(s === '' ? 0 : Number(s));
    }
    expect(parseNumber(Buffer.from('1,5'), 0, 3)).toBeNaN();
  });
});
