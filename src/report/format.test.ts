import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatDay,
  formatMoney,
  formatMoneyShort,
  formatMultiple,
  formatPercent,
  groupDigits,
  NOT_AVAILABLE,
} from './format.js';

describe('headline money (rounded)', () => {
  it('uses 万 and 億 in Japanese', () => {
    expect(formatMoneyShort(123_000_000, 'ja', 'JPY')).toBe('1.2億円');
    expect(formatMoneyShort(34_000_000, 'ja', 'JPY')).toBe('3,400万円');
    expect(formatMoneyShort(4_800_000, 'ja', 'JPY')).toBe('480万円');
    expect(formatMoneyShort(100_000_000, 'ja', 'JPY')).toBe('1億円');
    expect(formatMoneyShort(-13_920_000, 'ja', 'JPY')).toBe('-1,392万円');
    expect(formatMoneyShort(9_800, 'ja', 'JPY')).toBe('9,800円');
    // 9,999.6万 rounds up to 1億, not "10,000万"
    expect(formatMoneyShort(99_996_000, 'ja', 'JPY')).toBe('1億円');
  });
  it('uses K, M and B in English', () => {
    expect(formatMoneyShort(123_000_000, 'en', 'JPY')).toBe('¥123M');
    expect(formatMoneyShort(3_400, 'en', 'USD')).toBe('$3.4K');
    expect(formatMoneyShort(2_500_000_000, 'en', 'JPY')).toBe('¥2.5B');
    expect(formatMoneyShort(-4_800_000, 'en', 'JPY')).toBe('-¥4.8M');
    expect(formatMoneyShort(999_960, 'en', 'JPY')).toBe('¥1M');
  });
  it('shows a dash for values that could not be computed', () => {
    expect(formatMoneyShort(null, 'ja', 'JPY')).toBe(NOT_AVAILABLE);
    expect(formatMoneyShort(Number.NaN, 'en', 'JPY')).toBe(NOT_AVAILABLE);
  });
});

describe('exact money (tables)', () => {
  it('keeps every digit with separators', () => {
    expect(formatMoney(1_234_567, 'ja', 'JPY')).toBe('1,234,567円');
    expect(formatMoney(1_234_567, 'en', 'JPY')).toBe('¥1,234,567');
    expect(formatMoney(-1234.5, 'en', 'USD')).toBe('-$1,234.50');
    expect(formatMoney(1234.5, 'ja', 'USD')).toBe('1,234.50 USD');
  });
  it('round-trips any whole amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(Number(formatMoney(n, 'ja', 'JPY').replace(/[,円]/g, ''))).toBe(n);
      }),
    );
  });
});

describe('other formats', () => {
  it('percent, multiple, digits, days', () => {
    expect(formatPercent(0.352)).toBe('35%');
    expect(formatPercent(0.352, { digits: 1 })).toBe('35.2%');
    expect(formatPercent(1.5, { signed: true })).toBe('+150%');
    expect(formatPercent(-0.004)).toBe('0%');
    expect(formatMultiple(4.25)).toBe('4.3×');
    expect(groupDigits(-0.0001, 2)).toBe('0.00');
    expect(formatDay('2025-10-29T16:00:00.000Z', 'Asia/Tokyo')).toBe('2025-10-30');
    expect(formatDay('2025-10-29', 'Asia/Tokyo')).toBe('2025-10-29');
  });
});
