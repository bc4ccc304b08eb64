/**
 * Last touch: the whole conversion to the last touch of the path (ChannelAttribution's
 * `last_touch`, REFERENCE §2.4 and §4.4) — the "traditional" view.
 */
import { runFromRowShares } from './credits.js';
import type { AttributionModel } from './types.js';

export const lastTouch: AttributionModel = {
  name: 'last',
  kind: 'single-touch',
  requires: [],
  run(table) {
    return runFromRowShares(table, (r, out) => {
      const e = table.offsets[r + 1]!;
      if (e > table.offsets[r]!) out[table.codes[e - 1]!] = 1;
    });
  },
};
