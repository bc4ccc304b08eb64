/**
 * Shared helper for models defined row by row: given a function that writes one row's credit
 * shares, sum conversions × share and value × share over the rows into per-channel totals.
 */
import type { PathTable } from './path-table.js';
import type { ModelRun } from './types.js';

export type RowShares = (row: number, out: Float64Array) => void;

/** Build a ModelRun from a row-share function (rows without touches or conversions add nothing). */
export function runFromRowShares(table: PathTable, rowShares: RowShares, details?: Record<string, unknown>): ModelRun {
  const n = table.channels.length;
  const conversions = new Float64Array(n);
  const value = new Float64Array(n);
  const scratch = new Float64Array(n);
  const { offsets, codes } = table;
  for (let r = 0; r < table.rows; r++) {
    const c = table.conversions[r]!;
    const v = table.value[r]!;
    if (c === 0 && v === 0) continue;
    const start = offsets[r]!;
    const end = offsets[r + 1]!;
    if (end === start) continue;
    rowShares(r, scratch);
    // only touched codes can hold a share: clear them as we go
    for (let k = start; k < end; k++) {
      const ch = codes[k]!;
      const s = scratch[ch]!;
      if (s !== 0) {
        conversions[ch] = conversions[ch]! + s * c;
        value[ch] = value[ch]! + s * v;
        scratch[ch] = 0;
      }
    }
  }
  return { conversions, value, rowShares, details };
}

/** Zero the entries of `out` that row `r` can touch. */
export function clearRow(table: PathTable, r: number, out: Float64Array): void {
  for (let k = table.offsets[r]!, end = table.offsets[r + 1]!; k < end; k++) out[table.codes[k]!] = 0;
}
