/**
 * Confidence intervals for a binomial proportion x / n (conversion rates of the funnel).
 *
 * Assumptions: x successes in n independent trials with a common probability p. The intervals are
 * two-sided at `level` (default 0.95). With n = 0 nothing can be said: the rate and bounds are null.
 *
 * Methods
 * - Wilson score interval [1] (Newcombe 1998 method 3 [2]): the recommended default for small n and
 *   rates near 0 or 1 [3]. Centre (x + z²/2)/(n + z²), half-width z·√(x(n−x)/n + z²/4)/(n + z²).
 * - Jeffreys interval [3] §4.1.2: the equal-tailed interval of the Beta(x + ½, n − x + ½) posterior,
 *   with the lower bound set to 0 when x = 0 and the upper to 1 when x = n (Brown, Cai & DasGupta's
 *   modification).
 * - Clopper–Pearson "exact" interval [4] (Newcombe method 5): Beta(α/2; x, n − x + 1) and
 *   Beta(1 − α/2; x + 1, n − x). Conservative: coverage is at least the nominal level.
 *
 * References
 * 1. E. B. Wilson (1927), "Probable inference, the law of succession, and statistical inference",
 *    JASA 22(158), 209–212.
 * 2. R. G. Newcombe (1998), "Two-sided confidence intervals for the single proportion: comparison
 *    of seven methods", Statistics in Medicine 17, 857–872.
 * 3. L. D. Brown, T. T. Cai & A. DasGupta (2001), "Interval estimation for a binomial proportion",
 *    Statistical Science 16(2), 101–133.
 * 4. C. J. Clopper & E. S. Pearson (1934), "The use of confidence or fiducial limits illustrated in
 *    the case of the binomial", Biometrika 26(4), 404–413.
 */
import { betaQuantile, zForLevel } from './special.js';

export type ProportionMethod = 'wilson' | 'jeffreys' | 'clopper-pearson';

export const proportionMethods: readonly ProportionMethod[] = ['wilson', 'jeffreys', 'clopper-pearson'];

/** A rate with its interval; all null when there are no trials. */
export interface Proportion {
  successes: number;
  trials: number;
  rate: number | null;
  low: number | null;
  high: number | null;
  level: number;
  method: ProportionMethod;
}

function check(x: number, n: number): void {
  if (!Number.isInteger(x) || !Number.isInteger(n) || x < 0 || n < 0 || x > n) {
    throw new RangeError(`a proportion needs whole counts 0 <= successes <= trials (got ${x} / ${n})`);
  }
}

function empty(x: number, n: number, level: number, method: ProportionMethod): Proportion {
  return { successes: x, trials: n, rate: null, low: null, high: null, level, method };
}

/**
 * Wilson score interval.
 * @example wilsonInterval(81, 263) // { rate: 0.3080, low: 0.2553, high: 0.3662, … } (Newcombe 1998, Table I)
 */
export function wilsonInterval(x: number, n: number, level = 0.95): Proportion {
  check(x, n);
  if (n === 0) return empty(x, n, level, 'wilson');
  const z = zForLevel(level);
  const z2 = z * z;
  const centre = (x + z2 / 2) / (n + z2);
  const half = (z * Math.sqrt((x * (n - x)) / n + z2 / 4)) / (n + z2);
  // clamp rounding at the ends: the exact bounds are 0 for x = 0 and 1 for x = n
  const low = x === 0 ? 0 : Math.max(0, centre - half);
  const high = x === n ? 1 : Math.min(1, centre + half);
  return { successes: x, trials: n, rate: x / n, low, high, level, method: 'wilson' };
}

/** Jeffreys (Beta(½, ½) prior) equal-tailed interval. */
export function jeffreysInterval(x: number, n: number, level = 0.95): Proportion {
  check(x, n);
  if (n === 0) return empty(x, n, level, 'jeffreys');
  const a = (1 - level) / 2;
  const low = x === 0 ? 0 : betaQuantile(a, x + 0.5, n - x + 0.5);
  const high = x === n ? 1 : betaQuantile(1 - a, x + 0.5, n - x + 0.5);
  return { successes: x, trials: n, rate: x / n, low, high, level, method: 'jeffreys' };
}

/** Clopper–Pearson exact interval. */
export function clopperPearsonInterval(x: number, n: number, level = 0.95): Proportion {
  check(x, n);
  if (n === 0) return empty(x, n, level, 'clopper-pearson');
  const a = (1 - level) / 2;
  const low = x === 0 ? 0 : betaQuantile(a, x, n - x + 1);
  const high = x === n ? 1 : betaQuantile(1 - a, x + 1, n - x);
  return { successes: x, trials: n, rate: x / n, low, high, level, method: 'clopper-pearson' };
}

/** The interval by method name. */
export function proportionInterval(
  x: number,
  n: number,
  method: ProportionMethod = 'wilson',
  level = 0.95,
): Proportion {
  switch (method) {
    case 'wilson':
      return wilsonInterval(x, n, level);
    case 'jeffreys':
      return jeffreysInterval(x, n, level);
    case 'clopper-pearson':
      return clopperPearsonInterval(x, n, level);
  }
}
