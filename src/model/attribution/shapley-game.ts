/**
 * Shapley values of a cooperative game [1]: φ_i = Σ_{S ⊆ N∖{i}} |S|!(n−|S|−1)!/n! · (v(S∪{i}) − v(S)).
 * Exact over all 2^n coalitions up to `exactMaxPlayers` players (O(n·2^n)); beyond that,
 * estimated from random permutations (Castro, Gómez & Tejada 2009 [2]) with a stated error bound:
 * each marginal contribution lies in [lo, hi], so by Hoeffding's inequality the estimate of each φ_i
 * from m permutations is within (hi − lo)·sqrt(ln(2/δ) / 2m) of the truth with probability 1 − δ.
 *
 * References:
 * [1] L. S. Shapley (1953), "A value for n-person games", Contributions to the Theory of Games II.
 * [2] Castro, Gómez & Tejada (2009), "Polynomial calculation of the Shapley value based on sampling",
 *     Computers & Operations Research 36(5) 1726–1730.
 */
import { ModelError } from '../../errors.js';

export const DEFAULT_EXACT_MAX_PLAYERS = 20;

export interface ShapleyResult {
  values: Float64Array;
  method: 'exact' | 'sampled';
  /** Sampled: permutations drawn, and the half-width of the (1 − δ) bound on each value. */
  samples?: number;
  errorBound?: number;
  confidence?: number;
}

/** Exact Shapley values of a game given as v over bit-mask coalitions (v.length = 2^n). */
export function shapleyExact(n: number, v: Float64Array | ((mask: number) => number)): Float64Array {
  if (n > 26) throw new ModelError('shapley_too_many_players', `exact Shapley over ${n} players is too large`);
  const size = 1 << n;
  const worth = typeof v === 'function' ? Float64Array.from({ length: size }, (_, m) => v(m)) : v;
  // weight[s] = s!(n−s−1)!/n!, computed in a stable product form
  const weight = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    let w = 1 / n;
    // 1/(n · C(n−1, s))
    for (let k = 1; k <= s; k++) w *= k / (n - k);
    weight[s] = w;
  }
  const phi = new Float64Array(n);
  for (let mask = 0; mask < size; mask++) {
    const s = popcount(mask);
    if (s === n) continue;
    const w = weight[s]!;
    const vs = worth[mask]!;
    for (let i = 0; i < n; i++) {
      const bit = 1 << i;
      if (mask & bit) continue;
      phi[i] = phi[i]! + w * (worth[mask | bit]! - vs);
    }
  }
  return phi;
}

/** Shapley values by permutation sampling with a Hoeffding bound (see the module comment). */
export function shapleySampled(
  n: number,
  v: (members: Uint8Array) => number,
  options: { samples: number; seed: number; range: [number, number]; delta?: number },
): ShapleyResult {
  const rand = mulberry32(options.seed);
  const phi = new Float64Array(n);
  const members = new Uint8Array(n);
  const perm = Int32Array.from({ length: n }, (_, i) => i);
  for (let m = 0; m < options.samples; m++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const t = perm[i]!;
      perm[i] = perm[j]!;
      perm[j] = t;
    }
    members.fill(0);
    let prev = v(members);
    for (let i = 0; i < n; i++) {
      members[perm[i]!] = 1;
      const cur = v(members);
      phi[perm[i]!] = phi[perm[i]!]! + cur - prev;
      prev = cur;
    }
  }
  for (let i = 0; i < n; i++) phi[i] = phi[i]! / options.samples;
  const delta = options.delta ?? 0.05;
  const errorBound = (options.range[1] - options.range[0]) * Math.sqrt(Math.log(2 / delta) / (2 * options.samples));
  return { values: phi, method: 'sampled', samples: options.samples, errorBound, confidence: 1 - delta };
}

export function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** A small seeded generator (mulberry32) for reproducible sampling. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
