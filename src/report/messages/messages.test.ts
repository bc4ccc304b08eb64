import { describe, expect, it } from 'vitest';
import { reportEn } from './en.js';
import { reportJa } from './ja.js';
import { lookupMessage, reportTranslator } from './index.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('report message catalogs', () => {
  it('have the same keys and placeholders in Japanese and English', () => {
    expect(Object.keys(reportJa).sort()).toEqual(Object.keys(reportEn).sort());
    for (const k of Object.keys(reportEn) as (keyof typeof reportEn)[]) {
      expect(placeholders(reportJa[k]), k).toEqual(placeholders(reportEn[k]));
    }
  });
  it('has a Japanese text for every key (not a copy of the English)', () => {
    const same = (Object.keys(reportEn) as (keyof typeof reportEn)[]).filter(
      (k) => reportJa[k] === reportEn[k] && /[a-z]{4}/.test(reportEn[k].replace(/\{\w+\}/g, '')),
    );
    expect(same).toEqual([]);
  });
  it('fills placeholders and falls back to the shared catalog, then to the key', () => {
    expect(reportTranslator('en')('headline.pPositive', { p: '93%' })).toBe('P(ROI > 0) = 93%');
    expect(lookupMessage('en', 'bridge.labor')).toBe('+ staff hours at the loaded rate');
    expect(lookupMessage('ja', 'no.such.key')).toBe('no.such.key');
  });
});
