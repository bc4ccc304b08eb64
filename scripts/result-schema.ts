/**
 * Builds the JSON Schema of the result object (`AnalysisResult` in src/model/result.ts) from the
 * TypeScript types, so the schema can never drift from what the renderers read. The output is
 * byte-stable: keys sorted, two-space indentation, a trailing newline.
 *
 * `npm run schema:result` writes it to schema/result.schema.json (shipped in the package as
 * `xroi/result.schema.json`); test/reports/result-schema.test.ts fails when the committed file is
 * out of date.
 */
import { fileURLToPath } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';
import { RESULT_SCHEMA_VERSION } from '../src/model/result.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Where the committed schema lives, relative to the repository root. */
export const RESULT_SCHEMA_FILE = 'schema/result.schema.json';

/** Sort object keys recursively so the output does not depend on declaration order. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) out[k] = sortKeys((value as Record<string, unknown>)[k]);
    return out;
  }
  return value;
}

/** The schema as an object, versioned by the result's `schemaVersion`. */
export function buildResultSchema(): Record<string, unknown> {
  const generator = createGenerator({
    path: `${root}src/model/result.ts`,
    tsconfig: `${root}tsconfig.json`,
    type: 'AnalysisResult',
    expose: 'export',
    topRef: true,
    jsDoc: 'extended',
    skipTypeCheck: true,
    additionalProperties: false,
    functions: 'fail',
  });
  const schema = generator.createSchema('AnalysisResult') as Record<string, unknown>;
  return sortKeys({
    ...schema,
    $id: `xroi/result.schema.json#${RESULT_SCHEMA_VERSION}`,
    title: `xroi analysis result, schema version ${RESULT_SCHEMA_VERSION}`,
    'x-xroi-schema-version': RESULT_SCHEMA_VERSION,
  }) as Record<string, unknown>;
}

/** The schema as the exact text of the committed file. */
export function resultSchemaText(): string {
  return `${JSON.stringify(buildResultSchema(), null, 2)}\n`;
}
