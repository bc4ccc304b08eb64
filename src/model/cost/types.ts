/**
 * The cost section of the result object (DESIGN §6.7): cash spend by category and month, staff
 * hours at a loaded rate (from a time log or an assumption, which is stated), and the opportunity
 * cost at a benchmark return.
 */

export const CASH_CATEGORIES = ['ads', 'tools', 'content', 'agency', 'other'] as const;
export type CashCategory = (typeof CASH_CATEGORIES)[number];

export interface LaborCost {
  /** where the hours come from */
  source: 'time_log' | 'assumption' | 'none';
  hours: number;
  cost: number;
  /** cost ÷ hours (the loaded rate actually applied); the config rate when there are no hours */
  hourlyRate: number;
  /** time-log hours priced at the config rate because the row had none */
  hoursAtConfigRate: number;
  /** the assumption used when there is no time log */
  assumption: { people: number; hoursPerWeek: number; weeks: number } | null;
}

export interface MonthCost {
  /** YYYY-MM */
  month: string;
  ads: number;
  tools: number;
  content: number;
  agency: number;
  other: number;
  labor: number;
  total: number;
}

export interface ExcludedCost {
  currency: string;
  rows: number;
  amount: number;
}

export interface CostSection {
  currency: string;
  /** cash spend per category (ads include X Ads spend from ad_daily) */
  byCategory: Record<CashCategory, number>;
  /** X Ads spend read from ad_daily (part of byCategory.ads) */
  adPlatformSpend: number;
  cash: number;
  labor: LaborCost;
  opportunity: { enabled: boolean; benchmarkRoi: number; amount: number };
  /** cash + labor + opportunity */
  full: number;
  /** per month (labor by time-log month; assumed labor spread evenly over the period's days) */
  byMonth: MonthCost[];
  /** rows left out because their currency is not the reporting currency (no FX guessing) */
  excluded: ExcludedCost[];
}
