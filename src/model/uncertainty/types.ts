/**
 * The uncertainty section of the result object (DESIGN §6.9): the distribution of the true and
 * traditional ROI over a seeded Monte Carlo, P(ROI > 0), and a tornado of the inputs that move the
 * true ROI most. Same inputs and seed ⇒ byte-identical JSON.
 */

export interface Distribution {
  /** null when the ROI could not be computed in any draw (reason says why) */
  median: number | null;
  mean: number | null;
  /** 80 % interval: 10th and 90th percentiles */
  interval80: [number, number] | null;
  /** 95 % interval: 2.5th and 97.5th percentiles */
  interval95: [number, number] | null;
  /** share of draws with ROI > 0 */
  pPositive: number | null;
  /** draws in which the ROI could be computed */
  draws: number;
  reason?: string | undefined;
}

export type UncertainInput = 'win_rates' | 'churn' | 'gross_margin' | 'hourly_rate' | 'lift';

export interface TornadoBar {
  /** message key suffix: uncertainty.input.<input> */
  input: UncertainInput;
  /** the input at its 2.5th and 97.5th percentile of its own draws (win rates: mean over groups; churn: discounted lifetime months) */
  low: number;
  high: number;
  /** true ROI with this input at low / high and all others at their point values */
  roiAtLow: number | null;
  roiAtHigh: number | null;
  /** |roiAtHigh − roiAtLow| */
  swing: number;
}

export interface Histogram {
  /** left edge of the first bin and width of each bin */
  from: number;
  width: number;
  counts: number[];
}

export interface UncertaintySection {
  seed: number;
  draws: number;
  /** which inputs were drawn, and from what */
  inputs: { input: UncertainInput; distribution: string }[];
  trueRoi: Distribution;
  traditionalRoi: Distribution;
  /** true ROI at the point values (the headline number) */
  pointTrueRoi: number | null;
  tornado: TornadoBar[];
  /** histogram of the true ROI draws between their 1st and 99th percentiles */
  histogram: Histogram | null;
}
