/**
 * Binomial proportion intervals against published values.
 *
 * - R. G. Newcombe (1998), "Two-sided confidence intervals for the single proportion: comparison of
 *   seven methods", Statistics in Medicine 17, 857–872, Table I: 95 % intervals for the worked
 *   examples 81/263, 15/148, 0/20 and 1/29, printed to 4 decimals. Method 3 is the Wilson score
 *   interval, method 5 the Clopper–Pearson exact interval.
 * - The R package `binom` (S. Dorai-Raj), help page of `binom.confint`, example
 *   `binom.confint(x = c(2, 4), n = 100, tol = 1e-8)`, printed to 7–8 significant digits:
 *   methods "wilson" and "exact".
 * - Jeffreys (Brown, Cai & DasGupta 2001, Statistical Science 16(2), §4.1.2): no printed table was
 *   at hand, so it is checked against closed forms of the beta quantile [DERIVED]: Beta(a, 1) has
 *   quantile p^(1/a), Beta(½, ½) has sin²(πp/2); and by its defining tail areas.
 */
import { describe, it, expect } from 'vitest';
import {
  wilsonInterval,
  clopperPearsonInterval,
  jeffreysInterval,
  betaQuantile,
  incompleteBeta,
} from '../../src/model/stats/index.js';

const table1: { x: number; n: number; wilson: [number, number]; exact: [number, number] }[] = [
  { x: 81, n: 263, wilson: [0.2553, 0.3662], exact: [0.2527, 0.3676] },
  { x: 15, n: 148, wilson: [0.0624, 0.1605], exact: [0.0578, 0.1617] },
  { x: 0, n: 20, wilson: [0.0, 0.1611], exact: [0.0, 0.1684] },
  { x: 1, n: 29, wilson: [0.0061, 0.1718], exact: [0.0009, 0.1776] },
];

/** Binomial tail P(X >= x | n, p) summed directly: an oracle independent of the beta functions. */
function upperTail(x: number, n: number, p: number): number {
  let s = 0;
  let logC = 0;
  for (let k = 0; k <= n; k++) {
    if (k > 0) logC += Math.log(n - k + 1) - Math.log(k);
    if (k >= x) s += Math.exp(logC + k * Math.log(p) + (n - k) * Math.log1p(-p));
  }
  return s;
}

describe('Newcombe (1998) Table I, 95 % intervals', () => {
  for (const row of table1) {
    it(`Wilson score (method 3) for ${row.x}/${row.n}`, () => {
      const w = wilsonInterval(row.x, row.n);
      expect(w.low!).toBeCloseTo(row.wilson[0], 4);
      expect(w.high!).toBeCloseTo(row.wilson[1], 4);
    });
    it(`Clopper–Pearson exact (method 5) for ${row.x}/${row.n}`, () => {
      const c = clopperPearsonInterval(row.x, row.n);
      expect(c.low!).toBeCloseTo(row.exact[0], 4);
      expect(c.high!).toBeCloseTo(row.exact[1], 4);
    });
  }
});

describe('R binom::binom.confint help example (x = 2, 4; n = 100)', () => {
  it('wilson', () => {
    expect(wilsonInterval(2, 100).low!).toBeCloseTo(0.005501968, 8);
    expect(wilsonInterval(2, 100).high!).toBeCloseTo(0.07001179, 7);
    expect(wilsonInterval(4, 100).low!).toBeCloseTo(0.015663304, 8);
    expect(wilsonInterval(4, 100).high!).toBeCloseTo(0.09837071, 7);
  });
  it('exact (Clopper–Pearson)', () => {
    expect(clopperPearsonInterval(2, 100).low!).toBeCloseTo(0.002431337, 8);
    expect(clopperPearsonInterval(2, 100).high!).toBeCloseTo(0.07038393, 7);
    expect(clopperPearsonInterval(4, 100).low!).toBeCloseTo(0.011004494, 8);
    expect(clopperPearsonInterval(4, 100).high!).toBeCloseTo(0.09925716, 7);
  });
});

describe('Clopper–Pearson bounds solve their defining binomial tail equations', () => {
  for (const [x, n] of [
    [81, 263],
    [3, 17],
    [1, 5],
  ] as const) {
    it(`${x}/${n}`, () => {
      const c = clopperPearsonInterval(x, n);
      expect(upperTail(x, n, c.low!)).toBeCloseTo(0.025, 10);
      expect(1 - upperTail(x + 1, n, c.high!)).toBeCloseTo(0.025, 10);
    });
  }
});

describe('Jeffreys interval and the beta quantile [DERIVED]', () => {
  it('matches closed-form beta quantiles', () => {
    for (const p of [0.025, 0.1, 0.5, 0.975]) {
      expect(betaQuantile(p, 3, 1)).toBeCloseTo(p ** (1 / 3), 12);
      expect(betaQuantile(p, 0.5, 0.5)).toBeCloseTo(Math.sin((Math.PI * p) / 2) ** 2, 12);
    }
  });
  it('puts 2.5 % of the Beta(x+½, n−x+½) posterior in each tail, with the x = 0 and x = n ends fixed', () => {
    const j = jeffreysInterval(15, 148);
    expect(incompleteBeta(j.low!, 15.5, 133.5)).toBeCloseTo(0.025, 12);
    expect(incompleteBeta(j.high!, 15.5, 133.5)).toBeCloseTo(0.975, 12);
    expect(jeffreysInterval(0, 20).low).toBe(0);
    expect(jeffreysInterval(20, 20).high).toBe(1);
    // 0/20: upper bound is the 0.975 quantile of Beta(0.5, 20.5)
    expect(incompleteBeta(jeffreysInterval(0, 20).high!, 0.5, 20.5)).toBeCloseTo(0.975, 12);
  });
});
