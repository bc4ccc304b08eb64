/**
 * The JSON Schema of xroi.config.yaml, generated from the zod schema (the single source of truth)
 * for editor completion. `npm run schema` writes xroi.config.schema.json; src/config/schema-file.test.ts
 * fails when the committed file is out of date.
 */
import { z } from 'zod';
import { configSchema } from '../src/config/schema.js';

export const CONFIG_SCHEMA_FILE = 'xroi.config.schema.json';

export function configJsonSchema(): string {
  const schema = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  schema.title = 'xroi.config.yaml';
  return `${JSON.stringify(schema, null, 2)}\n`;
}
