/**
 * Linear: equal credit per touch, so a channel touched twice gets two shares (ChannelAttribution's
 * `linear_touch`: `a > b > a` gives a 2/3 and b 1/3, REFERENCE §2.4).
 */
import { runFromRowShares } from './credits.js';
import type { AttributionModel } from './types.js';

export const linear: AttributionModel = {
  name: 'linear',
  kind: 'rule-based',
  requires: [],
  run(table) {
    return runFromRowShares(table, (r, out) => {
      const s = table.offsets[r]!;
      const e = table.offsets[r + 1]!;
      const w = 1 / (e - s);
      for (let k = s; k < e; k++) out[table.codes[k]!] = out[table.codes[k]!]! + w;
    });
  },
};
