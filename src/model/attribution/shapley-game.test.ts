/** Generic Shapley solver against the cooperative-game oracles of REFERENCE §3.3 and Zhao's closed form (§3.2). */
import { describe, expect, it } from 'vitest';
import { shapleyExact, shapleySampled } from './shapley-game.js';
import { runModel } from './run.js';
import { credits, pathsTable } from './test-helpers.js';

/** v over masks from values listed in the order 1,2,3,12,13,23,123 (or the 4-player order). */
function game(n: number, listed: number[]): Float64Array {
  const order: number[][] = [];
  for (let size = 1; size <= n; size++) {
    const rec = (start: number, acc: number[]) => {
      if (acc.length === size) return void order.push([...acc]);
      for (let i = start; i < n; i++) rec(i + 1, [...acc, i]);
    };
    rec(0, []);
  }
  const v = new Float64Array(1 << n);
  order.forEach((members, k) => (v[members.reduce((m, i) => m | (1 << i), 0)] = listed[k]!));
  return v;
}

const cases: [string, number, number[], number[]][] = [
  ['SageMath CooperativeGame', 3, [6, 12, 42, 12, 42, 42, 42], [2, 5, 35]],
  ['LINDO SHAPLEY.lng', 3, [88, 92, 70, 100, 119, 112, 120], [41.5, 40, 38.5]],
  [
    'CoopGame Talmud (Aumann 2010)',
    4,
    [120, 60, 40, 30, 120, 120, 120, 60, 60, 40, 120, 120, 120, 60, 120],
    [80.8333333333, 20.8333333333, 10.8333333333, 7.5],
  ],
  ['coopProductGame', 3, [68, 102, 0, 170, 710, 762, 992], [229, 272, 491]],
  ['GameTheoryAllocation', 3, [1, 1, 2, 1, 2, 2, 2], [1 / 3, 1 / 3, 4 / 3]],
  ['cooptrees', 3, [4, 4, 4, 8, 8, 8, 14], [14 / 3, 14 / 3, 14 / 3]],
  ['Harsanyi dividends exercise', 3, [6, 12, 18, 30, 60, 90, 120], [22, 40, 58]],
  ['CoopGame doc', 3, [0, 0, 0, 1, 2, 3, 7.5], [2, 2.5, 3]],
];

describe('exact Shapley over coalitions (REFERENCE §3.3)', () => {
  for (const [name, n, v, expected] of cases) {
    it(name, () => {
      const phi = shapleyExact(n, game(n, v));
      expected.forEach((e, i) => expect(phi[i]).toBeCloseTo(e, 8));
    });
  }
});

describe("Zhao's simplified form equals the subset formula (REFERENCE §3.2)", () => {
  it('F/O/L worths and values', () => {
    // R by exact set over players F=0, O=1, L=2
    const R = new Float64Array(8);
    R[0b001] = 0.2;
    R[0b010] = 0.1;
    R[0b100] = 0.17;
    R[0b011] = 0.17;
    R[0b101] = 0.3;
    R[0b111] = 0.06;
    const v = new Float64Array(8);
    for (let s = 0; s < 8; s++) for (let t = 0; t < 8; t++) if ((t & s) === t) v[s] = v[s]! + R[t]!;
    expect(v[0b011]).toBeCloseTo(0.47, 12);
    expect(v[0b101]).toBeCloseTo(0.67, 12);
    expect(v[0b110]).toBeCloseTo(0.27, 12);
    const phi = shapleyExact(3, v);
    const closed = credits(
      runModel(
        'shapley',
        pathsTable([
          ['F', 20, 0],
          ['O', 10, 0],
          ['L', 17, 0],
          ['F > O', 17, 0],
          ['F > L', 30, 0],
          ['F > L > O', 6, 0],
        ]),
      ),
    );
    expect(phi[0]).toBeCloseTo(closed['F']! / 100, 12);
    expect(phi[1]).toBeCloseTo(closed['O']! / 100, 12);
    expect(phi[2]).toBeCloseTo(closed['L']! / 100, 12);
  });
});

describe('sampled Shapley', () => {
  it('stays within its stated bound of the exact values', () => {
    const v = game(4, [120, 60, 40, 30, 120, 120, 120, 60, 60, 40, 120, 120, 120, 60, 120]);
    const exact = shapleyExact(4, v);
    const res = shapleySampled(4, (m) => v[m.reduce((acc, b, i) => acc | (b << i), 0)]!, {
      samples: 5000,
      seed: 7,
      range: [0, 120],
    });
    expect(res.errorBound).toBeGreaterThan(0);
    for (let i = 0; i < 4; i++) expect(Math.abs(res.values[i]! - exact[i]!)).toBeLessThan(res.errorBound!);
    // efficiency holds exactly for every permutation sample
    expect(res.values.reduce((a, b) => a + b, 0)).toBeCloseTo(120, 9);
  });
});
