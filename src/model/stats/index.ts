export {
  logGamma,
  logBeta,
  incompleteBeta,
  betaQuantile,
  incompleteGammaP,
  normalCdf,
  normalQuantile,
  zForLevel,
} from './special.js';
export {
  wilsonInterval,
  jeffreysInterval,
  clopperPearsonInterval,
  proportionInterval,
  proportionMethods,
  type Proportion,
  type ProportionMethod,
} from './proportion.js';
export {
  pearson,
  ranks,
  fisherZInterval,
  correlation,
  type Correlation,
  type CorrelationMethod,
} from './correlation.js';
export { kaplanMeier, median, type Duration, type KmStep, type KaplanMeier } from './kaplan-meier.js';
