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

describe('stored issues in another language', () => {
  it('re-renders an import warning stored in Japanese when the report is in English', async () => {
    const { localizeIssue } = await import('../pipeline.js');
    const { makeIssue } = await import('../ingest/issues.js');
    const stored = JSON.parse(
      JSON.stringify(makeIssue('ja', 'warning', 'row_without_id', { file: 'a.csv', line: 3 }, '')),
    );
    const en = localizeIssue(stored, 'en');
    expect(en.message).toBe(t('en', 'ingest.row_without_id' as never, stored.params));
    expect(en.message).not.toBe(stored.message);
  });
});
