/**
 * The brand-lift section of the result object (DESIGN §6.6): for each measured series, the
 * intervention, daily actual vs counterfactual with its band (for the chart), the CausalImpact
 * summary table and tail probability; and the value of the incremental visits with an interval and
 * seeded draws that the ROI Monte Carlo can use. Plain JSON: no NaN, no Infinity (a relative
 * effect whose counterfactual sum can be zero, e.g. on a series of zeros, is written as null).
 */
import type { ImpactSummary } from './summary.js';

export type LiftSeriesId = 'branded_search' | 'direct' | 'x_referral' | 'x_followers';
export type LiftControlId = 'nonbranded_search' | 'search_impressions';

/** A note for the reader: a message key (messages: lift.*) and its parameters. */
export interface LiftNote {
  code: string;
  params?: Record<string, string | number> | undefined;
}

export interface LiftIntervention {
  name: string;
  /** first day (YYYY-MM-DD) */
  start: string;
  /** last day, or null for "until the end of the data" */
  end: string | null;
  /** where it came from: the config, or the first day of X Ads spend */
  source: 'config' | 'ads';
}

export interface LiftDailyPoint {
  date: string;
  actual: number | null;
  /** posterior mean of the counterfactual (pre-period: the fit) */
  pred: number;
  lower: number;
  upper: number;
  post: boolean;
}

export interface LiftSeriesResult {
  series: LiftSeriesId;
  /** canonical table the series was read from */
  table: 'search_daily' | 'web_daily' | 'x_daily';
  controls: LiftControlId[];
  weeklySeasonality: boolean;
  /** the incremental visits of this series are part of the valuation */
  valued: boolean;
  prePeriod: { start: string; end: string; days: number };
  postPeriod: { start: string; end: string; days: number };
  /** CausalImpact summary (average and cumulative, absolute and relative, p) over the post-period */
  summary: ImpactSummary;
  /** Cumulative effect inside the analysis period (the part that is valued): mean and interval. */
  effectInPeriod: { value: number; low: number; high: number; days: number };
  daily: LiftDailyPoint[];
  /** posterior sd of the observation noise and of the level's daily step, on the series' scale */
  sigmaObs: number;
  sigmaLevel: number;
  notes: LiftNote[];
}

/** A rate used in the valuation, with where it came from. */
export interface LiftRate {
  value: number;
  low: number;
  high: number;
  /** store: Beta(k + ½, n − k + ½) from counts; config: triangular over the configured range */
  source: 'store' | 'config';
  numerator?: number | undefined;
  denominator?: number | undefined;
}

export interface LiftValue {
  /** incremental visits of the valued series inside the analysis period (mean and 95 % interval) */
  incrementalVisits: { value: number; low: number; high: number };
  visitToLead: LiftRate;
  leadToWon: LiftRate;
  /** the LTV gross profit per customer used (an input) */
  ltvGrossProfitPerCustomer: number;
  /** incremental visits × visit→lead × lead→won × LTV: posterior mean and 95 % interval */
  value: number;
  low: number;
  high: number;
  /** seeded draws of the value (one per posterior draw), for the ROI Monte Carlo */
  samples: number[];
}

export interface LiftSection {
  /** the intervention analysed (the first configured, or the first day of X Ads spend) */
  intervention: LiftIntervention | null;
  /** every configured intervention (campaign windows), for the chart */
  interventions: LiftIntervention[];
  series: LiftSeriesResult[];
  /** null when no valued series could be measured or no LTV was given */
  value: LiftValue | null;
  alpha: number;
  seed: number;
  draws: number;
  /** set when nothing could be measured: what to import or configure */
  missing: LiftNote | null;
  notes: LiftNote[];
}
