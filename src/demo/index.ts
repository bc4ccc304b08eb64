export { generateDemo, DEMO_DEFAULTS, type DemoOptions, type DemoResult, type DemoFileInfo } from './generate.js';
export { demoConfigYaml } from './config.js';
export {
  discountedExpectedLifetime,
  TRUTH_SCHEMA,
  type DemoTruth,
  type RateTruth,
  type FunnelTruth,
  type ChannelEffect,
  type PostTruth,
  type LiftTruth,
  type CostTruth,
} from './truth.js';
export {
  DEMO_CHANNELS,
  BRAND,
  BRANDED_QUERIES,
  BRANDED_PATTERNS,
  PLANTED,
  type DemoChannel,
  type PlantedParameters,
} from './params.js';
export { simulateWorld, type World, type SimulationOptions } from './world.js';
export { Rng } from './random.js';
