/**
 * Google CausalImpact (R, v1.4.1) on its reference CSV fixtures (REFERENCE §5.2). MCMC results are
 * not exact: the "actual" sums are compared exactly, p-values by band (< 0.01, > 0.1), as the
 * reference says. R's defaults are used (levelPrior 'causalimpact': prior.level.sd 0.01, sample
 * size 32; niter 1000), and xroi's default prior is checked to agree on the direction.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { analyzeImpact } from '../../src/model/lift/index.js';

const REF = fileURLToPath(new URL('../../fixtures/papers/causalimpact/', import.meta.url));
const load = (name: string) =>
  parse(readFileSync(`${REF}${name}`), { columns: true, skip_empty_lines: true, trim: true }) as Record<
    string,
    string
  >[];
const exactSum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('CausalImpact reference fixtures', () => {
  it('arma_data_effect.csv: exact actual sums and a significant small positive effect (p < 0.01)', () => {
    const rows = load('arma_data_effect.csv');
    expect(rows).toHaveLength(100);
    const y = rows.map((r) => Number(r.y));
    const x = rows.map((r) => Number(r.X));
    const r = analyzeImpact(
      { y, controls: [x], controlNames: ['X'], preLength: 70 },
      { seed: 1, levelPrior: 'causalimpact' },
    );
    const post = y.slice(70);
    expect(r.summary.cumulative.actual).toBe(exactSum(post));
    expect(r.summary.average.actual).toBe(exactSum(post) / 30);
    expect(r.summary.postPoints).toBe(30);
    expect(r.summary.p).toBeLessThan(0.01);
    expect(r.summary.significant).toBe(true);
    // y was raised by exactly 1 on rows 71–100: the estimate is small and positive, near 1
    const avg = r.summary.average;
    expect(avg.absEffect).toBeGreaterThan(0);
    expect(Math.abs(avg.absEffect - 1)).toBeLessThan(2 * avg.absEffectSd);
    expect(avg.relEffect).toBeGreaterThan(0);
    expect(avg.relEffect).toBeLessThan(0.02);
  });

  it('arma_data.csv (no effect): not significant', () => {
    const rows = load('arma_data.csv');
    const y = rows.map((r) => Number(r.y));
    const x = rows.map((r) => Number(r.X));
    const r = analyzeImpact({ y, controls: [x], preLength: 70 }, { seed: 1, levelPrior: 'causalimpact' });
    expect(r.summary.p).toBeGreaterThan(0.1);
    expect(r.summary.significant).toBe(false);
  });

  it('comparison_data.csv: exact actual sums and no significant effect (p > 0.1), with either prior', () => {
    const rows = load('comparison_data.csv');
    expect(rows).toHaveLength(108);
    const dates = rows.map((r) => r.DATE!);
    const pre = dates.indexOf('2019-07-15');
    expect(pre).toBe(90);
    const y = rows.map((r) => Number(r.CHANGED));
    const controls = [1, 2, 3].map((i) => rows.map((r) => Number(r[`NOT_CHANGED_${i}`])));
    const post = y.slice(pre);
    for (const levelPrior of ['causalimpact', 'uniform', 'bounded'] as const) {
      const r = analyzeImpact({ y, controls, preLength: pre, dates }, { seed: 1, levelPrior });
      expect(r.summary.cumulative.actual).toBe(exactSum(post));
      expect(r.summary.postPoints).toBe(18);
      // R's band (p > 0.1) with R's priors; xroi's weaker noise prior gives p ≈ 0.07 here, still not
      // significant by R's own rule (p < 0.05) nor by xroi's (the 95 % interval includes zero)
      expect(r.summary.p, levelPrior).toBeGreaterThan(levelPrior === 'causalimpact' ? 0.1 : 0.05);
      expect(r.summary.significant).toBe(false);
    }
  });

  it('xroi default priors on arma_data_effect.csv: the interval covers the planted +1 and stays small', () => {
    const rows = load('arma_data_effect.csv');
    const y = rows.map((r) => Number(r.y));
    const x = rows.map((r) => Number(r.X));
    const r = analyzeImpact({ y, controls: [x], preLength: 70 }, { seed: 1 });
    const avg = r.summary.average;
    expect(avg.absEffectLower).toBeLessThanOrEqual(1);
    expect(avg.absEffectUpper).toBeGreaterThanOrEqual(1);
    expect(avg.absEffect).toBeGreaterThan(0);
    // of the order of the planted effect on a series of about 120
    expect(avg.absEffectUpper - avg.absEffectLower).toBeLessThan(3);
    expect(r.summary.relative.convention).toBe('mean_ratio');
  });

  it('xroi default prior on arma_data_effect.csv: same direction, wider interval', () => {
    const rows = load('arma_data_effect.csv');
    const y = rows.map((r) => Number(r.y));
    const x = rows.map((r) => Number(r.X));
    const ci = analyzeImpact({ y, controls: [x], preLength: 70 }, { seed: 1, levelPrior: 'causalimpact' });
    const def = analyzeImpact({ y, controls: [x], preLength: 70 }, { seed: 1 });
    expect(def.summary.average.absEffect).toBeGreaterThan(0);
    expect(def.summary.average.absEffectSd).toBeGreaterThan(ci.summary.average.absEffectSd);
  });
});
