/** The funnel section of the result object (DESIGN §6.3): plain JSON, no NaN. */
import type { Proportion } from '../stats/index.js';
import type { TrueLeadRule } from './true-lead.js';

export type FunnelStepKey = 'lead' | 'true_lead' | 'opportunity' | 'won';

export interface FunnelCount {
  key: FunnelStepKey;
  count: number;
}

/** Conversion from one step to the next, with a Wilson and a Jeffreys interval. */
export interface StepConversion {
  from: FunnelStepKey;
  to: FunnelStepKey;
  wilson: Proportion;
  jeffreys: Proportion;
  /**
   * units of `from` whose outcome is still open (opportunities with a new-business deal not yet
   * closed), censored: left out of the trials instead of counted as failures
   */
  open?: number;
}

export interface FunnelBlock {
  /** nested counts: each step counts the people who reached it and every earlier step */
  counts: FunnelCount[];
  steps: StepConversion[];
  /** lead → won (leads whose opportunity is still open are censored) */
  overall: StepConversion;
}

export type VelocityKey = 'lead_to_true_lead' | 'lead_to_opportunity' | 'opportunity_to_won' | 'lead_to_won';

export interface VelocityStage {
  key: VelocityKey;
  /** median days; null when it cannot be told (no events, or censoring keeps the curve above ½) */
  medianDays: number | null;
  /** kaplan-meier: open deals enter as censored at the end of observation; observed: converters only */
  method: 'kaplan-meier' | 'observed';
  n: number;
  events: number;
  censored: number;
  /** median over completed cases only, shown beside the Kaplan–Meier median to show the bias */
  completedOnlyMedianDays: number | null;
}

export interface CohortRow {
  /** lead-creation month YYYY-MM in the configured time zone */
  month: string;
  leads: number;
  trueLeads: number;
  opportunities: number;
  won: number;
  /** opportunities (true leads) whose outcome is still open, left out of winRate's trials */
  openOpportunities?: number;
  trueLeadRate: Proportion;
  opportunityRate: Proportion;
  /** won ÷ (leads − open opportunities): lead → won over leads whose outcome is not pending on an open deal */
  winRate: Proportion;
}

export interface SourceQuality {
  /** channel id of the lead's original source */
  channel: string;
  leads: number;
  trueLeads: number;
  opportunities: number;
  won: number;
  /** opportunities (true leads) whose outcome is still open, left out of winRate's trials */
  openOpportunities?: number;
  trueLeadRate: Proportion;
  opportunityRate: Proportion;
  /** won ÷ (leads − open opportunities) */
  winRate: Proportion;
}

export interface FunnelSection {
  /** confidence level of every interval */
  level: number;
  trueLeadRules: { combine: 'any' | 'all'; active: TrueLeadRule[] };
  funnel: FunnelBlock;
  /** true leads, and how many leads met each configured rule */
  trueLeads: { count: number; byRule: { rule: TrueLeadRule; count: number }[] };
  /**
   * Deal-level win rate: new-business deals created in the period and already decided (won or lost),
   * won ÷ decided. Open deals are left out (their outcome is unknown), renewals too.
   */
  dealWinRate: { decided: number; won: number; open: number; wilson: Proportion; jeffreys: Proportion };
  /** opportunities from leads that are not true leads (outside the nested funnel) */
  opportunitiesNotTrueLead: number;
  velocity: VelocityStage[];
  cohorts: CohortRow[];
  /** X-touched versus not touched: an association (correlation), not the effect of X */
  xSplit: { touched: FunnelBlock; notTouched: FunnelBlock; basis: 'correlation' };
  sources: SourceQuality[];
  chart: {
    funnel: FunnelCount[];
    monthly: {
      month: string;
      leads: number;
      trueLeadRate: number | null;
      opportunityRate: number | null;
      winRate: number | null;
    }[];
  };
  /** message key when the funnel could not be computed */
  reason?: string | undefined;
}
