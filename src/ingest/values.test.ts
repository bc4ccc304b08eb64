import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  isFailure,
  parseBool,
  parseCount,
  parseDate,
  parseEmail,
  parseId,
  parseInstant,
  parseNumber,
} from './values.js';

describe('parseNumber', () => {
  it.each([
    ['1,234', 1234],
    ['¥120,000', 120000],
    ['￥120,000', 120000],
    ['$1,234.50', 1234.5],
    ['１２０，０００', 120000],
    ['120000円', 120000],
    ['0.25%', 0.0025],
    ['1.5E+3', 1500],
    ['1938.0', 1938],
    ['(1,200)', -1200],
    ['-¥500', -500],
    [' 42 ', 42],
  ])('%s → %d', (raw, want) => {
    expect(parseNumber(raw)).toBeCloseTo(want, 10);
  });
  it.each(['', '-', '—', 'N/A'])('"%s" is none', (raw) => expect(parseNumber(raw)).toBeNull());
  it.each(['abc', '12a', '1,2,3', '1.2.3', '¥', '%'])('"%s" is not a number', (raw) =>
    expect(isFailure(parseNumber(raw))).toBe(true),
  );
  it('reads any integer written with thousands separators, currency and full width', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.boolean(), fc.boolean(), (n, yen, wide) => {
        let s = n.toLocaleString('en-US');
        if (yen) s = `¥${s}`;
        if (wide) s = s.replace(/[0-9,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
        expect(parseNumber(s)).toBe(n);
      }),
    );
  });
});

describe('parseCount and parseId', () => {
  it('takes 1938.0 as 1938 and refuses fractions and negatives', () => {
    expect(parseCount('1938.0')).toBe(1938);
    expect(parseCount('1.5')).toEqual({ fail: 'bad_integer' });
    expect(parseCount('-3')).toEqual({ fail: 'negative' });
  });
  it('refuses ids Excel turned into scientific notation', () => {
    expect(parseId('1.47689E+18')).toEqual({ fail: 'excel_id' });
    expect(parseId('2019770265215930588')).toBe('2019770265215930588');
    expect(parseId('192236606158.0')).toBe('192236606158');
  });
  it('reads booleans and e-mails', () => {
    expect(parseBool('TRUE')).toBe(true);
    expect(parseBool('0.0')).toBe(false);
    expect(parseBool('maybe')).toEqual({ fail: 'bad_bool' });
    expect(parseEmail('A@Example.COM')).toBe('a@example.com');
    expect(parseEmail('not-an-address')).toEqual({ fail: 'bad_email' });
  });
});

describe('dates', () => {
  const tz = 'Asia/Tokyo';
  it.each([
    ['2025-02-17', '2025-02-17'],
    ['2025/2/7', '2025-02-07'],
    ['2025年2月7日', '2025-02-07'],
    ['Mon Feb 17 2025', '2025-02-17'],
    ['Tue, Feb 18, 2025', '2025-02-18'],
    ['20240626', '2024-06-26'],
    ['45658', '2025-01-01'],
    ['45703', '2025-02-15'],
    ['2026-04', '2026-04-01'],
    ['２０２５／２／７', '2025-02-07'],
  ])('date %s → %s', (raw, want) => expect(parseDate(raw, tz)).toBe(want));
  it('places date-only values at midnight in the configured zone', () => {
    expect(parseInstant('2025-02-17', tz)).toEqual({ at: '2025-02-16 15:00:00.000', dateOnly: true });
    expect(parseInstant('2025-02-17', 'UTC')).toEqual({ at: '2025-02-17 00:00:00.000', dateOnly: true });
  });
  it('keeps explicit offsets and reads wall times in the zone', () => {
    expect(parseInstant('2018-05-28 21:10 +0000', tz)).toEqual({ at: '2018-05-28 21:10:00.000', dateOnly: false });
    expect(parseInstant('2018-07-22T20:40:41Z', tz)).toEqual({ at: '2018-07-22 20:40:41.000', dateOnly: false });
    expect(parseInstant('2025/4/1 9:30', tz)).toEqual({ at: '2025-04-01 00:30:00.000', dateOnly: false });
    expect(parseInstant('2025-10-20 16:15', 'America/New_York')).toEqual({
      at: '2025-10-20 20:15:00.000',
      dateOnly: false,
    });
    expect(parseInstant('Feb 18, 2025 3:04 PM', 'UTC')).toEqual({ at: '2025-02-18 15:04:00.000', dateOnly: false });
    expect(parseInstant('2026年4月1日 9:30', tz)).toEqual({ at: '2026-04-01 00:30:00.000', dateOnly: false });
    expect(parseInstant('2026-04-01 09:30 +0900', 'UTC')).toEqual({ at: '2026-04-01 00:30:00.000', dateOnly: false });
    expect(parseDate('46113', tz)).toBe('2026-04-01');
  });
  it.each(['2025-02-30', '13/45/2025', 'yesterday', '2025-13-01', 'Foo 3 2025'])('refuses %s', (raw) => {
    expect(isFailure(parseDate(raw, tz))).toBe(true);
  });
  it('round-trips any day written in ISO, slash and Japanese forms', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (d) => {
        const y = d.getUTCFullYear();
        const m = d.getUTCMonth() + 1;
        const day = d.getUTCDate();
        const iso = d.toISOString().slice(0, 10);
        expect(parseDate(iso, tz)).toBe(iso);
        expect(parseDate(`${y}/${m}/${day}`, tz)).toBe(iso);
        expect(parseDate(`${y}年${m}月${day}日`, tz)).toBe(iso);
      }),
    );
  });
});

describe('e-mail masking in issue values', () => {
  it('masks every address in a cell, also broken ones, and keeps other text', async () => {
    const { maskEmails, makeIssue } = await import('./issues.js');
    expect(maskEmails('taro@example.co.jp; jiro@example.co.jp')).toBe('t***@example.co.jp; j***@example.co.jp');
    expect(maskEmails('broken-email@@example.com x')).not.toContain('broken-email');
    const issue = makeIssue('en', 'error', 'bad_email', { file: 'c.csv', line: 2, column: 4 }, 'taro@example.co.jp');
    expect(JSON.stringify(issue)).not.toContain('taro@');
  });
});
