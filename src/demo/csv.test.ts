import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvText, thousands } from './csv.js';

describe('thousands', () => {
  it('groups digits by three without locale data', () => {
    expect(thousands(0)).toBe('0');
    expect(thousands(999)).toBe('999');
    expect(thousands(1000)).toBe('1,000');
    expect(thousands(1234567)).toBe('1,234,567');
    expect(thousands(-120000)).toBe('-120,000');
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(Number(thousands(n).replaceAll(',', ''))).toBe(n);
      }),
    );
  });
});

describe('csvText', () => {
  it('quotes cells with commas, quotes and line breaks, and only those', () => {
    expect(
      csvText(
        ['a', 'b'],
        [
          ['x,y', 'say "hi"'],
          ['line\nbreak', 3],
        ],
      ),
    ).toBe('a,b\n"x,y","say ""hi"""\n"line\nbreak",3\n');
    expect(csvText(['a'], [['1']], { quoteAll: true, eol: '\r\n' })).toBe('"a"\r\n"1"\r\n');
  });
});
