/**
 * Time decay: touch weight 2^(−Δ/h), Δ = days from the touch to the conversion (fractional days,
 * from the timestamps), h = half-life (default 7, Google's rule), normalised over the path.
 *
 * Assumptions: Δ is measured in exact (fractional) days, not calendar days; touches at the
 * conversion instant have weight 1.
 * References: [1] Google Ads help, "About attribution models" (7-day half-life; REFERENCE §4.1).
 */
import { runFromRowShares } from './credits.js';
import type { AttributionModel } from './types.js';

export const DEFAULT_HALF_LIFE_DAYS = 7;

export const timeDecay: AttributionModel = {
  name: 'time-decay',
  kind: 'rule-based',
  requires: ['times'],
  run(table, options) {
    const h = options.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS;
    const age = table.ageDays!;
    return runFromRowShares(
      table,
      (r, out) => {
        const s = table.offsets[r]!;
        const e = table.offsets[r + 1]!;
        // weights relative to the most recent touch keep the sum away from underflow
        let minAge = Infinity;
        for (let k = s; k < e; k++) minAge = Math.min(minAge, age[k]!);
        let sum = 0;
        for (let k = s; k < e; k++) sum += Math.pow(2, -(age[k]! - minAge) / h);
        for (let k = s; k < e; k++)
          out[table.codes[k]!] = out[table.codes[k]!]! + Math.pow(2, -(age[k]! - minAge) / h) / sum;
      },
      { halfLifeDays: h },
    );
  },
};
