/**
 * The shared optimizer and the `Fitted<P>` result type of every maximum-likelihood model
 * (CONVENTIONS 3.3). A fit is an immutable object; predictions are functions of it, so "predict
 * before fit" is a type error.
 *
 * Method:
 * - Nelder–Mead simplex [1] on an unconstrained scale (positive parameters are optimised as logs);
 *   standard coefficients (reflection 1, expansion 2, contraction 0.5, shrink 0.5).
 * - Standard errors from the inverse of the numerical Hessian of the negative log-likelihood at the
 *   optimum [2, §7.2], computed by central differences on the log scale and mapped back by the
 *   delta method: se(θ) = θ · se(log θ).
 * - 95 % intervals are Wald intervals on the log scale, exp(log θ ± 1.96 se(log θ)), which keeps
 *   them positive and matches the skew of small-sample likelihoods better than θ ± 1.96 se(θ).
 *
 * References
 * [1] Nelder, J. A. & Mead, R. (1965). A simplex method for function minimization. Computer
 *     Journal 7(4), 308–313.
 * [2] Pawitan, Y. (2001). In All Likelihood. Oxford University Press.
 * [3] Press, W. H. et al. (2007). Numerical Recipes, 3rd ed., §9.1 (bracketing and bisection).
 */

export const fitDefaults = {
  maxIterations: 5000,
  /** stop when the simplex's function values and spread are below this */
  tolerance: 1e-12,
  /** first simplex step on the unconstrained (log) scale */
  initialStep: 0.5,
  /** |log parameter| beyond which a fit is at the boundary of the parameter space (e^15 ≈ 3.3e6) */
  boundaryLog: 15,
  /** z for the reported intervals (95 %) */
  z: 1.959963984540054,
} as const;

/** Parameter name → value. */
export type Params = Record<string, number>;

/** The immutable result of a maximum-likelihood fit. */
export interface Fitted<P extends Params> {
  readonly model: string;
  readonly params: Readonly<P>;
  /** standard errors on the natural scale; null when the Hessian is not positive definite */
  readonly standardErrors: Readonly<{ [K in keyof P]: number | null }>;
  /** 95 % intervals (log-scale Wald); null with the standard error */
  readonly intervals: Readonly<{ [K in keyof P]: readonly [number, number] | null }>;
  /** covariance of the log parameters (order of `params`), for drawing parameters; null when unknown */
  readonly logCovariance: readonly (readonly number[])[] | null;
  readonly logLik: number;
  /** number of independent units (customers) behind the likelihood */
  readonly n: number;
  /** false when the optimizer stopped early, the Hessian is not positive definite, or a parameter ran to the boundary */
  readonly converged: boolean;
  readonly iterations: number;
}

export interface NelderMeadOptions {
  /** default 5000 */
  maxIterations?: number;
  /** default 1e-12 */
  tolerance?: number;
  /** default 0.5 */
  initialStep?: number;
}

export interface MinimizeResult {
  x: number[];
  fx: number;
  iterations: number;
  converged: boolean;
}

/** Minimise f over R^n by Nelder–Mead [1]. Non-finite values are treated as +∞. */
export function nelderMead(
  f: (x: number[]) => number,
  x0: readonly number[],
  options: NelderMeadOptions = {},
): MinimizeResult {
  const maxIt = options.maxIterations ?? fitDefaults.maxIterations;
  const tol = options.tolerance ?? fitDefaults.tolerance;
  const step = options.initialStep ?? fitDefaults.initialStep;
  const n = x0.length;
  const g = (x: number[]) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  let simplex: { x: number[]; f: number }[] = [{ x: [...x0], f: g([...x0]) }];
  for (let i = 0; i < n; i++) {
    const x = [...x0];
    x[i] = x[i]! + step;
    simplex.push({ x, f: g(x) });
  }
  let it = 0;
  let converged = false;
  for (; it < maxIt; it++) {
    simplex.sort((a, b) => a.f - b.f);
    const best = simplex[0]!;
    const worst = simplex[n]!;
    let spread = 0;
    for (const p of simplex) for (let j = 0; j < n; j++) spread = Math.max(spread, Math.abs(p.x[j]! - best.x[j]!));
    if (Math.abs(worst.f - best.f) <= tol * (1 + Math.abs(best.f)) && spread <= 1e-9) {
      converged = true;
      break;
    }
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j]! += simplex[i]!.x[j]! / n;
    const along = (t: number) => centroid.map((c, j) => c + t * (worst.x[j]! - c));
    const xr = along(-1);
    const fr = g(xr);
    if (fr < best.f) {
      const xe = along(-2);
      const fe = g(xe);
      simplex[n] = fe < fr ? { x: xe, f: fe } : { x: xr, f: fr };
    } else if (fr < simplex[n - 1]!.f) {
      simplex[n] = { x: xr, f: fr };
    } else {
      const outside = fr < worst.f;
      const xc = along(outside ? -0.5 : 0.5);
      const fc = g(xc);
      if (fc < (outside ? fr : worst.f)) {
        simplex[n] = { x: xc, f: fc };
      } else {
        simplex = simplex.map((p, i) => {
          if (i === 0) return p;
          const x = p.x.map((v, j) => best.x[j]! + 0.5 * (v - best.x[j]!));
          return { x, f: g(x) };
        });
      }
    }
  }
  simplex.sort((a, b) => a.f - b.f);
  return { x: simplex[0]!.x, fx: simplex[0]!.f, iterations: it, converged };
}

