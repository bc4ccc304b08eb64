export { selfReportStage, safeExample } from './stage.js';
export {
  selfReportClassifier,
  BUILT_IN_SELF_REPORT_RULES,
  SELF_REPORT_CHANNELS,
  type SelfReportChannel,
  type SelfReportClassifier,
  type SelfReportRule,
} from './classify.js';
export type { SelfReportSection, SelfReportRow } from './types.js';
