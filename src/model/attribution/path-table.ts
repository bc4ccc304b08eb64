/**
 * The compact, columnar form every attribution model runs on: one row per (aggregated) path, its
 * touches as channel codes in time order, and the row's conversions, value and nulls. Journeys
 * (one row each, conversions 0 or 1) and ChannelAttribution path files (many rows aggregated by
 * path) both become a `PathTable`, so the same model code serves the report and `xroi attribution
 * --paths` on millions of rows without building one object per touch.
 */
import type { Journey } from '../types.js';
import { MILESTONE_BITS } from './milestones.js';

export interface PathTable {
  /** Channel id of each code. */
  channels: string[];
  /** Number of rows (paths). */
  rows: number;
  /** Touch codes of all rows, concatenated; row r is codes[offsets[r] .. offsets[r+1]). */
  codes: Uint16Array | Uint32Array;
  offsets: Uint32Array;
  conversions: Float64Array;
  value: Float64Array;
  nulls: Float64Array;
  /** Days from each touch to the conversion (or end of observation); parallel to `codes`. */
  ageDays?: Float64Array | undefined;
  /** Milestone bits per touch (FT 1, LC 2, OC 4, CW 8); parallel to `codes`. */
  milestones?: Uint8Array | undefined;
  /** Journey id of each row, when built from journeys. */
  ids?: string[] | undefined;
  /** Conversion event of each row ('lead', 'opportunity', 'won'), when built from journeys. */
  events?: string[] | undefined;
}

const DAY_MS = 86_400_000;

/** Index of a channel id in `table.channels`, or -1. */
export function channelCode(table: PathTable, channel: string): number {
  return table.channels.indexOf(channel);
}

/**
 * Build a table from journeys: one row per journey, in the given order. Converted journeys count
 * one conversion worth `journey.value`; the others count one null (for the Markov chain).
 * Channel codes follow the sorted channel ids, so the table does not depend on journey order.
 */
export function tableFromJourneys(journeys: readonly Journey[]): PathTable {
  const set = new Set<string>();
  let touches = 0;
  for (const j of journeys) {
    touches += j.touches.length;
    for (const t of j.touches) set.add(t.channel);
  }
  const channels = [...set].sort();
  const index = new Map(channels.map((c, i) => [c, i] as const));
  const codes = channels.length < 65_536 ? new Uint16Array(touches) : new Uint32Array(touches);
  const offsets = new Uint32Array(journeys.length + 1);
  const ageDays = new Float64Array(touches);
  const milestones = new Uint8Array(touches);
  const conversions = new Float64Array(journeys.length);
  const value = new Float64Array(journeys.length);
  const nulls = new Float64Array(journeys.length);
  let k = 0;
  journeys.forEach((j, r) => {
    offsets[r] = k;
    for (const t of j.touches) {
      codes[k] = index.get(t.channel)!;
      ageDays[k] = Math.max(0, (j.at - t.t) / DAY_MS);
      let bits = t.milestone ? MILESTONE_BITS[t.milestone] : 0;
      for (const m of t.moreMilestones ?? []) bits |= MILESTONE_BITS[m];
      milestones[k] = bits;
      k++;
    }
    if (j.converted) {
      conversions[r] = 1;
      value[r] = j.value;
    } else nulls[r] = 1;
  });
  offsets[journeys.length] = k;
  return {
    channels,
    rows: journeys.length,
    codes,
    offsets,
    conversions,
    value,
    nulls,
    ageDays,
    milestones,
    ids: journeys.map((j) => j.id),
    events: journeys.map((j) => j.event),
  };
}

/** Total conversions and value of a table. */
export function tableTotals(table: PathTable): { conversions: number; value: number; nulls: number } {
  let conversions = 0;
  let value = 0;
  let nulls = 0;
  for (let r = 0; r < table.rows; r++) {
    conversions += table.conversions[r]!;
    value += table.value[r]!;
    nulls += table.nulls[r]!;
  }
  return { conversions, value, nulls };
}
