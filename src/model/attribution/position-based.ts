/**
 * Position-based models: a share to the first touch, a share to the last, the rest spread evenly
 * over the touches between. When there is no touch between (two touches), the first and last keep
 * their shares in proportion; one touch gets 100 %.
 *
 * - `position-based` (U-shaped, Google's rule [1]): 40 / 20 / 40; two touches 50/50.
 * - `j-shaped` (HubSpot [2]): 20 % first, 60 % last, 20 % middle; two touches 25/75.
 * - `inverse-j` (HubSpot [2]): 60 % first, 20 % last, 20 % middle; two touches 75/25.
 *
 * References: [1] Google Ads API AttributionModelEnum, "position-based" (REFERENCE §4.1).
 * [2] HubSpot, "Understand attribution reporting" (as summarised in REFERENCE §4.3).
 */
import { runFromRowShares } from './credits.js';
import type { AttributionModel } from './types.js';

function positional(name: string, first: number, last: number): AttributionModel {
  return {
    name,
    kind: 'rule-based',
    requires: [],
    run(table) {
      return runFromRowShares(
        table,
        (r, out) => {
          const s = table.offsets[r]!;
          const e = table.offsets[r + 1]!;
          const n = e - s;
          const c = table.codes;
          if (n === 1) out[c[s]!] = out[c[s]!]! + 1;
          else if (n === 2) {
            out[c[s]!] = out[c[s]!]! + first / (first + last);
            out[c[s + 1]!] = out[c[s + 1]!]! + last / (first + last);
          } else if (n > 2) {
            out[c[s]!] = out[c[s]!]! + first;
            out[c[e - 1]!] = out[c[e - 1]!]! + last;
            const mid = (1 - first - last) / (n - 2);
            for (let k = s + 1; k < e - 1; k++) out[c[k]!] = out[c[k]!]! + mid;
          }
        },
        { first, last, middle: 1 - first - last },
      );
    },
  };
}

export const positionBased = positional('position-based', 0.4, 0.4);
export const jShaped = positional('j-shaped', 0.2, 0.6);
export const inverseJ = positional('inverse-j', 0.6, 0.2);
