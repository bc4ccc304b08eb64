/**
 * Markov-chain attribution with removal effects solved exactly from the absorbing chain.
 *
 * Assumptions:
 * - States: START, one state per tuple of the last k channels (order k; the first touches of a path
 *   use the shorter tuples seen so far), CONVERSION and NULL. Transition probabilities are path
 *   counts normalised per state; a path row with c conversions and u nulls weighs c + u on every
 *   transition and ends with c into CONVERSION and u into NULL [1, §3]. Repeated channels give
 *   self-loops, which leave the absorption probabilities unchanged in order 1 [2].
 * - Removal effect of channel i: RE_i = 1 − P(conv | i removed) / P(conv), where removing i sends
 *   every transition into a state containing i to NULL [1, eq. 3]. P is the absorption probability
 *   from START, solved from (I − Q) x = r (absorbing-chain.ts) — no simulation, unlike
 *   ChannelAttribution's `markov_model`, which estimates it by sampling paths [3].
 * - Conversions (and value) are split in proportion to RE_i / Σ_j RE_j.
 * - Per-journey shares (`rowShares`): a journey's conversion goes to the channels it touched in
 *   proportion to their global removal effects (equal split when all of them have RE 0). Summed over
 *   journeys these do not equal the global split, which is a property of the whole chain; the
 *   global split is the model's answer, the per-journey split is how xroi hands it to a deal.
 *
 * References:
 * [1] Anderl, Becker, von Wangenheim & Schumann (2016), "Mapping the customer journey: Lessons
 *     learned from graph-based online attribution modeling", IJRM 33(3) 457–474.
 * [2] S. Bryl', "Marketing Multi-Channel Attribution model with R (part 1)", analyzecore.com, 2016.
 * [3] D. Altomare, ChannelAttribution (R/Python package), v2.0.7.
 */
import { ModelError } from '../../errors.js';
import { absorptionProbabilities, type SparseChain } from './absorbing-chain.js';
import type { PathTable } from './path-table.js';
import type { AttributionModel, ModelRun } from './types.js';

export const DEFAULT_MARKOV_ORDER = 1;

export interface MarkovFit {
  order: number;
  /** P(conversion) from START. */
  pConversion: number;
  /** Removal effect per channel code. */
  removalEffects: Float64Array;
  /** Number of transient states of the chain. */
  states: number;
  /** Transition probabilities of the first-order chain (only for order 1), for inspection. */
  transitions?: Record<string, Record<string, number>> | undefined;
}

