/** `xroi import` and `xroi inspect` run as the CLI would, in a temp project folder. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { Writable } from 'node:stream';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import { Output } from '../../src/cli/output.js';

const fx = (name: string) => fileURLToPath(new URL(`../../fixtures/exports/${name}`, import.meta.url));

function sink(): Writable & { text: string } {
  const w = new Writable({
    write(chunk: Buffer, _enc, cb) {
      w.text += chunk.toString();
      cb();
    },
  }) as Writable & { text: string };
  w.text = '';
  return w;
}

async function run(dir: string, args: string[], json = false) {
  const stdout = sink();
  const stderr = sink();
  const code = await main(['-c', dir, '--lang', 'en', ...args], new Output({ json, quiet: false, stdout, stderr }));
  return { code, out: stdout.text, err: stderr.text };
}

describe('xroi import / inspect (CLI)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'xroi-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports files, prints one line each, and says when a file is already in', async () => {
    const a = await run(dir, ['import', fx('x-posts-current-en.csv'), fx('costs.csv')]);
    expect(a.code).toBe(0);
    expect(a.out).toContain(
      'Imported x-posts-current-en.csv as x-posts (x-posts-current-en): 3 rows stored, 1 warnings',
    );
    expect(a.out).toContain('Imported costs.csv as costs (costs): 3 rows stored, 0 warnings');
    expect(a.err).toContain('x-posts-current-en.csv:5:1');
    const b = await run(dir, ['import', fx('costs.csv')]);
    expect(b.out).toContain('costs.csv was already imported (same content); nothing added');
  });

  it('stops with exit code 2, a located message and a hint', async () => {
    const bad = join(dir, 'paths.csv');
    writeFileSync(bad, 'path;total_conversions;total_conversion_value;total_null\na > b;1;2;3\n');
    const r = await run(dir, ['import', bad]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('paths.csv:1:1');
    expect(r.err).toContain('xroi attribution --paths FILE');
    expect(r.err).toContain('nothing from it was stored');
  });

  it('imports the good files of a batch and lists the bad ones (exit code 2)', async () => {
    const bad = join(dir, 'paths2.csv');
    writeFileSync(bad, 'path;total_conversions;total_conversion_value;total_null\na > b;1;2;3\n');
    const good = join(dir, 'costs-batch.csv');
    writeFileSync(good, 'date,category,amount\n2026-04-01,tools,1000\n');
    const r = await run(dir, ['import', bad, good]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('1 of 2 file(s) were not imported: paths2.csv');
    expect(r.out).toContain('costs-batch.csv');
  });

  it('maps columns by hand with --kind and --map', async () => {
    const f = join(dir, 'odd.csv');
    writeFileSync(f, 'Day,Hits,Views\n2026-04-01,3,100\n');
    const refused = await run(dir, ['import', f]);
    expect(refused.code).toBe(2);
    const r = await run(
      dir,
      [
        'import',
        f,
        '--kind',
        'search-daily',
        '--map',
        'date=Day',
        '--map',
        'clicks=Hits',
        '--map',
        'impressions=Views',
      ],
      true,
    );
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as { files: { kind: string; rowsStored: number }[] };
    expect(report.files[0]).toMatchObject({ kind: 'search-daily', rowsStored: 1 });
  });

  it('inspect tells what it saw and why', async () => {
    const r = await run(dir, ['inspect', fx('ga4-web-daily.csv')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('line 10 (9 preamble lines skipped)');
    expect(r.out).toContain('web-daily  preset ga4-report');
    expect(r.out).toMatch(/source_medium\s+← col +2 "Session source \/ medium"/);
    const j = await run(dir, ['inspect', fx('hubspot-contacts-demo.csv')], true);
    const parsed = JSON.parse(j.out) as { kind: string; samples: Record<string, string>[] };
    expect(parsed.kind).toBe('crm-contacts');
    expect(j.out).not.toContain('Hanako.Yamada@');
  });
});
