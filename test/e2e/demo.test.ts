/**
 * `xroi demo` end to end in a temp folder: generate → config → import through the real importers
 * → report. Checks what a new user sees (both ROIs and the bridge on stdout, progress on stderr)
 * and that the store holds exactly what the planted truth says.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { Output } from '../../src/cli/output.js';
import { loadConfig, storePath } from '../../src/config/index.js';
import type { DemoTruth } from '../../src/demo/index.js';
import { translator } from '../../src/messages/index.js';
import { Store } from '../../src/store/index.js';

function capture() {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (c) => (stdout += String(c)));
  err.on('data', (c) => (stderr += String(c)));
  const output = new Output({ json: false, quiet: false, stdout: out, stderr: err });
  return { output, text: () => ({ stdout, stderr }) };
}

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'xroi-demo-e2e-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('xroi demo', () => {
  it('generates, imports and prints both ROIs and the bridge', async () => {
    const dir = join(root, 'full');
    const io = capture();
    const code = await main(['--lang', 'en', 'demo', '--out', dir, '--seed', '7'], io.output);
    const { stdout, stderr } = io.text();
    expect(code, stderr).toBe(0);
    const t = translator('en');
    expect(stdout).toContain(t('report.traditional'));
    expect(stdout).toContain(t('report.true'));
    expect(stdout).toContain(t('bridge.multi_touch'));
    expect(stdout).toContain(t('bridge.labor'));
    expect(stdout).not.toMatch(/NaN|Infinity/);
    expect(stderr).toContain(t('demo.analyzing'));
    expect(stderr).toContain(t('demo.imported', { file: 'costs.csv', kind: 'costs', rows: 129 }).slice(0, 30));
    const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as DemoTruth;
    expect(truth.seed).toBe(7);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toMatch(/^<!doctype html>/i);
  });

  it('stores exactly what the truth describes, and a re-run gives the same store', async () => {
    const dir = join(root, 'import-only');
    for (let run = 0; run < 2; run++) {
      const io = capture();
      const code = await main(['demo', '--out', dir, '--seed', '11', '--no-report'], io.output);
      expect(code, io.text().stderr).toBe(0);
      expect(io.text().stdout).toBe('');
    }
    const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as DemoTruth;
    const loaded = loadConfig(dir);
    expect(loaded.config.lift.interventions[0]?.start).toBe(truth.dates.programStart);
    expect(loaded.config.period).toEqual(truth.dates.analysisPeriod);
    const store = await Store.open(storePath(loaded), { readOnly: true });
    try {
      const one = async (sql: string) => Number(Object.values((await store.query(sql))[0] ?? {})[0]);
      expect(await one('select count(*) from imports')).toBe(truth.files.length);
      expect(await one('select count(*) from people')).toBe(truth.volumes.contacts);
      expect(await one('select count(*) from deals')).toBe(truth.volumes.deals);
      expect(await one('select count(*) from posts')).toBe(truth.volumes.posts);
      expect(await one('select count(*) from touchpoints')).toBe(truth.volumes.touchpoints);
      const start = truth.dates.analysisPeriod.start;
      expect(await one(`select sum(spend) from ad_daily where date >= '${start}'`)).toBe(truth.costs.xAdsSpend);
      expect(await one(`select sum(amount) from costs where channel = 'x' and date >= '${start}'`)).toBe(
        truth.costs.xCash.total - truth.costs.xAdsSpend,
      );
      expect(await one(`select sum(hours) from costs where category = 'labor' and date >= '${start}'`)).toBe(
        truth.costs.hours.total,
      );
    } finally {
      store.close();
    }
  });

  it('refuses to overwrite a folder that holds someone else’s config', async () => {
    const dir = join(root, 'foreign');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'xroi.config.yaml'), 'version: 1\n');
    const io = capture();
    const code = await main(['--lang', 'en', 'demo', '--out', dir, '--no-report'], io.output);
    expect(code).toBe(1);
    expect(io.text().stderr).toContain(
      translator('en')('demo.notOurs', { file: 'xroi.config.yaml', dir: '' }).slice(0, 20),
    );
    expect(readFileSync(join(dir, 'xroi.config.yaml'), 'utf8')).toBe('version: 1\n');
  });
});
