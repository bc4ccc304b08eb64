/**
 * First touch: the whole conversion to the first touch of the path (ChannelAttribution's
 * `first_touch`, REFERENCE §2.4 and §4.4).
 */
import { runFromRowShares } from './credits.js';
import type { AttributionModel } from './types.js';

export const firstTouch: AttributionModel = {
  name: 'first',
  kind: 'single-touch',
  requires: [],
  run(table) {
    return runFromRowShares(table, (r, out) => {
      const s = table.offsets[r]!;
      if (s < table.offsets[r + 1]!) out[table.codes[s]!] = 1;
    });
  },
};
