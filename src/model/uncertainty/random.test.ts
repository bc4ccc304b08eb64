import { describe, it, expect } from 'vitest';
import { beta, createRng, gamma, normal, quantileSorted, rngFromState, triangular } from './random.js';

const moments = (xs: number[]) => {
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  const v = xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
  return { m, v };
};

describe('xoshiro128**', () => {
  it('matches the reference sequence from state (1, 2, 3, 4)', () => {
    // worked by hand from the reference C code of Blackman & Vigna
    const r = rngFromState([1, 2, 3, 4]);
    expect([r.nextUint32(), r.nextUint32(), r.nextUint32()]).toEqual([11520, 0, 5927040]);
  });
  it('is deterministic per seed and differs across seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xa = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xa);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xa);
    for (const x of xa) expect(x >= 0 && x < 1).toBe(true);
  });
  it('gives uniform draws with mean 1/2 and variance 1/12', () => {
    const r = createRng(1);
    const { m, v } = moments(Array.from({ length: 100_000 }, () => r.next()));
    expect(m).toBeCloseTo(0.5, 2);
    expect(v).toBeCloseTo(1 / 12, 3);
  });
});

describe('samplers', () => {
  const n = 50_000;
  it('normal has the requested mean and sd', () => {
    const r = createRng(2);
    const { m, v } = moments(Array.from({ length: n }, () => normal(r, 3, 2)));
    expect(m).toBeCloseTo(3, 1);
    expect(Math.sqrt(v)).toBeCloseTo(2, 1);
  });
  it.each([0.3, 1, 4.5])('gamma(%d) has mean k and variance k', (k) => {
    const r = createRng(3);
    const { m, v } = moments(Array.from({ length: n }, () => gamma(r, k)));
    expect(Math.abs(m - k)).toBeLessThan(0.03 * Math.max(1, k));
    expect(Math.abs(v - k)).toBeLessThan(0.08 * Math.max(1, k));
  });
  it('beta(a, b) has mean a/(a+b) and the Beta variance', () => {
    const r = createRng(4);
    const [a, b] = [3, 7];
    const { m, v } = moments(Array.from({ length: n }, () => beta(r, a, b)));
    expect(m).toBeCloseTo(a / (a + b), 2);
    expect(v).toBeCloseTo((a * b) / ((a + b) ** 2 * (a + b + 1)), 3);
  });
  it('triangular stays in range and has mean (low + mode + high)/3', () => {
    const r = createRng(5);
    const xs = Array.from({ length: n }, () => triangular(r, 1, 2, 6));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...xs)).toBeLessThanOrEqual(6);
    expect(moments(xs).m).toBeCloseTo(3, 1);
    expect(triangular(r, 2, 2, 2)).toBe(2);
  });
  it('quantileSorted interpolates linearly', () => {
    expect(quantileSorted([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantileSorted([0, 10], 0.25)).toBe(2.5);
  });
});
