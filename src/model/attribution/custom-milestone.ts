/**
 * Custom milestone weights (Marketo Measure's custom model, REFERENCE §4.2): the user's percentages
 * per milestone and for the middle (options.milestoneWeights; default the full-path weights).
 * Rules for missing milestones and middles: see milestone-weights.ts.
 */
import { FULL_PATH, runMilestoneModel } from './milestone-weights.js';
import type { AttributionModel } from './types.js';

export const customMilestone: AttributionModel = {
  name: 'custom',
  kind: 'rule-based',
  requires: ['milestones'],
  run: (table, options) => runMilestoneModel(table, options.milestoneWeights ?? FULL_PATH),
};
