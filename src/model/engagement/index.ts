export { engagementStage, SESSION_KINDS, REGISTRATION_KINDS } from './stage.js';
export { engagementSummary, formatMoney, formatPercent, type Translate, type SummaryFormat } from './summary.js';
export { rates, sumPosts, topByPipeline, topByLikes, actionCorrelations, VANITY, INTENT } from './aggregate.js';
export {
  linksCte,
  loadLinks,
  loadLinkedPeople,
  withLinkTable,
  linkCounts,
  type LinkOptions,
  type Links,
  type LinkCount,
} from './link.js';
export { loadDownstream, type PostDownstream } from './downstream.js';
export { compileThemes, themeOf, OTHER_THEME, type CompiledTheme } from './themes.js';
export type {
  EngagementSection,
  PostEngagement,
  MonthEngagement,
  ThemeEngagement,
  GroupEngagement,
  ActionCounts,
  ActionType,
  ActionCorrelation,
  Downstream,
  Rates,
  LinkingSummary,
} from './types.js';
