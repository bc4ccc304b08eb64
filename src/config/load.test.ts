import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadConfig, parseConfig, withOverrides, configTemplate } from './index.js';
import { ConfigError } from '../errors.js';

const dir = () => mkdtempSync(join(tmpdir(), 'xroi-config-'));

describe('config', () => {
  it('defaults to JPY, Asia/Tokyo, April fiscal year and Japanese', () => {
    const c = parseConfig({});
    expect([c.currency, c.timeZone, c.fiscalYearStartMonth, c.locale]).toEqual(['JPY', 'Asia/Tokyo', 4, 'ja']);
    expect(c.economics.grossMargin.value).toBe(0.75);
  });

  it('the init template parses to the schema defaults (apart from the salt)', () => {
    const c = parseConfig(parse(configTemplate('abc')));
    const d = parseConfig({ privacy: { salt: 'abc' } });
    expect({ ...c, labor: {}, period: {} }).toEqual({ ...d, labor: {}, period: {} });
  });

  it('names the key and says what to do for a bad value or an unknown key', () => {
    const d = dir();
    writeFileSync(join(d, 'xroi.config.yaml'), 'period:\n  start: 2026/04/01\ncurreny: USD\n');
    try {
      loadConfig(d);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msgs = (e as ConfigError).issues.map((i) => i.message).join('\n');
      expect(msgs).toContain('period.start');
      expect(msgs).toContain('YYYY-MM-DD');
      expect(msgs).toMatch(/curreny/);
    }
  });

  it('reports YAML syntax errors with a line number', () => {
    const d = dir();
    writeFileSync(join(d, 'xroi.config.yaml'), 'economics:\n  grossMargin: [1, 2\n');
    try {
      loadConfig(d);
      expect.unreachable();
    } catch (e) {
      expect((e as ConfigError).issues[0]?.path?.line).toBeGreaterThan(0);
    }
  });

  it('merges what-if overrides without losing other values', () => {
    const c = withOverrides(parseConfig({ currency: 'USD' }), { economics: { annualDiscountRate: 0.2 } });
    expect(c.currency).toBe('USD');
    expect(c.economics.annualDiscountRate).toBe(0.2);
    expect(c.economics.grossMargin.value).toBe(0.75);
  });
});

describe('config sanity limits', () => {
  const problems = (input: unknown) => {
    try {
      parseConfig(input);
      return [];
    } catch (e) {
      return (e as ConfigError).issues.map((i) => i.message);
    }
  };
  it('refuses percentages written as whole numbers, with what to write instead', () => {
    expect(problems({ economics: { grossMargin: { value: 75, low: 67, high: 82 } } }).join('\n')).toMatch(
      /fraction between 0 and 1/,
    );
    expect(problems({ economics: { monthlyChurn: { value: 2 } } }).join('\n')).toMatch(
      /economics\.monthlyChurn\.value/,
    );
  });
  it('refuses a lower-case currency, an unknown time zone, typos in nested keys and impossible periods', () => {
    expect(problems({ currency: 'yen' }).join('\n')).toMatch(/ISO 4217/);
    expect(problems({ timeZone: 'Tokyo' }).join('\n')).toMatch(/IANA/);
    expect(problems({ economics: { monthlyChrun: { value: 0.02 } } }).join('\n')).toMatch(/monthlyChrun/);
    try {
      parseConfig({ economics: { monthlyChrun: { value: 0.02 } } });
      expect.unreachable();
    } catch (e) {
      expect((e as ConfigError).issues[0]?.hint).toBe('did you mean: monthlyChrun → monthlyChurn?');
    }
    expect(problems({ period: { start: '2026-13-45' } }).join('\n')).toMatch(/calendar date/);
    expect(problems({ period: { start: '2026-01-01', end: '2025-01-01' } }).join('\n')).toMatch(/must not be after/);
    expect(problems({ period: { start: '2025-04-01', end: '2026-03-31' } })).toEqual([]);
  });
});
