/**
 * Calibration of the Monte Carlo ROI interval on synthetic companies whose true ROI is known
 * (model/uncertainty/synthetic-company.ts): every uncertain input has a planted truth, the
 * pipeline sees only data drawn from it (closed-deal counts, renewal cohorts, a lift estimate with
 * its interval, the config's stated ranges), and the interval must contain the planted ROI about
 * as often as its nominal level says.
 *
 * Measured (1000 draws per company, Jeffreys win-rate prior): the 95 % interval covers the planted
 * ROI in 94.0 % of companies 1–1000 (92.5 % of companies 1–200 alone, so a 200-company check at
 * 93 % would fail for this seed block); the 80 % interval in 81.5 %. The binomial standard error
 * over 1000 companies is 0.7 points, so the 93 % floor is ~1.5 standard errors below the nominal
 * 95 %, and a failure means a real loss of calibration, not noise. Where the shortfall sits: the
 * truth falls below the interval more often than above (3.8 % vs 2.2 % over companies 1–600).
 */
import { describe, it, expect } from 'vitest';
import { simulateRoi } from '../../src/model/uncertainty/monte-carlo.js';
import { syntheticCompany } from '../../src/model/uncertainty/synthetic-company.js';

describe('Monte Carlo ROI interval coverage on 1000 seeded synthetic companies', () => {
  it('the 95 % interval covers the planted true ROI in ≥ 93 %, the 80 % interval in 77–86 %', () => {
    const companies = 1000;
    let in95 = 0;
    let in80 = 0;
    for (let seed = 1; seed <= companies; seed++) {
      const company = syntheticCompany(seed);
      const u = simulateRoi(company.observed, { draws: 1000, seed });
      const [lo95, hi95] = u.trueRoi.interval95!;
      const [lo80, hi80] = u.trueRoi.interval80!;
      if (lo95 <= company.trueRoi && company.trueRoi <= hi95) in95++;
      if (lo80 <= company.trueRoi && company.trueRoi <= hi80) in80++;
    }
    expect(in95 / companies).toBeGreaterThanOrEqual(0.93);
    expect(in80 / companies).toBeGreaterThanOrEqual(0.77);
    expect(in80 / companies).toBeLessThanOrEqual(0.86);
  });
});
