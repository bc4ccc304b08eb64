import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { cholesky, findRoot, fitPositive, invertSpd, nelderMead, numericalHessian } from './fit.js';

describe('nelderMead', () => {
  it('finds the minimum of the Rosenbrock function at (1, 1)', () => {
    const r = nelderMead(([x, y]) => 100 * (y! - x! * x!) ** 2 + (1 - x!) ** 2, [-1.2, 1]);
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 5);
    expect(r.x[1]).toBeCloseTo(1, 5);
  });
  it('treats non-finite values as +∞ and stays in the feasible region', () => {
    const r = nelderMead(([x]) => (x! < 0 ? Number.NaN : (x! - 2) ** 2), [1]);
    expect(r.x[0]).toBeCloseTo(2, 6);
  });
});

describe('Hessian and inverse', () => {
  it('recovers the Hessian of a quadratic form exactly (to rounding)', () => {
    const H = numericalHessian(([x, y]) => 3 * x! * x! + 2 * x! * y! + 5 * y! * y!, [0.3, -0.7]);
    expect(H[0]![0]).toBeCloseTo(6, 4);
    expect(H[0]![1]).toBeCloseTo(2, 4);
    expect(H[1]![1]).toBeCloseTo(10, 4);
  });
  it('property: invertSpd(A) · A = I for random SPD matrices', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 9, maxLength: 9 }), (v) => {
        const B = [v.slice(0, 3), v.slice(3, 6), v.slice(6, 9)];
        // A = B Bᵀ + I is symmetric positive definite
        const A = B.map((r, i) => B.map((s, j) => r.reduce((acc, x, k) => acc + x * s[k]!, 0) + (i === j ? 1 : 0)));
        const inv = invertSpd(A)!;
        for (let i = 0; i < 3; i++)
          for (let j = 0; j < 3; j++) {
            const p = A[i]!.reduce((acc, x, k) => acc + x * inv[k]![j]!, 0);
            expect(p).toBeCloseTo(i === j ? 1 : 0, 8);
          }
      }),
    );
  });
  it('says when a matrix is not positive definite', () => {
    expect(
      cholesky([
        [1, 2],
        [2, 1],
      ]),
    ).toBeNull();
    expect(
      invertSpd([
        [0, 0],
        [0, 0],
      ]),
    ).toBeNull();
  });
});

describe('fitPositive', () => {
  it('gives the exponential-rate MLE n/Σx with standard error λ/√n', () => {
    const xs = [0.5, 1.2, 0.3, 2.2, 0.9, 0.1, 1.7, 0.4];
    const sum = xs.reduce((a, b) => a + b, 0);
    const fit = fitPositive(
      'exp',
      ['rate'],
      (p) => xs.length * Math.log(p.rate) - p.rate * sum,
      { rate: 1 },
      { n: xs.length },
    );
    const mle = xs.length / sum;
    expect(fit.params.rate).toBeCloseTo(mle, 6);
    expect(fit.standardErrors.rate).toBeCloseTo(mle / Math.sqrt(xs.length), 4);
    const [lo, hi] = fit.intervals.rate!;
    expect(lo).toBeCloseTo(mle * Math.exp(-1.959964 / Math.sqrt(xs.length)), 4);
    expect(hi).toBeCloseTo(mle * Math.exp(1.959964 / Math.sqrt(xs.length)), 4);
    expect(fit.converged).toBe(true);
    expect(Object.isFrozen(fit)).toBe(true);
  });
});

describe('findRoot', () => {
  it('finds a bracketed root and refuses an unbracketed one', () => {
    expect(findRoot((x) => x * x - 2, 0, 2)).toBeCloseTo(Math.SQRT2, 10);
    expect(findRoot((x) => x * x + 1, -1, 1)).toBeNull();
    expect(findRoot(() => Number.NaN, 0, 1)).toBeNull();
  });
});
