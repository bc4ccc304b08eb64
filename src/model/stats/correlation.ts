/**
 * Correlation coefficients with Fisher-z confidence intervals. A correlation is an association, not
 * an effect: the report labels it so.
 *
 * - Pearson's r with the interval tanh(atanh(r) ± z/√(n − 3)) [1], the interval R's cor.test prints.
 * - Spearman's ρ (Pearson's r of mid-ranks) with the Fisher-z interval whose standard error is
 *   √(1.06/(n − 3)) [2].
 * Null when n < 4 or when one of the series is constant (r undefined).
 *
 * References
 * 1. R. A. Fisher (1915), "Frequency distribution of the values of the correlation coefficient in
 *    samples from an indefinitely large population", Biometrika 10(4), 507–521; R. A. Fisher (1921),
 *    Metron 1, 3–32.
 * 2. E. C. Fieller, H. O. Hartley & E. S. Pearson (1957), "Tests for rank correlation coefficients. I",
 *    Biometrika 44(3/4), 470–481.
 */
import { zForLevel } from './special.js';

export type CorrelationMethod = 'pearson' | 'spearman';

export interface Correlation {
  method: CorrelationMethod;
  n: number;
  r: number | null;
  low: number | null;
  high: number | null;
  level: number;
}

/** Pearson's product-moment correlation, or null when undefined. */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length) throw new RangeError('pearson: the two series must have the same length');
  const n = xs.length;
  if (n < 2) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i]!;
    my += ys[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** Mid-ranks (ties share the average rank), 1-based. */
export function ranks(xs: readonly number[]): number[] {
  const order = xs.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(xs.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    const mid = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[order[k]![1]] = mid;
    i = j + 1;
  }
  return out;
}

/** Fisher-z interval for a correlation r from n pairs; `seFactor` is 1 for Pearson, 1.06 for Spearman. */
export function fisherZInterval(r: number, n: number, level = 0.95, seFactor = 1): { low: number; high: number } {
  if (n < 4) throw new RangeError(`a Fisher-z interval needs at least 4 pairs (got ${n})`);
  if (r >= 1) return { low: 1, high: 1 };
  if (r <= -1) return { low: -1, high: -1 };
  const z = Math.atanh(r);
  const half = zForLevel(level) * Math.sqrt(seFactor / (n - 3));
  return { low: Math.tanh(z - half), high: Math.tanh(z + half) };
}

/** Correlation with its Fisher-z interval. */
export function correlation(
  xs: readonly number[],
  ys: readonly number[],
  method: CorrelationMethod = 'pearson',
  level = 0.95,
): Correlation {
  const n = xs.length;
  const r = method === 'pearson' ? pearson(xs, ys) : pearson(ranks(xs), ranks(ys));
  if (r === null || n < 4) return { method, n, r, low: null, high: null, level };
  const { low, high } = fisherZInterval(r, n, level, method === 'pearson' ? 1 : 1.06);
  return { method, n, r, low, high, level };
}
