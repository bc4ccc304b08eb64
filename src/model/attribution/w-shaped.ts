/**
 * W-shaped (Marketo Measure, REFERENCE §4.2): FT, LC and OC 30 % each, 10 % over the touches
 * between them. Rules for missing milestones and middles: see milestone-weights.ts.
 */
import { runMilestoneModel, W_SHAPED } from './milestone-weights.js';
import type { AttributionModel } from './types.js';

export const wShaped: AttributionModel = {
  name: 'w-shaped',
  kind: 'rule-based',
  requires: ['milestones'],
  run: (table) => runMilestoneModel(table, W_SHAPED),
};
