/**
 * Issue 2, must-show 2: the real exports in ../shared/data/real import; with a costs file,
 * `xroi report --json` gives a traditional and a true ROI with no NaN or Infinity; importing the
 * same files again adds nothing.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli, tempProject } from '../helpers/cli.js';
import { Store } from '../../src/store/index.js';
import type { AnalysisResult } from '../../src/model/result.js';

const REAL = fileURLToPath(new URL('../../../shared/data/real/', import.meta.url));
const costs = `date,category,amount,hours,role,description
2025-10,tools,30000,,,scheduling tool
2025-11,agency,200000,,,agency
2025-11-03,labor,,20,marketer,posts
2025-12-01,labor,,25,marketer,posts
`;

async function tableCounts(dir: string): Promise<Record<string, number>> {
  const s = await Store.open(join(dir, '.xroi/xroi.duckdb'), { readOnly: true });
  try {
    const rows = await s.query<{ t: string; n: number }>(
      ['posts', 'deals', 'deal_contacts', 'deal_stages', 'costs', 'imports']
        .map((t) => `SELECT '${t}' AS t, count(*) AS n FROM ${t}`)
        .join(' UNION ALL '),
    );
    return Object.fromEntries(rows.map((r) => [r.t, r.n]));
  } finally {
    s.close();
  }
}

describe('xroi import + report on the real exports', () => {
  const dir = tempProject({ 'costs.csv': costs, 'xroi.config.yaml': 'locale: en\ncrm:\n  sourceField: Lead Type\n' });
  const xPosts = readdirSync(REAL)
    .filter((f) => f.startsWith('x-posts'))
    .map((f) => join(REAL, f));
  const files = [...xPosts, join(REAL, 'hubspot-deals.csv'), join(dir, 'costs.csv')];
  let result: AnalysisResult;

  beforeAll(async () => {
    const imp = await runCli(dir, ['import', ...files]);
    expect(imp.code, imp.stderr).toBe(0);
    const rep = await runCli(dir, ['report', '--json', join(dir, 'out.json'), '--no-html']);
    expect(rep.code, rep.stderr).toBe(0);
    result = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as AnalysisResult;
  });

  it('stores every post with an id and every deal', async () => {
    const c = await tableCounts(dir);
    expect(c.deals).toBe(54);
    expect(c.imports).toBe(6);
    expect(c.costs).toBe(4);
    // 50 legacy + 141 current EN + 1568 JA with ids (the Shift_JIS file holds the same ids)
    expect(c.posts).toBeGreaterThanOrEqual(50 + 141);
  });

  it('gives both ROIs (or a reason) with no NaN or Infinity anywhere', () => {
    const text = readFileSync(join(dir, 'out.json'), 'utf8');
    expect(text).not.toMatch(/NaN|Infinity/);
    for (const fig of [result.roi.traditional, result.roi.true]) {
      expect(fig.roi === null ? typeof fig.reason : typeof fig.roi).toBe(fig.roi === null ? 'string' : 'number');
    }
    expect(result.roi.traditional.cost).toBe(230_000);
    // labor: 45 h at the default loaded rate of 5,000 JPY
    expect(result.roi.true.cost).toBe(230_000 + 45 * 5000);
    expect(result.schemaVersion).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('prints both ROIs and the numbered bridge on the terminal', async () => {
    const rep = await runCli(dir, ['report', '--no-html']);
    expect(rep.stdout).toContain('Traditional ROI');
    expect(rep.stdout).toContain('True ROI');
    expect(rep.stdout).toMatch(/1\. Last-touch X revenue/);
    expect(rep.stdout).toMatch(/2\. multi-touch credit/);
    expect(rep.stdout).toMatch(/6\. \+ brand lift value/);
  });

  it('adds nothing when the same files are imported again', async () => {
    const before = await tableCounts(dir);
    const again = await runCli(dir, ['import', ...files]);
    expect(again.code, again.stderr).toBe(0);
    expect(await tableCounts(dir)).toEqual(before);
  });
});

describe('report flags and config errors', () => {
  it('blames --start/--end, not the config file, for a reversed period', async () => {
    const dir = tempProject({});
    const r = await runCli(dir, ['report', '--start', '2026-03-31', '--end', '2025-04-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--start 2026-03-31 --end 2025-04-01: period.start must not be after period.end');
  });
  it('says so when --config names nothing', async () => {
    const r = await runCli(join(tempProject({}), 'nope'), ['report']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no such config file or folder');
  });
});
