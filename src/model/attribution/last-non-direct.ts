/**
 * Last non-direct touch: the whole conversion to the last touch whose channel is not `direct`
 * (Google Analytics' classic default). A path of direct touches only credits `direct`.
 */
import { DIRECT } from '../types.js';
import { runFromRowShares } from './credits.js';
import type { AttributionModel } from './types.js';

export const lastNonDirect: AttributionModel = {
  name: 'last-non-direct',
  kind: 'single-touch',
  requires: [],
  run(table) {
    const direct = table.channels.indexOf(DIRECT);
    return runFromRowShares(table, (r, out) => {
      const s = table.offsets[r]!;
      const e = table.offsets[r + 1]!;
      if (e === s) return;
      for (let k = e - 1; k >= s; k--) {
        if (table.codes[k] !== direct) {
          out[table.codes[k]!] = 1;
          return;
        }
      }
      out[table.codes[e - 1]!] = 1;
    });
  },
};
