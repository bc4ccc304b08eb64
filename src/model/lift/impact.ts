/**
 * Causal impact of an intervention on one series: fit the counterfactual model (sts.ts) on the
 * pre-period, compare the post-period with it, and summarise the effect with CausalImpact's
 * conventions (summary.ts: R's tail-area p with the observed sum in both tails, and R's current
 * relative effect, the mean over samples of sum(y)/sum(sample) − 1). See docs/lift.md.
 */
import { fitCounterfactual, type CounterfactualFit, type CounterfactualOptions } from './sts.js';
import { summarizeImpact, quantileSorted, type ComputedImpactSummary } from './summary.js';

export interface ImpactInput {
  y: ArrayLike<number>;
  controls?: ArrayLike<number>[] | undefined;
  controlNames?: string[] | undefined;
  /** Points before this index are the pre-period. */
  preLength: number;
  /** Optional YYYY-MM-DD label per point (used for weekdays and for the chart). */
  dates?: string[] | undefined;
  /** Post-period points [from, to) whose effect is also summed separately (e.g. those inside the analysis period). */
  effectWindow?: { from: number; to: number } | undefined;
}

export interface ImpactOptions extends CounterfactualOptions {
  /** Interval level is 1 − alpha. Default 0.05. */
  alpha?: number;
}

export interface ImpactPoint {
  /** Date (YYYY-MM-DD) or the 1-based point number as a string. */
  t: string;
  actual: number | null;
  pred: number;
  lower: number;
  upper: number;
  post: boolean;
}

export interface ImpactResult {
  summary: ComputedImpactSummary;
  /**
   * Daily chart data. For a count series (every observed value a non-negative integer) pred, lower
   * and upper are clipped at 0 here, and only here: the summary and the effect draws are not.
   */
  points: ImpactPoint[];
  /** The series is a count (clicks, sessions): its chart band is clipped at 0. */
  countSeries: boolean;
  params: CounterfactualFit['params'];
  droppedControls: string[];
  /** Posterior draws of the cumulative absolute effect (Actual sum − sample sum), one per draw. */
  cumulativeEffectDraws: number[];
  /** The same over `effectWindow` (observed points only); equals cumulativeEffectDraws without a window. */
  windowEffectDraws: number[];
  /** Observed points inside the window. */
  windowPoints: number;
}

/** Weekday 0 (Monday) … 6 (Sunday) of a YYYY-MM-DD date. */
export function weekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return (d + 6) % 7;
}

/** Every observed value is a non-negative integer (clicks, sessions, follows), and there is one. */
export function isCountSeries(y: ArrayLike<number>): boolean {
  let any = false;
  for (let t = 0; t < y.length; t++) {
    const v = y[t]!;
    if (!Number.isFinite(v)) continue;
    if (v < 0 || !Number.isInteger(v)) return false;
    any = true;
  }
  return any;
}

/**
 * Estimate the effect of an intervention that started at point `preLength`.
 * @example
 * const r = analyzeImpact({ y, controls: [x], preLength: 70 }, { seed: 1 });
 * r.summary.average.absEffect; r.summary.p;
 */
export function analyzeImpact(input: ImpactInput, options: ImpactOptions = {}): ImpactResult {
  const alpha = options.alpha ?? 0.05;
  const season = input.dates && options.weeklySeasonality ? input.dates.map(weekday) : undefined;
  const fit = fitCounterfactual(
    { y: input.y, controls: input.controls, controlNames: input.controlNames, preLength: input.preLength, season },
    options,
  );
  const N = fit.n;
  const n = fit.preLength;
  const D = fit.draws;
  // post-period points with an observed value
  const postIdx: number[] = [];
  for (let t = n; t < N; t++) if (Number.isFinite(input.y[t])) postIdx.push(t);
  const yPost = postIdx.map((t) => input.y[t]!);
  const rows: Float64Array[] = [];
  for (let s = 0; s < D; s++) {
    const row = new Float64Array(postIdx.length);
    for (let i = 0; i < postIdx.length; i++) row[i] = fit.samples[s * N + postIdx[i]!]!;
    rows.push(row);
  }
  const summary = summarizeImpact(yPost, rows, alpha);
  const obsSum = summary.cumulative.actual;
  const cumulativeEffectDraws = rows.map((r) => {
    let x = 0;
    for (const v of r) x += v;
    return obsSum - x;
  });
  const from = Math.max(n, input.effectWindow?.from ?? n);
  const to = Math.min(N, input.effectWindow?.to ?? N);
  const win: number[] = [];
  for (let t = from; t < to; t++) if (Number.isFinite(input.y[t])) win.push(t);
  let winObs = 0;
  for (const t of win) winObs += input.y[t]!;
  const windowEffectDraws: number[] = [];
  for (let s = 0; s < D; s++) {
    let x = 0;
    for (const t of win) x += fit.samples[s * N + t]!;
    windowEffectDraws.push(winObs - x);
  }
  const countSeries = isCountSeries(input.y);
  const floor = countSeries ? (v: number) => Math.max(0, v) : (v: number) => v;
  const points: ImpactPoint[] = [];
  const col = new Float64Array(D);
  for (let t = 0; t < N; t++) {
    let m = 0;
    for (let s = 0; s < D; s++) {
      const v = fit.samples[s * N + t]!;
      col[s] = v;
      m += v;
    }
    col.sort();
    const actual = input.y[t]!;
    points.push({
      t: input.dates?.[t] ?? String(t + 1),
      actual: Number.isFinite(actual) ? actual : null,
      pred: floor(m / D),
      lower: floor(quantileSorted(col, alpha / 2)),
      upper: floor(quantileSorted(col, 1 - alpha / 2)),
      post: t >= n,
    });
  }
  return {
    summary,
    points,
    countSeries,
    params: fit.params,
    droppedControls: fit.droppedControls,
    cumulativeEffectDraws,
    windowEffectDraws,
    windowPoints: win.length,
  };
}
