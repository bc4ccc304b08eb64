/**
 * Position-based (U-shaped, Google's rule): 40 % to the first touch, 40 % to the last, 20 % spread
 * evenly over the touches between; two touches 50/50; one touch 100 % (REFERENCE §4.1).
 */
import { runFromRowShares } from './credits.js';
import type { AttributionModel } from './types.js';

export const positionBased: AttributionModel = {
  name: 'position-based',
  kind: 'rule-based',
  requires: [],
  run(table) {
    return runFromRowShares(table, (r, out) => {
      const s = table.offsets[r]!;
      const e = table.offsets[r + 1]!;
      const n = e - s;
      const c = table.codes;
      if (n === 1) out[c[s]!] = out[c[s]!]! + 1;
      else if (n === 2) {
        out[c[s]!] = out[c[s]!]! + 0.5;
        out[c[s + 1]!] = out[c[s + 1]!]! + 0.5;
      } else if (n > 2) {
        out[c[s]!] = out[c[s]!]! + 0.4;
        out[c[e - 1]!] = out[c[e - 1]!]! + 0.4;
        const mid = 0.2 / (n - 2);
        for (let k = s + 1; k < e - 1; k++) out[c[k]!] = out[c[k]!]! + mid;
      }
    });
  },
};
