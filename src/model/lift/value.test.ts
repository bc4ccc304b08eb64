import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { valueLift, triangular } from './value.js';
import { createRng } from './random.js';

const fallback = {
  visitToLead: { value: 0.01, low: 0.005, high: 0.02 },
  leadToWon: { value: 0.1, low: 0.05, high: 0.2 },
};

describe('valueLift', () => {
  it('multiplies visits by the observed rates and the LTV, with an interval', () => {
    const visits = Array.from({ length: 2000 }, () => 1000);
    const v = valueLift({
      incrementalVisitDraws: visits,
      counts: { sessions: 10_000, leads: 200, won: 20 },
      fallback,
      ltvGrossProfitPerCustomer: 1_000_000,
      seed: 1,
    });
    expect(v.visitToLead.source).toBe('store');
    expect(v.visitToLead.value).toBeCloseTo(200.5 / 10_001, 3);
    expect(v.leadToWon.value).toBeCloseTo(20.5 / 201, 2);
    // E[value] = 1000 × E[r1] × E[r2] × LTV (independent draws)
    const expected = 1000 * (200.5 / 10_001) * (20.5 / 201) * 1_000_000;
    expect(Math.abs(v.value - expected) / expected).toBeLessThan(0.03);
    expect(v.low).toBeLessThan(v.value);
    expect(v.high).toBeGreaterThan(v.value);
    expect(v.samples).toHaveLength(2000);
  });

  it('falls back to the configured rates when the store has no usable counts', () => {
    const v = valueLift({
      incrementalVisitDraws: [100, 200],
      counts: { sessions: 0, leads: 0, won: 0 },
      fallback,
      ltvGrossProfitPerCustomer: 1,
      seed: 1,
    });
    expect(v.visitToLead.source).toBe('config');
    expect(v.leadToWon.source).toBe('config');
    const w = valueLift({
      incrementalVisitDraws: [100],
      counts: { sessions: 10, leads: 50, won: 1 },
      fallback,
      ltvGrossProfitPerCustomer: 1,
      seed: 1,
    });
    expect(w.visitToLead.source).toBe('config');
    expect(w.leadToWon.source).toBe('store');
  });

  it('keeps the sign of a negative lift and is seeded', () => {
    const args = {
      incrementalVisitDraws: [-500, -400, -600],
      counts: null,
      fallback,
      ltvGrossProfitPerCustomer: 1000,
      seed: 5,
    };
    const a = valueLift(args);
    expect(a.high).toBeLessThan(0);
    expect(valueLift(args)).toEqual(a);
  });

  it('property: triangular draws stay in [low, high]', () => {
    const rng = createRng(3);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b, c) => {
          const [low, mode, high] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
          const x = triangular(rng, low, mode, high);
          expect(x).toBeGreaterThanOrEqual(low);
          expect(x).toBeLessThanOrEqual(high);
        },
      ),
    );
  });
});
