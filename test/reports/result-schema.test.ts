/**
 * The result JSON Schema shipped in the package: the committed file must equal what the TS types
 * generate (run `npm run schema:result` after changing a section type), and the fixture results
 * must validate against it (Ajv, draft-07, strict).
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { RESULT_SCHEMA_FILE, resultSchemaText } from '../../scripts/result-schema.js';
import { RESULT_SCHEMA_VERSION, resultAttribution, resultLift } from '../../src/model/result.js';
import { fixtureResult, fixtureResultMissing } from './fixtures/result.js';

const committed = readFileSync(new URL(`../../${RESULT_SCHEMA_FILE}`, import.meta.url), 'utf8');
const schema = JSON.parse(committed) as Record<string, unknown>;

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  return ajv.compile(schema);
}

describe('result schema', () => {
  it('is in sync with the TypeScript types (npm run schema:result)', () => {
    expect(committed, 'schema/result.schema.json is stale: run npm run schema:result').toBe(resultSchemaText());
  });

  it('carries the result schema version', () => {
    expect(schema['x-xroi-schema-version']).toBe(RESULT_SCHEMA_VERSION);
  });

  it('accepts the full fixture and the fixture with missing sections', () => {
    const validate = validator();
    for (const result of [fixtureResult('ja'), fixtureResult('en'), fixtureResultMissing()]) {
      const ok = validate(JSON.parse(JSON.stringify(result)));
      expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it('rejects a result with a wrong field', () => {
    const validate = validator();
    const bad = JSON.parse(JSON.stringify(fixtureResult())) as {
      roi: { traditional: { roi: unknown } };
      extra?: number;
    };
    bad.roi.traditional.roi = 'high';
    bad.extra = 1;
    expect(validate(bad)).toBe(false);
    const paths = (validate.errors ?? []).map((e) => e.instancePath || e.params);
    expect(JSON.stringify(paths)).toContain('/roi/traditional/roi');
  });

  it('leaves out the working data: per-journey attribution shares and lift draws', () => {
    const validate = validator();
    const r = fixtureResult();
    const attribution = r.attribution!;
    const lift = r.lift!;
    // the sections as the stages return them, with their working data
    const staged = {
      ...attribution,
      models: attribution.models.map((m) => ({
        ...m,
        perJourney: [{ x_organic: 1 }],
        journeyIds: ['D-1'],
        sharesById: { 'D-1': { x_organic: 1 } },
      })),
    };
    const stagedLift = { ...lift, value: { ...lift.value!, samples: [1, 2, 3] } };
    // the schema refuses them …
    expect(validate(JSON.parse(JSON.stringify({ ...r, attribution: staged })))).toBe(false);
    expect(validate(JSON.parse(JSON.stringify({ ...r, lift: stagedLift })))).toBe(false);
    // … and the pipeline's assembly drops them, keeping everything else
    const kept = { ...r, attribution: resultAttribution(staged), lift: resultLift(stagedLift) };
    expect(validate(JSON.parse(JSON.stringify(kept)))).toBe(true);
    expect(kept).toEqual(r);
    expect(resultLift({ ...lift, value: null }).value).toBeNull();
  });
});
