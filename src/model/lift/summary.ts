/**
 * The CausalImpact summary table from posterior samples of the counterfactual (REFERENCE §5.1,
 * R `CompileSummaryTable` of google/CausalImpact v1.4.1). Conventions followed here:
 *
 * - Actual = mean and sum of the observed post-period response.
 * - Pred = mean over samples of each sample's post-period mean (sum); Pred.lower/upper are the
 *   α/2 and 1 − α/2 quantiles (R's default type-7 quantile) of those row means (row sums).
 * - AbsEffect = Actual − Pred; its interval is [Actual − Pred.upper, Actual − Pred.lower].
 * - RelEffect (R's current convention) = mean over samples of sum(y_post) / rowSum(sample) − 1, with
 *   its interval from the quantiles of the same quantity; identical for average and cumulative.
 *   That ratio is ill-conditioned when some counterfactual sums come near or below zero (one draw
 *   at 0⁺ sends the mean to infinity, a negative one flips its sign). When at least
 *   `FRAGILE_SHARE` of the draws have a sum ≤ `FRAGILE_FRACTION` × Pred (this counts every draw
 *   ≤ 0), the older convention of R (≤ 1.2) and the Python ports is used instead: AbsEffect / Pred,
 *   with interval [AbsEffect.lower, AbsEffect.upper] / Pred and sd AbsEffect.sd / Pred. When Pred
 *   itself is ≤ 0 no relative effect is defined: NaN (null in JSON). `relative` says which.
 * - Tail-area p (R's convention): the observed sum counts in both tails,
 *   p = min(1 + #{s: sum_s ≥ obs}, 1 + #{s: sum_s ≤ obs}) / (n_samples + 1);
 *   "posterior probability of a causal effect" = 1 − p.
 * - Significant: the 1 − α interval of the cumulative absolute effect excludes zero. (R's printed
 *   report says "significant" when p < α; that one-sided test matches a 1 − 2α two-sided interval,
 *   so a true zero effect is flagged about 2α of the time. xroi uses the interval, about α.)
 *
 * Pure functions of arrays; samples are given as one row per posterior draw.
 */

export interface SummaryRow {
  actual: number;
  pred: number;
  predLower: number;
  predUpper: number;
  predSd: number;
  absEffect: number;
  absEffectLower: number;
  absEffectUpper: number;
  absEffectSd: number;
  relEffect: number;
  relEffectLower: number;
  relEffectUpper: number;
  relEffectSd: number;
}

/**
 * How the relative effect was computed: R's current mean of ratios, the older AbsEffect / Pred
 * (when the ratio is ill-conditioned), or not at all (Pred ≤ 0: the relative fields are NaN).
 */
export type RelativeConvention = 'mean_ratio' | 'abs_over_pred' | 'undefined';

export interface RelativeInfo {
  convention: RelativeConvention;
  /** share of draws whose counterfactual sum is ≤ FRAGILE_FRACTION × Pred (or ≤ 0) */
  fragileShare: number;
  /** why the mean of ratios was not used (null when it was) */
  reason: 'counterfactual_near_zero' | 'counterfactual_not_positive' | null;
}

/** A draw whose counterfactual sum is at most this fraction of Pred makes the ratio fragile. */
export const FRAGILE_FRACTION = 0.1;
/**
 * Share of fragile draws from which the mean of ratios is abandoned for AbsEffect / Pred. Each
 * fragile draw adds at least 10·(Actual/Pred)/n to the mean of ratios, so at 0.5 % of the draws the
 * mean can be moved by 5 % of Actual/Pred or more: it no longer describes the typical draw.
 */
export const FRAGILE_SHARE = 0.005;

export interface ImpactSummary {
  average: SummaryRow;
  cumulative: SummaryRow;
  /**
   * Which relative-effect convention was used, and why. Always set by summarizeImpact (optional
   * only so that results written before it existed still read).
   */
  relative?: RelativeInfo | undefined;
  /** Posterior tail-area probability (R convention, see the module comment). */
  p: number;
  /** 1 − p */
  probCausal: number;
  /** The 1 − α interval of the cumulative absolute effect excludes zero. */
  significant: boolean;
  alpha: number;
  /** Number of post-period points summarised and posterior samples used. */
  postPoints: number;
  samples: number;
}

/** What summarizeImpact returns: `relative` is always set. */
export type ComputedImpactSummary = ImpactSummary & { relative: RelativeInfo };

/** Type-7 quantile (R's default) of an ascending-sorted array. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (h - lo) * (b - a);
}

/** Type-7 quantile of an unsorted array (copies). */
export function quantile(values: ArrayLike<number>, q: number): number {
  const s = Float64Array.from(values as ArrayLike<number>).sort();
  return quantileSorted(s, q);
}

export function mean(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]!;
  return s / values.length;
}

