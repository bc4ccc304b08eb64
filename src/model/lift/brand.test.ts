import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { brandMatcher, foldForMatch } from './brand.js';

describe('brandMatcher', () => {
  const isBrand = brandMatcher(['xroi', 'エックスロイ', 'x-?roi ?ツール'])!;

  it('matches ASCII, full-width and kana spellings', () => {
    expect(isBrand('xroi')).toBe(true);
    expect(isBrand('XROI 料金')).toBe(true);
    expect(isBrand('ｘｒｏｉ')).toBe(true);
    expect(isBrand('ＸＲＯＩ ログイン')).toBe(true);
    expect(isBrand('エックスロイ')).toBe(true);
    expect(isBrand('えっくすろい 評判')).toBe(true);
    expect(isBrand('ｴｯｸｽﾛｲ')).toBe(true);
    expect(isBrand('x-roi ツール')).toBe(true);
  });

  it('does not match other queries', () => {
    expect(isBrand('roi 計算')).toBe(false);
    expect(isBrand('twitter analytics')).toBe(false);
    expect(isBrand('')).toBe(false);
  });

  it('treats an invalid regular expression literally and no patterns as no matcher', () => {
    const m = brandMatcher(['acme (jp'])!;
    expect(m('ACME (JP) login')).toBe(true);
    expect(brandMatcher([])).toBeNull();
  });

  it('property: folding is idempotent and a query always matches its own escaped text', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }), (s) => {
        expect(foldForMatch(foldForMatch(s))).toBe(foldForMatch(s));
        const folded = foldForMatch(s);
        if (folded === '') return;
        const m = brandMatcher([folded.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')])!;
        expect(m(s)).toBe(true);
      }),
    );
  });
});
