import { describe, it, expect } from 'vitest';
import { parseConfig } from '../../config/index.js';
import { ConfigError } from '../../errors.js';
import { compileThemes, themeOf } from './themes.js';

describe('content themes', () => {
  const themes = compileThemes(parseConfig({}).themes);
  it('default rules sort Japanese and English posts, first match wins, hashtags included', () => {
    expect(themeOf('来週のウェビナーで導入事例を紹介します', themes)).toBe('webinar');
    expect(themeOf('導入事例：営業チームが商談を2倍に', themes)).toBe('case_study');
    expect(themeOf('New feature: pipeline dashboards', themes)).toBe('product');
    expect(themeOf('Our 2026 #survey of B2B buyers', themes)).toBe('data');
    expect(themeOf('ｗｅｂｉｎａｒ next week', themes)).toBe('webinar'); // full-width folded (NFKC)
    expect(themeOf('おはようございます', themes)).toBe('other');
    expect(themeOf(null, themes)).toBe('other');
  });
  it('a broken pattern is a config error that names the fix', () => {
    expect(() => parseConfig({ themes: [{ id: 'x', label_ja: 'x', label_en: 'x', patterns: ['(unclosed'] }] })).toThrow(
      ConfigError,
    );
    try {
      parseConfig({ themes: [{ id: 'x', label_ja: 'x', label_en: 'x', patterns: ['(unclosed'] }] });
    } catch (e) {
      expect((e as ConfigError).issues[0]!.message).toMatch(/themes\.0\.patterns\.0: not a valid regular expression/);
    }
  });
});