/** Sample standard deviation (n − 1), 0 for fewer than two values. */
export function sd(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return 0;
  const m = mean(values);
  let s = 0;
  for (let i = 0; i < n; i++) s += (values[i]! - m) ** 2;
  return Math.sqrt(s / (n - 1));
}

/**
 * Summarise the effect of an intervention.
 * @param yPost observed post-period response (length m)
 * @param samples posterior samples of the counterfactual over the same m points, one row per draw
 * @param alpha interval level is 1 − alpha (default 0.05)
 */
export function summarizeImpact(
  yPost: ArrayLike<number>,
  samples: ArrayLike<ArrayLike<number>>,
  alpha = 0.05,
): ComputedImpactSummary {
  const m = yPost.length;
  const n = samples.length;
  if (m === 0 || n === 0) throw new RangeError('summarizeImpact needs at least one post-period point and one sample');
  let obsSum = 0;
  for (let t = 0; t < m; t++) obsSum += yPost[t]!;
  const rowSums = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    const row = samples[s]!;
    if (row.length !== m) throw new RangeError(`sample ${s} has ${row.length} points, expected ${m}`);
    let x = 0;
    for (let t = 0; t < m; t++) x += row[t]!;
    rowSums[s] = x;
  }
  const predSum = mean(rowSums);
  let fragile = 0;
  for (let s = 0; s < n; s++) if (rowSums[s]! <= 0 || rowSums[s]! <= FRAGILE_FRACTION * predSum) fragile++;
  const fragileShare = fragile / n;
  const relative: RelativeInfo =
    predSum <= 0
      ? { convention: 'undefined', fragileShare, reason: 'counterfactual_not_positive' }
      : fragileShare >= FRAGILE_SHARE
        ? { convention: 'abs_over_pred', fragileShare, reason: 'counterfactual_near_zero' }
        : { convention: 'mean_ratio', fragileShare, reason: null };
  const rel = rowSums.map((x) => obsSum / x - 1);
  const cumulative = row(obsSum, rowSums, rel, alpha, relative.convention);
  const average = row(
    obsSum / m,
    rowSums.map((x) => x / m),
    rel,
    alpha,
    relative.convention,
  );
  let ge = 1;
  let le = 1;
  for (let s = 0; s < n; s++) {
    if (rowSums[s]! >= obsSum) ge++;
    if (rowSums[s]! <= obsSum) le++;
  }
  const p = Math.min(ge, le) / (n + 1);
  const significant = cumulative.absEffectLower > 0 || cumulative.absEffectUpper < 0;
  return { average, cumulative, relative, p, probCausal: 1 - p, significant, alpha, postPoints: m, samples: n };
}

function row(
  actual: number,
  predictions: Float64Array,
  rel: Float64Array,
  alpha: number,
  convention: RelativeConvention,
): SummaryRow {
  const sorted = Float64Array.from(predictions).sort();
  const pred = mean(predictions);
  const predLower = quantileSorted(sorted, alpha / 2);
  const predUpper = quantileSorted(sorted, 1 - alpha / 2);
  const predSd = sd(predictions);
  const base = {
    actual,
    pred,
    predLower,
    predUpper,
    predSd,
    absEffect: actual - pred,
    absEffectLower: actual - predUpper,
    absEffectUpper: actual - predLower,
    absEffectSd: predSd,
  };
  if (convention !== 'mean_ratio') {
    // AbsEffect / Pred (R ≤ 1.2, the Python ports); NaN when Pred ≤ 0
    const d = convention === 'abs_over_pred' ? pred : NaN;
    return {
      ...base,
      relEffect: base.absEffect / d,
      relEffectLower: base.absEffectLower / d,
      relEffectUpper: base.absEffectUpper / d,
      relEffectSd: predSd / d,
    };
  }
  const relSorted = Float64Array.from(rel).sort();
  return {
    actual,
    pred,
    predLower,
    predUpper,
    predSd,
    absEffect: actual - pred,
    absEffectLower: actual - predUpper,
    absEffectUpper: actual - predLower,
    absEffectSd: predSd,
    relEffect: mean(rel),
    relEffectLower: quantileSorted(relSorted, alpha / 2),
    relEffectUpper: quantileSorted(relSorted, 1 - alpha / 2),
    relEffectSd: sd(rel),
  };
}

/**
 * Difference in differences for a 2×2 design: (treated after − treated before) − (control after −
 * control before). Card & Krueger (1994) Table 3 is the textbook example (REFERENCE §5.3).
 */
export function differenceInDifferences(means: {
  treatedBefore: number;
  treatedAfter: number;
  controlBefore: number;
  controlAfter: number;
}): number {
  return means.treatedAfter - means.treatedBefore - (means.controlAfter - means.controlBefore);
}