/** Fit the chain of the given order and solve every removal effect. */
export function fitMarkov(table: PathTable, order = DEFAULT_MARKOV_ORDER): MarkovFit {
  if (!Number.isInteger(order) || order < 1 || order > 4) {
    throw new ModelError(
      'attribution_bad_order',
      `Markov order must be 1, 2, 3 or 4, not ${order}`,
      'pass --order 1..4',
    );
  }
  const n = table.channels.length;
  const base = n + 1; // tuple digits: 0 = empty, code + 1 otherwise
  const keySpace = Math.pow(base, order); // tuple keys 0 .. keySpace−1; key 0 is START (the empty tuple)
  const syms = n + 2; // next symbol: channel code, n = CONVERSION, n + 1 = NULL
  const CONV = n;
  const NULL = n + 1;
  const dense = keySpace * syms <= 1 << 25;
  const counts = dense ? new Float64Array(keySpace * syms) : undefined;
  const sparse = dense ? undefined : new Map<number, number>();
  const add = (key: number, sym: number, w: number): void => {
    const i = key * syms + sym;
    if (counts) counts[i] = counts[i]! + w;
    else sparse!.set(i, (sparse!.get(i) ?? 0) + w);
  };
  const { offsets, codes } = table;
  for (let r = 0; r < table.rows; r++) {
    const c = table.conversions[r]!;
    const u = table.nulls[r]!;
    const w = c + u;
    const s = offsets[r]!;
    const e = offsets[r + 1]!;
    if (w <= 0 || e === s) continue;
    let key = 0;
    for (let k = s; k < e; k++) {
      const ch = codes[k]!;
      add(key, ch, w);
      key = (key * base + ch + 1) % keySpace;
    }
    if (c > 0) add(key, CONV, c);
    if (u > 0) add(key, NULL, u);
  }
  // transient states: every non-START key with outgoing weight
  const outTotal = new Map<number, number>();
  const edges: [number, number, number][] = []; // key, sym, count
  const visit = (i: number, v: number) => {
    if (v === 0) return;
    const key = Math.floor(i / syms);
    const sym = i - key * syms;
    edges.push([key, sym, v]);
    outTotal.set(key, (outTotal.get(key) ?? 0) + v);
  };
  if (counts) {
    for (let i = 0; i < counts.length; i++) if (counts[i] !== 0) visit(i, counts[i]!);
  } else for (const [i, v] of sparse!) visit(i, v);
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const keys = [...outTotal.keys()].filter((k) => k !== 0).sort((a, b) => a - b);
  const id = new Map(keys.map((k, i) => [k, i] as const));
  const S = keys.length;
  const rowStart = new Int32Array(S + 1);
  const col: number[] = [];
  const prob: number[] = [];
  const rConv = new Float64Array(S);
  const start = new Float64Array(S); // START → state probabilities
  const startTotal = outTotal.get(0) ?? 0;
  // fill rows in key order (edges are sorted by key)
  let cursor = 0;
  for (let si = 0; si < S; si++) {
    const key = keys[si]!;
    while (cursor < edges.length && edges[cursor]![0] < key) {
      const [k0, sym, v] = edges[cursor]!;
      if (k0 === 0 && sym < n) start[id.get((sym + 1) % keySpace)!] = v / startTotal;
      cursor++;
    }
    rowStart[si] = col.length;
    const tot = outTotal.get(key)!;
    while (cursor < edges.length && edges[cursor]![0] === key) {
      const [, sym, v] = edges[cursor]!;
      if (sym === CONV) rConv[si] = v / tot;
      else if (sym !== NULL) {
        col.push(id.get((key * base + sym + 1) % keySpace)!);
        prob.push(v / tot);
      }
      cursor++;
    }
  }
  rowStart[S] = col.length;
  for (; cursor < edges.length; cursor++) {
    const [k0, sym, v] = edges[cursor]!;
    if (k0 === 0 && sym < n) start[id.get((sym + 1) % keySpace)!] = v / startTotal;
  }
  const chain: SparseChain = {
    states: S,
    rowStart,
    col: Int32Array.from(col),
    prob: Float64Array.from(prob),
    r: rConv,
  };
  const pFrom = (x: Float64Array) => {
    let p = 0;
    for (let si = 0; si < S; si++) p += start[si]! * x[si]!;
    return p;
  };
  const pConversion = pFrom(absorptionProbabilities(chain));
  const removalEffects = new Float64Array(n);
  // which states contain each channel
  const contains: Uint8Array[] = Array.from({ length: n }, () => new Uint8Array(S));
  keys.forEach((key, si) => {
    for (let k = key; k > 0; k = Math.floor(k / base)) {
      const digit = k % base;
      if (digit > 0) contains[digit - 1]![si] = 1;
    }
  });
  if (pConversion > 0) {
    for (let ch = 0; ch < n; ch++) {
      if (!contains[ch]!.some((v) => v === 1)) continue;
      const p = pFrom(absorptionProbabilities(chain, contains[ch]));
      removalEffects[ch] = Math.max(0, 1 - p / pConversion);
    }
  }
  let transitions: Record<string, Record<string, number>> | undefined;
  if (order === 1) {
    transitions = {};
    const name = (key: number) => (key === 0 ? '(start)' : table.channels[key - 1]!);
    for (const [key, sym, v] of edges) {
      const to = sym === CONV ? '(conversion)' : sym === NULL ? '(null)' : table.channels[sym]!;
      (transitions[name(key)] ??= {})[to] = v / outTotal.get(key)!;
    }
  }
  return { order, pConversion, removalEffects, states: S, transitions };
}

/** Split totals in proportion to `weights` (per code); rows get the same weights over their channels. */
export function runFromGlobalWeights(
  table: PathTable,
  weights: Float64Array,
  details: Record<string, unknown>,
): ModelRun {
  const n = table.channels.length;
  let totalC = 0;
  let totalV = 0;
  for (let r = 0; r < table.rows; r++) {
    if (table.offsets[r + 1]! > table.offsets[r]!) {
      totalC += table.conversions[r]!;
      totalV += table.value[r]!;
    }
  }
  // weights within rounding of 0 (a removal effect of 1e-17 from 1 − p/P) count as 0, so that
  // the result does not depend on the order of floating-point sums
  let max = 0;
  for (let i = 0; i < n; i++) max = Math.max(max, weights[i]!);
  weights = weights.map((w) => (w > max * 1e-12 ? w : 0));
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weights[i]!;
  const conversions = new Float64Array(n);
  const value = new Float64Array(n);
  if (sum > 0) {
    for (let i = 0; i < n; i++) {
      conversions[i] = (totalC * weights[i]!) / sum;
      value[i] = (totalV * weights[i]!) / sum;
    }
  }
  const rowShares = (r: number, out: Float64Array) => {
    const s = table.offsets[r]!;
    const e = table.offsets[r + 1]!;
    let tot = 0;
    let distinct = 0;
    for (let k = s; k < e; k++) {
      const ch = table.codes[k]!;
      if (out[ch] === 0) {
        out[ch] = -1; // mark as seen
        tot += weights[ch]!;
        distinct++;
      }
    }
    for (let k = s; k < e; k++) {
      const ch = table.codes[k]!;
      if (out[ch] === -1) out[ch] = tot > 0 ? weights[ch]! / tot : 1 / distinct;
    }
  };
  return { conversions, value, rowShares, details };
}

export const markov: AttributionModel = {
  name: 'markov',
  kind: 'data-driven',
  requires: [],
  run(table, options) {
    const fit = fitMarkov(table, options.markovOrder ?? DEFAULT_MARKOV_ORDER);
    const removalEffects: Record<string, number> = {};
    table.channels.forEach((c, i) => (removalEffects[c] = fit.removalEffects[i]!));
    return runFromGlobalWeights(table, fit.removalEffects, {
      order: fit.order,
      pConversion: fit.pConversion,
      states: fit.states,
      removalEffects,
      ...(fit.transitions ? { transitions: fit.transitions } : {}),
    });
  },
};