/** Central-difference Hessian of f at x (step h per coordinate). */
export function numericalHessian(f: (x: number[]) => number, x: readonly number[], h = 1e-4): number[][] {
  const n = x.length;
  const H: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const at = (d: Record<number, number>) => f(x.map((v, i) => v + (d[i] ?? 0)));
  const f0 = at({});
  for (let i = 0; i < n; i++) {
    H[i]![i] = (at({ [i]: h }) - 2 * f0 + at({ [i]: -h })) / (h * h);
    for (let j = i + 1; j < n; j++) {
      const v =
        (at({ [i]: h, [j]: h }) - at({ [i]: h, [j]: -h }) - at({ [i]: -h, [j]: h }) + at({ [i]: -h, [j]: -h })) /
        (4 * h * h);
      H[i]![j] = v;
      H[j]![i] = v;
    }
  }
  return H;
}

/** Inverse of a symmetric positive-definite matrix by Cholesky; null when it is not positive definite. */
export function invertSpd(m: readonly (readonly number[])[]): number[][] | null {
  const L = cholesky(m);
  if (!L) return null;
  const n = m.length;
  const inv: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let col = 0; col < n; col++) {
    // solve L y = e_col, then Lᵀ x = y
    const y = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      let s = i === col ? 1 : 0;
      for (let k = 0; k < i; k++) s -= L[i]![k]! * y[k]!;
      y[i] = s / L[i]![i]!;
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = y[i]!;
      for (let k = i + 1; k < n; k++) s -= L[k]![i]! * inv[k]![col]!;
      inv[i]![col] = s / L[i]![i]!;
    }
  }
  return inv;
}

/** Lower-triangular Cholesky factor, or null when the matrix is not positive definite. */
export function cholesky(m: readonly (readonly number[])[]): number[][] | null {
  const n = m.length;
  const L: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = m[i]![j]!;
      for (let k = 0; k < j; k++) s -= L[i]![k]! * L[j]![k]!;
      if (i === j) {
        if (!(s > 0) || !Number.isFinite(s)) return null;
        L[i]![i] = Math.sqrt(s);
      } else {
        L[i]![j] = s / L[j]![j]!;
      }
    }
  }
  return L;
}

export interface FitPositiveOptions extends NelderMeadOptions {
  /** number of independent units, reported as `n` */
  n: number;
}

/**
 * Maximum-likelihood fit of strictly positive parameters. `logLik` receives the natural-scale
 * parameters; the search runs on their logs from `start`.
 *
 * @example
 * const fit = fitPositive('sbg', ['alpha', 'beta'], (p) => ll(p.alpha, p.beta), { alpha: 1, beta: 1 }, { n: 1000 });
 */
export function fitPositive<K extends string>(
  model: string,
  names: readonly K[],
  logLik: (p: Record<K, number>) => number,
  start: Record<K, number>,
  options: FitPositiveOptions,
): Fitted<Record<K, number>> {
  const toParams = (z: readonly number[]) =>
    Object.fromEntries(names.map((k, i) => [k, Math.exp(z[i]!)])) as Record<K, number>;
  const nll = (z: number[]) => -logLik(toParams(z));
  const z0 = names.map((k) => Math.log(start[k]));
  // two passes: a restart from the first optimum guards against a collapsed simplex
  let res = nelderMead(nll, z0, options);
  res = nelderMead(nll, res.x, { ...options, initialStep: 0.1 });
  const params = toParams(res.x);
  const H = numericalHessian(nll, res.x);
  const cov = invertSpd(H);
  const se: Record<string, number | null> = {};
  const intervals: Record<string, readonly [number, number] | null> = {};
  names.forEach((k, i) => {
    const v = cov?.[i]?.[i];
    if (v === undefined || !(v > 0) || !Number.isFinite(v)) {
      se[k] = null;
      intervals[k] = null;
      return;
    }
    const seLog = Math.sqrt(v);
    const lo = Math.exp(res.x[i]! - fitDefaults.z * seLog);
    const hi = Math.exp(res.x[i]! + fitDefaults.z * seLog);
    const natural = params[k] * seLog;
    const finite = Number.isFinite(natural) && Number.isFinite(hi) && lo > 0;
    se[k] = finite ? natural : null;
    intervals[k] = finite ? Object.freeze([lo, hi] as const) : null;
  });
  // an optimum that ran off towards 0 or ∞ on the log scale is a boundary, not a converged interior fit
  const atBoundary = res.x.some((z) => Math.abs(z) > fitDefaults.boundaryLog);
  return Object.freeze({
    model,
    params: Object.freeze(params),
    standardErrors: Object.freeze(se) as Fitted<Record<K, number>>['standardErrors'],
    intervals: Object.freeze(intervals) as Fitted<Record<K, number>>['intervals'],
    logCovariance: cov ? Object.freeze(cov.map((r) => Object.freeze(r))) : null,
    logLik: -res.fx,
    n: options.n,
    converged: res.converged && cov !== null && !atBoundary && names.every((k) => se[k] !== null),
    iterations: res.iterations,
  });
}

/**
 * A root of f in [lo, hi] by bisection [3]; null when f(lo) and f(hi) have the same sign or either is
 * not finite. Bisection is slow but cannot fail on a bracketed root, and our callers are cheap.
 */
export function findRoot(
  f: (x: number) => number,
  lo: number,
  hi: number,
  tolerance = 1e-12,
  maxIterations = 200,
): number | null {
  let a = lo;
  let b = hi;
  const fa = f(a);
  const fb = f(b);
  if (!Number.isFinite(fa) || !Number.isFinite(fb)) return null;
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (Math.sign(fa) === Math.sign(fb)) return null;
  const signA = Math.sign(fa);
  for (let i = 0; i < maxIterations && b - a > tolerance * (1 + Math.abs(a)); i++) {
    const m = (a + b) / 2;
    const fm = f(m);
    if (fm === 0) return m;
    if (Math.sign(fm) === signA) a = m;
    else b = m;
  }
  return (a + b) / 2;
}
