export { analyzeImpact, weekday, type ImpactInput, type ImpactOptions, type ImpactPoint, type ImpactResult } from './impact.js';
export { fitCounterfactual, stsDefaults, type CounterfactualFit, type CounterfactualInput, type CounterfactualOptions } from './sts.js';
export { summarizeImpact, differenceInDifferences, quantile, type ImpactSummary, type SummaryRow } from './summary.js';
export { simulateSeries, type SimulateOptions, type SimulatedSeries } from './simulate.js';
export { createRng, type Rng } from './random.js';
