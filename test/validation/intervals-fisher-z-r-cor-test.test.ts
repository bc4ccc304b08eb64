/**
 * Fisher-z interval for Pearson's r against R's `cor.test` help example (R Core Team, package
 * `stats`, ?cor.test, the Hollander & Wolfe (1973, p. 187) data on aggressive-behaviour scores):
 * R prints cor = 0.5711816 and 95 percent confidence interval −0.1497426 0.8955795 (t = 1.8411,
 * df = 7). R computes the interval as tanh(atanh(r) ± qnorm(0.975)/√(n − 3)).
 */
import { describe, it, expect } from 'vitest';
import { correlation, fisherZInterval } from '../../src/model/stats/index.js';

const x = [44.4, 45.9, 41.9, 53.3, 44.7, 44.1, 50.7, 45.2, 60.1];
const y = [2.6, 3.1, 2.5, 5.0, 3.6, 4.0, 5.2, 2.8, 3.8];

describe('Fisher z: R cor.test(x, y) help example', () => {
  it('reproduces r and its 95 % interval to 7 decimals', () => {
    const c = correlation(x, y, 'pearson');
    expect(c.r!).toBeCloseTo(0.5711816, 7);
    expect(c.low!).toBeCloseTo(-0.1497426, 7);
    expect(c.high!).toBeCloseTo(0.8955795, 7);
  });
  it('gives the same interval from r and n alone', () => {
    const i = fisherZInterval(0.5711816, 9);
    expect(i.low).toBeCloseTo(-0.1497426, 6);
    expect(i.high).toBeCloseTo(0.8955795, 6);
  });
});
