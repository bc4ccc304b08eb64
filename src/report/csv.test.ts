import { describe, expect, it } from 'vitest';
import { tableToCsv } from './csv.js';
import type { Table } from './spec.js';

const table: Table = {
  id: 't',
  title: 'T',
  columns: [
    { key: 'name', label: 'Name', type: 'text' },
    { key: 'amount', label: 'Amount', type: 'money' },
    { key: 'rate', label: 'Rate', type: 'percent' },
  ],
  rows: [
    { name: 'a, "quoted"\nline', amount: 1234567, rate: 0.1234 },
    { name: '-5 deals', amount: -10, rate: null },
    { name: null, amount: 0.1 + 0.2, rate: { typed: 0.5, type: 'percent' } },
  ],
};

describe('tableToCsv', () => {
  it('writes a BOM, CRLF lines, quoted text, plain numbers and percent points', () => {
    const csv = tableToCsv(table, 'en');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('"Name","Amount","Rate (%)"');
    expect(lines[1]).toBe('"a, ""quoted""\nline",1234567,12.34');
    // a negative number stays a number; text starting with - is neutralised
    expect(lines[2]).toBe(`"'-5 deals",-10,`);
    expect(lines[3]).toBe(',0.3,0.5');
    expect(lines[4]).toBe('');
  });
  it('marks percent columns in Japanese too', () => {
    expect(tableToCsv(table, 'ja').split('\r\n')[0]).toBe('\uFEFF"Name","Amount","Rate（%）"');
  });
});
