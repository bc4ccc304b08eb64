import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { configJsonSchema, CONFIG_SCHEMA_FILE } from '../../scripts/config-schema.js';

describe('xroi.config.schema.json', () => {
  it('is in sync with the zod schema (run `npm run schema` after changing src/config/schema.ts)', () => {
    const committed = readFileSync(new URL(`../../${CONFIG_SCHEMA_FILE}`, import.meta.url), 'utf8');
    expect(committed).toBe(configJsonSchema());
  });
  it('describes the main sections for editor completion', () => {
    const s = JSON.parse(configJsonSchema()) as { properties: Record<string, unknown> };
    for (const k of ['currency', 'timeZone', 'economics', 'crm', 'attribution', 'uncertainty'])
      expect(s.properties).toHaveProperty(k);
  });
});
