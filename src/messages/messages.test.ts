import { describe, it, expect } from 'vitest';
import { en } from './en.js';
import { ja } from './ja.js';
import { t } from './index.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  it('have the same keys and the same placeholders in Japanese and English', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const k of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(ja[k]), k).toEqual(placeholders(en[k]));
    }
  });
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('en', 'init.exists', { file: 'a.yaml' })).toBe('a.yaml already exists; pass --force to overwrite it.');
    expect(t('en', 'init.exists')).toContain('{file}');
  });
});
