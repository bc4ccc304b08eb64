/**
 * Fader & Hardie (2010), "Customer-Base Valuation in a Contractual Setting: The Perils of Ignoring
 * Heterogeneity", Marketing Science 29(1) 85–93: DEL and DERL (eq. 6) at d = 10 %. Expected values:
 * REFERENCE.md §1.5 — the published High End DERL after 7 renewals, 7.530 (jdmaturen README), and
 * derived values checked there against brute-force sums.
 */
import { describe, it, expect } from 'vitest';
import { sbgDel, sbgDerl } from '../../src/model/ltv/shifted-beta-geometric.js';

const regular = { alpha: 0.704, beta: 1.182 };
const highEnd = { alpha: 0.668, beta: 3.806 };

describe('DEL and DERL at d = 0.10 (REFERENCE §1.5)', () => {
  it('High End DERL after 7 renewals = 7.530 [published]; $75.30 at $10 per period', () => {
    expect(sbgDerl(highEnd, 0.1, 7)).toBeCloseTo(7.53, 3);
    expect(10 * sbgDerl(highEnd, 0.1, 7)).toBeCloseTo(75.3, 2);
  });

  it.each([
    { name: 'Regular', p: regular, del: 3.6951, derl: [2.9647, 4.1035, 4.8701, 5.4424, 5.8944, 6.2647, 6.576, 6.8426] },
    {
      name: 'High End',
      p: highEnd,
      del: 5.9226,
      derl: [5.4149, 5.9018, 6.2943, 6.6203, 6.8971, 7.136, 7.3451, 7.5299],
    },
  ])('$name: DEL and DERL(0…7 renewals) to 4 decimals', ({ p, del, derl }) => {
    expect(sbgDel(p, 0.1)).toBeCloseTo(del, 4);
    derl.forEach((x, n) => expect(sbgDerl(p, 0.1, n), `DERL(${n})`).toBeCloseTo(x, 4));
  });

  it('the hypergeometric series equals the brute-force truncated sum to 1e-10', () => {
    for (const p of [regular, highEnd]) {
      expect(Math.abs(sbgDel(p, 0.1) - sbgDel(p, 0.1, 3000))).toBeLessThan(1e-10);
      for (let n = 0; n < 8; n++) expect(Math.abs(sbgDerl(p, 0.1, n) - sbgDerl(p, 0.1, n, 3000))).toBeLessThan(1e-10);
    }
  });

  it('DERL(0 renewals) = (DEL − 1)(1 + d)', () => {
    for (const p of [regular, highEnd])
      for (const d of [0.05, 0.1, 0.25]) {
        expect(sbgDerl(p, d, 0)).toBeCloseTo((sbgDel(p, d) - 1) * (1 + d), 10);
      }
  });
});
