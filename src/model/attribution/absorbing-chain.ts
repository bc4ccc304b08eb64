/**
 * Absorption probabilities of an absorbing Markov chain, solved exactly: for transient states with
 * transition matrix Q (among themselves) and one-step probabilities r into the absorbing state of
 * interest, the absorption probabilities x solve (I − Q) x = r [1, Theorem 11.6]. Small chains are
 * solved by Gaussian elimination with partial pivoting; chains above `DENSE_LIMIT` states (only
 * higher-order chains reach that) by Gauss–Seidel sweeps on the sparse rows until the largest
 * change is below 1e-15, i.e. to machine precision.
 *
 * References: [1] Grinstead & Snell, Introduction to Probability, ch. 11 (absorbing chains).
 */

export const DENSE_LIMIT = 1200;

/** A chain as sparse rows: for transient state s, edges to transient states and r[s]. */
export interface SparseChain {
  states: number;
  /** CSR: row s's edges are at rowStart[s] .. rowStart[s+1]. */
  rowStart: Int32Array;
  col: Int32Array;
  prob: Float64Array;
  /** One-step probability of absorbing into the target (conversion). */
  r: Float64Array;
}

/**
 * Absorption probabilities x (into the target) of every transient state, with the states in
 * `removed` made absorbing into the other outcome (x = 0), as a removal effect needs.
 */
export function absorptionProbabilities(
  chain: SparseChain,
  removed?: Uint8Array,
  method: 'auto' | 'dense' | 'iterative' = 'auto',
): Float64Array {
  const dense = method === 'dense' || (method === 'auto' && chain.states <= DENSE_LIMIT);
  return dense ? solveDenseChain(chain, removed) : solveIterative(chain, removed);
}

function solveDenseChain(chain: SparseChain, removed?: Uint8Array): Float64Array {
  const n = chain.states;
  // index of each kept state in the reduced system
  const idx = new Int32Array(n).fill(-1);
  let m = 0;
  for (let s = 0; s < n; s++) if (!removed || !removed[s]) idx[s] = m++;
  const a = new Float64Array(m * m);
  const b = new Float64Array(m);
  for (let s = 0; s < n; s++) {
    const i = idx[s]!;
    if (i < 0) continue;
    a[i * m + i] = a[i * m + i]! + 1;
    b[i] = chain.r[s]!;
    for (let e = chain.rowStart[s]!; e < chain.rowStart[s + 1]!; e++) {
      const j = idx[chain.col[e]!]!;
      if (j >= 0) a[i * m + j] = a[i * m + j]! - chain.prob[e]!;
    }
  }
  const y = solveLinear(a, b, m);
  const x = new Float64Array(n);
  for (let s = 0; s < n; s++) if (idx[s]! >= 0) x[s] = y[idx[s]!]!;
  return x;
}

/** Solve A y = b (A is m×m row-major, overwritten) by Gaussian elimination with partial pivoting. */
export function solveLinear(a: Float64Array, b: Float64Array, m: number): Float64Array {
  for (let col = 0; col < m; col++) {
    let piv = col;
    let best = Math.abs(a[col * m + col]!);
    for (let row = col + 1; row < m; row++) {
      const v = Math.abs(a[row * m + col]!);
      if (v > best) {
        best = v;
        piv = row;
      }
    }
    if (best === 0) continue; // a state that never leaves itself: singular column, absorbs nothing
    if (piv !== col) {
      for (let k = col; k < m; k++) {
        const t = a[col * m + k]!;
        a[col * m + k] = a[piv * m + k]!;
        a[piv * m + k] = t;
      }
      const t = b[col]!;
      b[col] = b[piv]!;
      b[piv] = t;
    }
    const d = a[col * m + col]!;
    for (let row = col + 1; row < m; row++) {
      const f = a[row * m + col]! / d;
      if (f === 0) continue;
      for (let k = col; k < m; k++) a[row * m + k] = a[row * m + k]! - f * a[col * m + k]!;
      b[row] = b[row]! - f * b[col]!;
    }
  }
  const y = new Float64Array(m);
  for (let row = m - 1; row >= 0; row--) {
    let s = b[row]!;
    for (let k = row + 1; k < m; k++) s -= a[row * m + k]! * y[k]!;
    const d = a[row * m + row]!;
    y[row] = d === 0 ? 0 : s / d;
  }
  return y;
}

function solveIterative(chain: SparseChain, removed?: Uint8Array): Float64Array {
  const n = chain.states;
  const x = new Float64Array(n);
  for (let sweep = 0; sweep < 1_000_000; sweep++) {
    let change = 0;
    for (let s = 0; s < n; s++) {
      if (removed && removed[s]) continue;
      let v = chain.r[s]!;
      let self = 0;
      for (let e = chain.rowStart[s]!; e < chain.rowStart[s + 1]!; e++) {
        const t = chain.col[e]!;
        if (t === s) self += chain.prob[e]!;
        else if (!removed || !removed[t]) v += chain.prob[e]! * x[t]!;
      }
      v = self < 1 ? v / (1 - self) : 0;
      change = Math.max(change, Math.abs(v - x[s]!));
      x[s] = v;
    }
    if (change < 1e-15) break;
  }
  return x;
}
