/**
 * Shapley attribution in the simplified form of Zhao, Mahboobi & Bagheri (2018) [1]: with R(S) the
 * conversions of journeys whose set of distinct channels is S and coalition worth
 * v(S) = Σ_{T ⊆ S} R(T), the Shapley value reduces to φ_j = Σ_{S ∋ j} R(S) / |S| [1, §3] — each
 * converting journey is split equally over its distinct channels. This closed form is the exact
 * Shapley value of that game for any number of channels (shapley.test.ts checks it against the
 * subset formula of shapley-game.ts). Value is split the same way.
 *
 * References: [1] Zhao, Mahboobi & Bagheri (2018), "Shapley Value Methods for Attribution Modeling
 * in Online Advertising", arXiv:1804.05327.
 */
import { runFromRowShares } from './credits.js';
import type { PathTable } from './path-table.js';
import type { AttributionModel } from './types.js';

/** Equal shares over the distinct channels of row r. */
export function distinctShares(table: PathTable, r: number, out: Float64Array): number {
  const s = table.offsets[r]!;
  const e = table.offsets[r + 1]!;
  let distinct = 0;
  for (let k = s; k < e; k++) {
    const ch = table.codes[k]!;
    if (out[ch] === 0) {
      out[ch] = -1; // seen
      distinct++;
    }
  }
  for (let k = s; k < e; k++) {
    const ch = table.codes[k]!;
    if (out[ch] === -1) out[ch] = 1 / distinct;
  }
  return distinct;
}

export const shapley: AttributionModel = {
  name: 'shapley',
  kind: 'data-driven',
  requires: [],
  run(table) {
    return runFromRowShares(table, (r, out) => void distinctShares(table, r, out), { form: 'zhao-simplified' });
  },
};
