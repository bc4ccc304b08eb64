/**
 * Shapley attribution on conversion probabilities, in the spirit of Dalessandro, Perlich, Stitelman
 * & Provost (2012) [1]: coalition worth v(S) = conversion rate of the journeys whose set of
 * distinct channels is exactly S (conversions ÷ (conversions + nulls); 0 for sets never seen),
 * v(∅) = 0. Shapley values are exact over all channel subsets up to `shapleyExactMaxChannels`
 * (default 20) and sampled from random permutations beyond, with the Hoeffding bound of
 * shapley-game.ts stated in `details`. Conversions and value are split in proportion to the
 * positive parts of the values (a channel whose marginal lift is negative gets 0); per-journey
 * shares are the same weights over the channels each journey touched.
 *
 * Needs non-converting journeys (nulls); without them every rate is 1 and channels split evenly.
 * Opt-in (`--model shapley-cr`): channel sets never observed are worth 0, so on sparse data the
 * marginal lifts swing wildly and it is not part of "all models".
 * Not to be mixed with Zhao's characteristic function (REFERENCE §3.1).
 *
 * References: [1] Dalessandro, Perlich, Stitelman & Provost (2012), "Causally Motivated Attribution
 * for Online Advertising", ADKDD '12.
 */
import { runFromGlobalWeights } from './markov.js';
import { DEFAULT_EXACT_MAX_PLAYERS, shapleyExact, shapleySampled } from './shapley-game.js';
import type { AttributionModel } from './types.js';

export const DEFAULT_SHAPLEY_SAMPLES = 20_000;

export const shapleyCr: AttributionModel = {
  name: 'shapley-cr',
  kind: 'data-driven',
  requires: [],
  // unseen channel sets are worth 0, which makes the game erratic on sparse B2B data: run on request
  optIn: true,
  run(table, options) {
    const n = table.channels.length;
    const conv = new Map<string, number>();
    const total = new Map<string, number>();
    const seen = new Uint8Array(n);
    const members: number[] = [];
    for (let r = 0; r < table.rows; r++) {
      const c = table.conversions[r]!;
      const w = c + table.nulls[r]!;
      const s = table.offsets[r]!;
      const e = table.offsets[r + 1]!;
      if (w <= 0 || e === s) continue;
      members.length = 0;
      for (let k = s; k < e; k++) {
        const ch = table.codes[k]!;
        if (!seen[ch]) {
          seen[ch] = 1;
          members.push(ch);
        }
      }
      for (const ch of members) seen[ch] = 0;
      members.sort((a, b) => a - b);
      const key = members.join(',');
      conv.set(key, (conv.get(key) ?? 0) + c);
      total.set(key, (total.get(key) ?? 0) + w);
    }
    const rate = (key: string) => {
      const t = total.get(key);
      return t ? conv.get(key)! / t : 0;
    };
    const exactMax = options.shapleyExactMaxChannels ?? DEFAULT_EXACT_MAX_PLAYERS;
    let values: Float64Array;
    let details: Record<string, unknown>;
    if (n <= exactMax) {
      const v = new Float64Array(1 << n);
      for (const key of total.keys()) {
        let mask = 0;
        for (const ch of key.split(',')) mask |= 1 << Number(ch);
        v[mask] = rate(key);
      }
      values = shapleyExact(n, v);
      details = { method: 'exact' };
    } else {
      const res = shapleySampled(
        n,
        (m) => {
          const parts: number[] = [];
          for (let i = 0; i < n; i++) if (m[i]) parts.push(i);
          return rate(parts.join(','));
        },
        { samples: options.shapleySamples ?? DEFAULT_SHAPLEY_SAMPLES, seed: options.seed ?? 42, range: [-1, 1] },
      );
      values = res.values;
      details = { method: 'sampled', samples: res.samples, errorBound: res.errorBound, confidence: res.confidence };
    }
    const shapleyValues: Record<string, number> = {};
    table.channels.forEach((ch, i) => (shapleyValues[ch] = values[i]!));
    const weights = values.map((x) => Math.max(0, x));
    return runFromGlobalWeights(table, weights, { ...details, shapleyValues });
  },
};
