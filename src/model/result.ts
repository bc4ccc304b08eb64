/**
 * The one result object (DESIGN §7) that every renderer reads: terminal, JSON, HTML, PDF, CSV,
 * XLSX. It is plain JSON (no NaN, no Infinity, no functions), versioned by `schemaVersion`, and
 * byte-stable for the same input and seed. Each section's type lives beside its model.
 */
import type { Issue } from '../issues.js';
import type { AttributionSection, ModelResult } from './attribution/types.js';
import type { CostSection } from './cost/types.js';
import type { DealsSection } from './deals/types.js';
import type { EngagementSection } from './engagement/types.js';
import type { FunnelSection } from './funnel/types.js';
import type { LtvSection } from './ltv/types.js';
import type { LiftSection, LiftValue } from './lift/types.js';
import type { SelfReportSection } from './self-report/index.js';
import type { RoiSection } from './roi/types.js';
import type { UncertaintySection } from './uncertainty/types.js';

/** Bump the minor version when sections are added, the major when a field changes meaning. */
export const RESULT_SCHEMA_VERSION = '1.0.0';

export interface ImportSummary {
  file: string;
  kind: string;
  rows: number;
  warnings: number;
  importedAt: string;
}

export interface ResultMeta {
  currency: string;
  locale: 'ja' | 'en';
  timeZone: string;
  period: { start: string; end: string };
  seed: number;
  /** Counts of stored rows per canonical table. */
  coverage: Record<string, number>;
  imports: ImportSummary[];
}

export interface DataQuality {
  issues: Issue[];
  /** Sections that could not be computed and what to import to fill them. */
  missing: { section: string; need: string; key?: string }[];
}

export interface ChannelSection {
  /** Raw source values and the channel each was mapped to, with counts. */
  mapped: { field: string; value: string; channel: string; count: number }[];
  /** Raw values no rule matched (counted as "other"). */
  unmapped: { field: string; value: string; count: number }[];
}

export interface AnalysisResult {
  schemaVersion: string;
  generator: { name: 'xroi'; version: string };
  meta: ResultMeta;
  dataQuality: DataQuality;
  channels: ChannelSection;
  roi: RoiSection;
  // Further sections are added here, typed, as their stages land. Optional: a renderer shows a
  // "what to import" box (from dataQuality.missing) for a section that is absent.
  attribution?: ResultAttribution;
  cost?: CostSection;
  ltv?: LtvSection;
  funnel?: FunnelSection;
  engagement?: EngagementSection;
  uncertainty?: UncertaintySection;
  deals?: DealsSection;
  lift?: ResultLift;
  selfReport?: SelfReportSection;
}

/**
 * Working data that stay inside the pipeline and are not part of the result (nor of `--json`):
 * each attribution model's per-journey shares (the ROI and the deal evidence read the primary
 * model's shares before the result is assembled) and the lift value's draws (the Monte Carlo takes
 * the lift's interval).
 */
export type ResultModel = Omit<ModelResult, 'perJourney' | 'journeyIds' | 'sharesById'>;
export type ResultAttribution = Omit<AttributionSection, 'models'> & { models: ResultModel[] };
export type ResultLiftValue = Omit<LiftValue, 'samples'>;
export type ResultLift = Omit<LiftSection, 'value'> & { value: ResultLiftValue | null };

/** The attribution section as the result carries it: every model without its per-journey shares. */
export function resultAttribution(section: AttributionSection): ResultAttribution {
  return {
    ...section,
    models: section.models.map(({ perJourney: _p, journeyIds: _j, sharesById: _s, ...model }): ResultModel => model),
  };
}

/** The lift section as the result carries it: the value without its draws. */
export function resultLift(section: LiftSection): ResultLift {
  if (!section.value) return { ...section, value: null };
  const { samples: _samples, ...value } = section.value;
  return { ...section, value };
}
