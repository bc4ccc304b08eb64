/**
 * Every entry of the bad-input catalogue (docs/bad-inputs.md) ends in an ImportError whose issues
 * name the file, line, column and value and say what to do — and nothing is stored.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../../src/config/index.js';
import { ImportError } from '../../src/errors.js';
import { importFiles } from '../../src/ingest/index.js';
import { Store } from '../../src/store/index.js';
import { BAD_INPUTS } from './bad-inputs.cases.js';
import { snapshot } from './import-helpers.js';

const config = parseConfig({ privacy: { salt: 's' }, locale: 'en' });

describe('bad-input catalogue', () => {
  let store: Store;
  let before: Record<string, unknown>;
  beforeAll(async () => {
    store = await Store.memory();
    await importFiles(
      store,
      [fileURLToPath(new URL('../../fixtures/exports/x-posts-current-en.csv', import.meta.url))],
      config,
    );
    before = await snapshot(store);
  });
  afterAll(() => store.close());

  it('has at least 40 kinds, each documented in docs/bad-inputs.md', () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(BAD_INPUTS.map((c) => c.id)).size).toBe(BAD_INPUTS.length);
    const doc = readFileSync(new URL('../../docs/bad-inputs.md', import.meta.url), 'utf8');
    for (const c of BAD_INPUTS) expect(doc, c.id).toContain(`\`${c.id}\``);
  });

  it.each(BAD_INPUTS.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    let error: unknown;
    try {
      await importFiles(store, [c.path ? c.path : { name: c.name, bytes: c.bytes! }], config, c.options ?? {});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    const e = error as ImportError;
    expect(e.issues.length).toBeGreaterThan(0);
    for (const issue of e.issues) {
      expect(issue.severity).toBe('error');
      expect(issue.path?.file).toBe(c.name);
      expect(issue.path?.line).toBeGreaterThanOrEqual(1);
      expect(issue.path?.column).toBeGreaterThanOrEqual(1);
      expect(typeof issue.value).toBe('string');
      expect(issue.message.length).toBeGreaterThan(5);
      expect(issue.hint?.length ?? 0).toBeGreaterThan(10);
    }
    const first = e.issues[0]!;
    expect({ code: first.code, line: first.path?.line, column: first.path?.column }).toEqual({
      code: c.code,
      line: c.line,
      column: c.column,
    });
    expect(await snapshot(store)).toEqual(before);
  });
});
