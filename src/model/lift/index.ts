export {
  analyzeImpact,
  isCountSeries,
  weekday,
  type ImpactInput,
  type ImpactOptions,
  type ImpactPoint,
  type ImpactResult,
} from './impact.js';
export {
  fitCounterfactual,
  stsDefaults,
  type LevelPrior,
  type CounterfactualFit,
  type CounterfactualInput,
  type CounterfactualOptions,
} from './sts.js';
export {
  summarizeImpact,
  differenceInDifferences,
  quantile,
  FRAGILE_FRACTION,
  FRAGILE_SHARE,
  type ImpactSummary,
  type ComputedImpactSummary,
  type SummaryRow,
  type RelativeConvention,
  type RelativeInfo,
} from './summary.js';
export { simulateSeries, type SimulateOptions, type SimulatedSeries } from './simulate.js';
export { createRng, type Rng } from './random.js';
export { liftStage, type LiftStageOptions } from './stage.js';
export { valueLift, type ValueInput } from './value.js';
export { brandMatcher, foldForMatch } from './brand.js';
export {
  loadLiftInputs,
  firstAdDay,
  adCampaignWindows,
  funnelCounts,
  type DailySeries,
  type LiftInputs,
  type FunnelCounts,
} from './inputs.js';
export type {
  LiftSection,
  LiftSeriesResult,
  LiftSeriesId,
  LiftControlId,
  LiftIntervention,
  LiftDailyPoint,
  LiftNote,
  LiftRate,
  LiftValue,
} from './types.js';
