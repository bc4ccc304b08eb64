import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { absorptionProbabilities, solveLinear, type SparseChain } from './absorbing-chain.js';

/** A random absorbing chain: each state moves to up to 3 others, converts or drops. */
function chainFrom(rows: { to: number[]; weights: number[]; conv: number; drop: number }[]): SparseChain {
  const n = rows.length;
  const rowStart = new Int32Array(n + 1);
  const col: number[] = [];
  const prob: number[] = [];
  const r = new Float64Array(n);
  rows.forEach((row, s) => {
    rowStart[s] = col.length;
    const total = row.weights.reduce((a, b) => a + b, 0) + row.conv + row.drop;
    row.to.forEach((t, i) => {
      col.push(t % n);
      prob.push(row.weights[i]! / total);
    });
    r[s] = row.conv / total;
  });
  rowStart[n] = col.length;
  return { states: n, rowStart, col: Int32Array.from(col), prob: Float64Array.from(prob), r };
}

const rowArb = fc
  .record({
    to: fc.array(fc.nat(1000), { minLength: 0, maxLength: 3 }),
    conv: fc.integer({ min: 0, max: 5 }),
    drop: fc.integer({ min: 1, max: 5 }), // every state can leave: the chain is absorbing
  })
  .chain((r) =>
    fc.record({
      to: fc.constant(r.to),
      conv: fc.constant(r.conv),
      drop: fc.constant(r.drop),
      weights: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: r.to.length, maxLength: r.to.length }),
    }),
  );

describe('absorbing chain solver', () => {
  it('dense elimination and Gauss–Seidel agree to 1e-12, with and without removed states', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 1, maxLength: 30 }),
        fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
        (rows, rm) => {
          const chain = chainFrom(rows);
          const removed = Uint8Array.from(rows.map((_, i) => (rm[i] ? 1 : 0)));
          for (const mask of [undefined, removed]) {
            const a = absorptionProbabilities(chain, mask, 'dense');
            const b = absorptionProbabilities(chain, mask, 'iterative');
            for (let i = 0; i < chain.states; i++) {
              expect(Math.abs(a[i]! - b[i]!)).toBeLessThan(1e-12);
              expect(a[i]).toBeGreaterThanOrEqual(-1e-15);
              expect(a[i]).toBeLessThanOrEqual(1 + 1e-12);
              if (mask?.[i]) expect(a[i]).toBe(0);
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });
  it('solves a known linear system', () => {
    const y = solveLinear(Float64Array.from([2, 1, 1, 3]), Float64Array.from([3, 5]), 2);
    expect(y[0]).toBeCloseTo(0.8, 14);
    expect(y[1]).toBeCloseTo(1.4, 14);
  });
});
