export {
  computeRoi,
  dealLifetimeGrossProfit,
  type RoiInputs,
  type WonDealInput,
  type OpenDealInput,
} from './bridge.js';
export type { RoiSection, RoiFigure, BridgeStep } from './types.js';
