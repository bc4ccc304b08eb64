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
