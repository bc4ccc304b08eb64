/**
 * Credit by milestone weights, the rule behind Marketo Measure's W-shaped, full-path and custom
 * models (REFERENCE §4.2):
 *
 * 1. each milestone with a positive weight that the journey reached gives its weight to the touch
 *    holding it (one touch holding several milestones gets their sum; FT = LC = one touch → 100 %
 *    in the U model);
 * 2. the `middle` weight is split evenly over the touches strictly between the first and the last
 *    weighted milestone that hold no milestone ("the remaining 10 % … to any intermediary
 *    touchpoints between the milestone touchpoints"); touches after the last weighted milestone
 *    get nothing (the W model's t7 in the worked example);
 * 3. what cannot be given — the middle weight when there is no middle touch ("if an Opportunity
 *    has no dedicated middle touches, the percentage is evenly distributed among other
 *    positions") and the weights of milestones the journey has not reached (a lead journey has no
 *    OC) — is split evenly over the milestone touches present.
 *
 * Assumption: every touch counts as a middle touch (Marketo counts only form fills by default;
 * xroi does not know which touches are form fills in every export).
 */
import { milestonePositions, MILESTONES, type Milestone } from './milestones.js';
import type { PathTable } from './path-table.js';
import type { MilestoneWeights } from './types.js';
import { runFromRowShares } from './credits.js';
import type { ModelRun } from './types.js';
import { ModelError } from '../../errors.js';

export const W_SHAPED: MilestoneWeights = { FT: 0.3, LC: 0.3, OC: 0.3, middle: 0.1 };
export const FULL_PATH: MilestoneWeights = { FT: 0.225, LC: 0.225, OC: 0.225, CW: 0.225, middle: 0.1 };

/** Credit share of each touch position (0..n−1) of a journey of n touches. */
export function milestoneShares(weights: MilestoneWeights, pos: Record<Milestone, number>, n: number): Float64Array {
  const out = new Float64Array(n);
  if (n === 0) return out;
  let total = weights.middle;
  for (const m of MILESTONES) total += weights[m] ?? 0;
  if (!(total > 0))
    throw new ModelError('attribution_bad_weights', 'milestone weights must be non-negative and not all 0');
  const isMilestone = new Uint8Array(n);
  let spare = 0;
  let lo = n;
  let hi = -1;
  for (const m of MILESTONES) {
    const w = (weights[m] ?? 0) / total;
    if (w <= 0) continue;
    const p = pos[m];
    if (p < 0) {
      spare += w;
      continue;
    }
    out[p] = out[p]! + w;
    isMilestone[p] = 1;
    lo = Math.min(lo, p);
    hi = Math.max(hi, p);
  }
  if (hi < 0) {
    // no weighted milestone reached: nothing to anchor on, split evenly
    out.fill(1 / n);
    return out;
  }
  let middles = 0;
  for (let k = lo + 1; k < hi; k++) if (!isMilestone[k]) middles++;
  const mid = weights.middle / total;
  if (middles > 0) {
    for (let k = lo + 1; k < hi; k++) if (!isMilestone[k]) out[k] = out[k]! + mid / middles;
  } else spare += mid;
  if (spare > 0) {
    let anchors = 0;
    for (let k = 0; k < n; k++) anchors += isMilestone[k]!;
    for (let k = 0; k < n; k++) if (isMilestone[k]) out[k] = out[k]! + spare / anchors;
  }
  return out;
}

/** Run a milestone-weight model over a table. */
export function runMilestoneModel(table: PathTable, weights: MilestoneWeights): ModelRun {
  return runFromRowShares(
    table,
    (r, out) => {
      const s = table.offsets[r]!;
      const e = table.offsets[r + 1]!;
      const pos = milestonePositions(table.milestones, s, e, table.events?.[r]);
      const shares = milestoneShares(weights, pos, e - s);
      for (let k = s; k < e; k++) out[table.codes[k]!] = out[table.codes[k]!]! + shares[k - s]!;
    },
    { weights },
  );
}
