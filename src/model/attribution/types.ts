/**
 * Types shared by the attribution models, the registry and the attribution stage. A model is a
 * pure function of a `PathTable` (see path-table.ts): it returns each channel's credit and, for
 * any row, the row's credit shares (summing to 1).
 */
import type { ChannelSection } from '../result.js';
import type { PathTable } from './path-table.js';
import type { Milestone } from './milestones.js';

export type ModelKind = 'single-touch' | 'rule-based' | 'data-driven' | 'expected-value';
/** What a model needs beyond the touch order. */
export type ModelRequirement = 'times' | 'milestones' | 'deals';

/** Milestone weights (fractions summing to 1) for the milestone models. */
export type MilestoneWeights = Partial<Record<Milestone, number>> & { middle: number };

/** Per-deal facts for the expected-value model, keyed by journey id (= deal id at deal level). */
export interface DealOutlook {
  /** true: won (weight 1); false: lost (weight 0); undefined: open (weight P(won | stage)). */
  won?: boolean | undefined;
  stage?: string | undefined;
  /** Expected lifetime value of the deal, in the reporting currency. */
  ltv: number;
}

/** One options object for every model; each model reads the fields it needs. */
export interface AttributionOptions {
  /** time-decay: half-life in days. Default 7 (Google's rule, REFERENCE §4.1). */
  halfLifeDays?: number;
  /** markov: order of the chain, 1..4. Default 1. */
  markovOrder?: number;
  /** custom-milestone: the weights. Default Marketo Measure's full path (22.5 × 4 + 10). */
  milestoneWeights?: MilestoneWeights;
  /** shapley-game: above this many channels the Shapley values are sampled. Default 20. */
  shapleyExactMaxChannels?: number;
  /** shapley-game sampling: permutations drawn. Default 20000. */
  shapleySamples?: number;
  /** Seed of every random draw. Default 42. */
  seed?: number;
  /** expected-value: the model whose shares are weighted. Default 'linear'. */
  baseModel?: string;
  /** expected-value: deal facts by journey id. */
  deals?: Record<string, DealOutlook>;
  /** expected-value: P(won | stage); stages missing here count as 0 (see winRateByStage). */
  winProbability?: Record<string, number>;
  /** Build per-journey credit shares (default true; off for large path files). */
  perJourney?: boolean;
}

/** What a model's run returns. Arrays are indexed by channel code. */
export interface ModelRun {
  conversions: Float64Array;
  value: Float64Array;
  /** Write the credit shares of `row` into `out` (indexed by code; zero it first). */
  rowShares(row: number, out: Float64Array): void;
  /** Model-specific figures (removal effects, Shapley by position, …), plain JSON. */
  details?: Record<string, unknown> | undefined;
}

export interface AttributionModel {
  name: string;
  kind: ModelKind;
  requires: readonly ModelRequirement[];
  /** Run only when asked for by name, not in "all models" (experimental or degenerate on sparse data). */
  optIn?: boolean;
  run(table: PathTable, options: AttributionOptions): ModelRun;
}

export interface ChannelCredit {
  channel: string;
  conversions: number;
  value: number;
}

export interface ModelResult {
  model: string;
  kind: ModelKind;
  /** Every channel of the input (sorted by id), untouched ones at 0. */
  byChannel: ChannelCredit[];
  /** perJourney[i]: credit share per channel of the i-th converted journey (sums to 1). */
  perJourney: Record<string, number>[];
  /** Journey ids aligned with `perJourney` (when the input had ids). */
  journeyIds: string[];
  /**
   * Credit shares of every journey with at least one touch, converted or not, by journey id: for a
   * deal-level journey this is the deal's split (the ROI reads X's share of won and open deals here).
   */
  sharesById: Record<string, Record<string, number>>;
  details?: Record<string, unknown> | undefined;
}

/** The attribution section of the result object (DESIGN §6.4, §7). */
export interface AttributionSection {
  event: string;
  level: 'person' | 'account';
  /** The model used for the true ROI (config.attribution.model). */
  primaryModel: string;
  journeys: { total: number; converted: number; touches: number };
  channels: string[];
  models: ModelResult[];
  /** Models that could not run on these data, and why (message code). */
  skipped: { model: string; reason: string }[];
  /** X's (x_organic + x_paid) share of conversions under each model, and the range across models. */
  xShare: { byModel: Record<string, number>; min: number | null; max: number | null };
  unmapped: ChannelSection['unmapped'];
}
