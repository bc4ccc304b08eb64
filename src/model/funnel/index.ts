export { funnelStage, progressOf, LEVEL } from './stage.js';
export { funnelSummary } from './summary.js';
export {
  funnelBlock,
  funnelCounts,
  cohorts,
  sourceQuality,
  velocity,
  conversion,
  type LeadProgress,
  type DealSpan,
} from './funnel.js';
export { trueLeadVerdict, activeRules, fitsIcp, type TrueLeadRule, type TrueLeadVerdict } from './true-lead.js';
export { loadPeople, normKey, type PersonFacts } from './people.js';
export { classifier, type Classifier, type RawSource } from './channel.js';
export type {
  FunnelSection,
  FunnelBlock,
  FunnelCount,
  FunnelStepKey,
  StepConversion,
  VelocityStage,
  VelocityKey,
  CohortRow,
  SourceQuality,
} from './types.js';
