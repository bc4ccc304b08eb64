import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rng } from './random.js';

describe('Rng', () => {
  it('repeats the same sequence for the same seed and differs for another seed', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const c = new Rng(8);
    const xs = Array.from({ length: 50 }, () => a.nextUint32());
    expect(Array.from({ length: 50 }, () => b.nextUint32())).toEqual(xs);
    expect(Array.from({ length: 50 }, () => c.nextUint32())).not.toEqual(xs);
  });

  it('forks independent, reproducible streams', () => {
    const x = new Rng(1).fork('posts').next();
    expect(new Rng(1).fork('posts').next()).toBe(x);
    expect(new Rng(1).fork('deals').next()).not.toBe(x);
  });

  it('keeps uniform draws in [0, 1) and integers inside their bounds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 0, max: 30 }),
        (seed, lo, width) => {
          const r = new Rng(seed);
          for (let i = 0; i < 20; i++) {
            const u = r.next();
            expect(u).toBeGreaterThanOrEqual(0);
            expect(u).toBeLessThan(1);
            const k = r.int(lo, lo + width);
            expect(k).toBeGreaterThanOrEqual(lo);
            expect(k).toBeLessThanOrEqual(lo + width);
          }
        },
      ),
    );
  });

  it('never picks an index of zero weight', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.array(fc.constantFrom(0, 0, 1, 2.5), { minLength: 1, maxLength: 8 }),
        (seed, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const r = new Rng(seed);
          for (let i = 0; i < 20; i++) expect(weights[r.weightedIndex(weights)]).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('draws Poisson, Beta and Bernoulli with the right means (within 5 standard errors)', () => {
    const r = new Rng(2024);
    const n = 20_000;
    for (const lambda of [0.3, 4, 80]) {
      let s = 0;
      for (let i = 0; i < n; i++) s += r.poisson(lambda);
      expect(Math.abs(s / n - lambda)).toBeLessThan(5 * Math.sqrt(lambda / n));
    }
    const [a, b] = [1.1, 4.5];
    let sb = 0;
    for (let i = 0; i < n; i++) sb += r.beta(a, b);
    const mean = a / (a + b);
    const sd = Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1)));
    expect(Math.abs(sb / n - mean)).toBeLessThan((5 * sd) / Math.sqrt(n));
    let k = 0;
    for (let i = 0; i < n; i++) if (r.bernoulli(0.27)) k++;
    expect(Math.abs(k / n - 0.27)).toBeLessThan(5 * Math.sqrt((0.27 * 0.73) / n));
  });
});
