/**
 * Full path (Marketo Measure, REFERENCE §4.2): FT, LC, OC and CW 22.5 % each, 10 % over the touches
 * between them. Rules for missing milestones and middles: see milestone-weights.ts.
 */
import { FULL_PATH, runMilestoneModel } from './milestone-weights.js';
import type { AttributionModel } from './types.js';

export const fullPath: AttributionModel = {
  name: 'full-path',
  kind: 'rule-based',
  requires: ['milestones'],
  run: (table) => runMilestoneModel(table, FULL_PATH),
};
