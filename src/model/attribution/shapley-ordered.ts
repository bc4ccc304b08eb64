/**
 * Ordered Shapley (Zhao, Mahboobi & Bagheri 2018 [1]): channel j's simplified-Shapley share of a
 * journey, R/|S|, is split over the positions where j occurs, 1/count(j) at each; summing over
 * journeys gives φ_j^(i), channel j's credit at touch position i. Summed over positions it equals the
 * simplified value, so the channel totals and per-journey shares are those of `shapley`; the model
 * adds `details.byPosition[channel][i − 1]` (conversions credited at position i).
 *
 * References: [1] Zhao, Mahboobi & Bagheri (2018), arXiv:1804.05327 (REFERENCE §3.1, §3.4).
 */
import { runFromRowShares } from './credits.js';
import { distinctShares } from './shapley.js';
import type { AttributionModel } from './types.js';

export const shapleyOrdered: AttributionModel = {
  name: 'shapley-ordered',
  kind: 'data-driven',
  requires: [],
  run(table) {
    const n = table.channels.length;
    const byPosition: number[][] = Array.from({ length: n }, () => []);
    const counts = new Float64Array(n);
    const scratch = new Float64Array(n);
    for (let r = 0; r < table.rows; r++) {
      const c = table.conversions[r]!;
      const s = table.offsets[r]!;
      const e = table.offsets[r + 1]!;
      if (c === 0 || e === s) continue;
      distinctShares(table, r, scratch);
      for (let k = s; k < e; k++) counts[table.codes[k]!] = counts[table.codes[k]!]! + 1;
      for (let k = s; k < e; k++) {
        const ch = table.codes[k]!;
        const pos = byPosition[ch]!;
        while (pos.length <= k - s) pos.push(0);
        pos[k - s] = pos[k - s]! + (c * scratch[ch]!) / counts[ch]!;
      }
      for (let k = s; k < e; k++) {
        scratch[table.codes[k]!] = 0;
        counts[table.codes[k]!] = 0;
      }
    }
    const named: Record<string, number[]> = {};
    table.channels.forEach((ch, i) => (named[ch] = byPosition[i]!));
    return runFromRowShares(table, (r, out) => void distinctShares(table, r, out), {
      form: 'zhao-ordered',
      byPosition: named,
    });
  },
};
