/**
 * Counterfactual structural time series: a Bayesian local-level model with static regression on
 * control series and optional (static) weekly seasonality, fitted on the pre-period by a seeded
 * Metropolis-within-Gibbs sampler and projected over the post-period by posterior predictive
 * simulation. This is the model behind Google's CausalImpact with its defaults `nseasons = 1`,
 * `dynamic.regression = FALSE` [1, 2], except that the regression prior is Gaussian rather than
 * spike-and-slab, and that the level and noise priors are, by default, weaker (see (4), (5a)).
 *
 * Model (on data standardised by the pre-period mean and sd of y and of each control, as
 * CausalImpact's `standardize.data = TRUE`):
 *
 *   y_t = μ_t + x_t'β + ε_t,        ε_t ~ N(0, σ²)          (1) observation
 *   μ_{t+1} = μ_t + η_t,            η_t ~ N(0, τ²)          (2) local level
 *   β ~ N(0, v·I), v = 1                                     (3) coefficients (controls and
 *                                                               weekday effects, sum-to-zero coded)
 *   1/σ² ~ Gamma(ν_σ/2, ν_σ·s_σ²/2)                          (4) obs. variance: with controls
 *          s_σ = √(1 − R²), R² = 0.8 (CausalImpact's expected.r2) with ν_σ = 50 (its prior.df)
 *          under levelPrior 'causalimpact', ν_σ = 1 otherwise; without controls s_σ = sd(y) = 1,
 *          ν_σ = 0.01 (vague)
 *   τ ~ Uniform(0, sd(y) = 1)                                (5a) level sd, the default [5], or
 *   τ ~ Uniform(0, 0.1·sd(y) = 0.1)                          (5c) ('bounded'), or
 *   1/τ² ~ Gamma(ν_τ/2, ν_τ·s_τ²/2), s_τ = 0.01, ν_τ = 32,   (5b) CausalImpact's prior.level.sd
 *          truncated to τ ≤ sd(y) = 1                             and SdPrior [2] (option
 *                                                                 levelPrior: 'causalimpact')
 *   μ_1 ~ N(y_1 − x_1'β, 1)                                  (6) initial level (bsts-like)
 *
 * Why (5a) by default: (5b) puts almost all prior mass on a nearly constant level; on series whose
 * level drifts its 95 % intervals cover a planted effect far less often than 95 %
 * (test/validation/lift-synthetic-coverage.test.ts). (5b) reproduces R's results on R's own
 * examples (test/validation/causalimpact-reference.test.ts).
 *
 * Why ν_σ = 1 with (5a): R's ν_σ = 50 says, firmly, that the controls explain 80 % of the variance.
 * When they do not (a weak control such as total impressions), that prior pushes σ down and,
 * without R's tight level prior, the level absorbs the rest: on a real Search Console export the
 * posterior put τ at 0.8 sd, and the random walk projected over six months gave a 95 % interval of
 * [−475, 633] clicks a day on a series averaging 151. With ν_σ = 1 the guess still centres σ but the
 * data decide (τ ≈ 0.1 sd, interval [22, 189]). (5c) caps the drift at a tenth of the series' sd:
 * tighter on such files, but it undercovers when the level wanders over a long pre-period (a
 * random walk's sd grows with the length of the pre-period, its step does not).
 *
 * Sampler sweep: (d) τ² | β, σ² with the level integrated out, by random-walk Metropolis on log τ²
 * against the Kalman-filter likelihood (this collapsed step mixes well even when τ is small, where
 * drawing τ² given the states sticks [4]); (a) μ_{1:n} | β, σ², τ² by forward filtering, backward
 * sampling [3]; (b) β | μ, σ² from its conjugate Gaussian; (c) σ² | μ, β from its conjugate
 * inverse gamma. The first 10 % of sweeps are discarded (R's SuggestBurn(0.1)). Every kept sweep
 * draws one post-period trajectory: the level walks on from μ_n by (2) and observation noise (1) is
 * added, so the intervals carry parameter, state and noise uncertainty (no plug-in variance).
 * Missing y (NaN) in the pre-period is skipped by the filter; controls must be complete.
 *
 * Weekly seasonality is a static day-of-week effect (six sum-to-zero columns in (3)), not bsts's
 * dynamic seasonal state: cheaper, and adequate for the stable weekday cycles of search and web
 * traffic.
 *
 * Effect conventions (summary.ts, REFERENCE §5.1): effect = actual − counterfactual; the relative
 * effect is R's current one, the mean over samples of sum(y_post)/sum(sample) − 1; the tail-area p
 * is R's, with the observed sum counted in both tails over n_samples + 1; an effect is called
 * significant when the 1 − α interval of the cumulative effect excludes zero.
 *
 * Same input, options and seed ⇒ identical output.
 *
 * References
 * 1. K. H. Brodersen, F. Gallusser, J. Koehler, N. Remy, S. L. Scott (2015), Inferring causal impact
 *    using Bayesian structural time-series models, Annals of Applied Statistics 9(1), 247–274.
 * 2. google/CausalImpact v1.4.1, R/impact_model.R (priors and defaults; see REFERENCE §5.1).
 * 3. S. Frühwirth-Schnatter (1994), Data augmentation and dynamic linear models, J. Time Series
 *    Analysis 15(2), 183–202; C. K. Carter, R. Kohn (1994), On Gibbs sampling for state space
 *    models, Biometrika 81(3), 541–553.
 * 4. N. Shephard (1994), Partial non-Gaussian state space, Biometrika 81(1), 115–131 (slow mixing
 *    of variance updates conditional on the states).
 * 5. A. Gelman (2006), Prior distributions for variance parameters in hierarchical models, Bayesian
 *    Analysis 1(3), 515–534 (uniform prior on a standard deviation).
 */
import { ModelError } from '../../errors.js';
import { createRng } from './random.js';

export const stsDefaults = {
  seed: 1,
  niter: 1000,
  burnFraction: 0.1,
  weeklySeasonality: false,
  seasons: 7,
  levelPrior: 'uniform' as LevelPrior,
  priorLevelSd: 0.01,
  priorLevelSampleSize: 32,
  boundedLevelSdMax: 0.1,
  expectedR2: 0.8,
  coefficientPriorSd: 1,
} as const;

/** Prior of the level sd τ; see (5a)–(5c) in the module comment. */
export type LevelPrior = 'bounded' | 'uniform' | 'causalimpact';

export interface CounterfactualInput {
  /** Response, pre-period then post-period. NaN marks a missing pre-period value. */
  y: ArrayLike<number>;
  /** Control series, each the same length as y and complete. */
  controls?: ArrayLike<number>[] | undefined;
  /** Names of the controls (for the coefficient table). */
  controlNames?: string[] | undefined;
  /** Points 0 … preLength − 1 are the pre-period; the rest is the post-period. */
  preLength: number;
  /** Season index (0 … seasons − 1) of each point, e.g. the weekday; default t mod seasons. */
  season?: ArrayLike<number> | undefined;
}

export interface CounterfactualOptions {
  /** Seed of the sampler. Default 1. */
  seed?: number;
  /** Gibbs sweeps including burn-in. Default 1000 (CausalImpact's niter). */
  niter?: number;
  /** Fraction of sweeps discarded as burn-in. Default 0.1. */
  burnFraction?: number;
  /** Add static weekday effects. Default false (CausalImpact's nseasons = 1). */
  weeklySeasonality?: boolean;
  /** Season length when weeklySeasonality is on. Default 7. */
  seasons?: number;
  /**
   * Prior of the level sd τ: `uniform` on [0, sd(y)] (default: weakly informative, keeps intervals
   * honest when the level drifts); `bounded`, uniform on [0, 0.1·sd(y)] (tighter; undercovers when
   * the level wanders over a long pre-period); or `causalimpact`, R CausalImpact's inverse gamma
   * with guess `priorLevelSd` and `priorLevelSampleSize` (assumes an almost constant level).
   */
  levelPrior?: LevelPrior;
  /** Prior guess of the level sd, in sds of y (levelPrior causalimpact). Default 0.01. */
  priorLevelSd?: number;
  /** Prior sample size of the level sd (levelPrior causalimpact). Default 32. */
  priorLevelSampleSize?: number;
  /** Upper end of τ's uniform prior, in sds of y (levelPrior bounded). Default 0.1. */
  boundedLevelSdMax?: number;
  /** Expected R² of the observation equation (prior guess of σ = √(1 − R²)). Default 0.8. */
  expectedR2?: number;
  /**
   * Prior sample size of the observation sd. With controls: 50 (CausalImpact's prior.df) under
   * levelPrior causalimpact, 1 otherwise; 0.01 without controls (bsts's vague default, with the
   * guess σ = sd(y)).
   */
  priorObsSampleSize?: number;
  /** Prior sd of each standardised coefficient. Default 1. */
  coefficientPriorSd?: number;
}

export interface Interval {
  mean: number;
  lower: number;
  upper: number;
}

export interface CounterfactualFit {
  n: number;
  preLength: number;
  /** Kept posterior draws. */
  draws: number;
  /**
   * draws × n samples on the scale of y, row-major (draw s, point t at s·n + t). Pre-period: fitted
   * level + regression + noise; post-period: posterior predictive counterfactual.
   */
  samples: Float64Array;
  /** Posterior summaries on the scale of y (σ, τ) and of the standardised coefficients. */
  params: {
    sigmaObs: Interval;
    sigmaLevel: Interval;
    coefficients: { name: string; mean: number; lower: number; upper: number }[];
  };
  /** Controls dropped because they are constant in the pre-period. */
  droppedControls: string[];
}

/** Fit the model on the pre-period and sample the counterfactual for every point. */
export function fitCounterfactual(input: CounterfactualInput, options: CounterfactualOptions = {}): CounterfactualFit {
  const o = { ...stsDefaults, ...options };
  const N = input.y.length;
  const n = input.preLength;
  if (!Number.isInteger(n) || n < 3 || n > N) {
    throw new ModelError(
      'lift_short_pre',
      `the pre-period needs at least 3 points (got ${n} of ${N})`,
      'choose a later intervention date',
    );
  }
  const y = Float64Array.from(input.y as ArrayLike<number>);
  // standardise by the observed pre-period
  let cnt = 0;
  let sum = 0;
  for (let t = 0; t < n; t++) {
    if (!Number.isFinite(y[t])) continue;
    sum += y[t]!;
    cnt++;
  }
  if (cnt < 3)
    throw new ModelError(
      'lift_short_pre',
      `the pre-period has only ${cnt} observed values`,
      'choose a later intervention date',
    );
  const ym = sum / cnt;
  let ss = 0;
  for (let t = 0; t < n; t++) if (Number.isFinite(y[t])) ss += (y[t]! - ym) ** 2;
  const ysdRaw = Math.sqrt(ss / Math.max(1, cnt - 1));
  const ysd = ysdRaw > 0 ? ysdRaw : Math.abs(ym) > 0 ? Math.abs(ym) : 1;
  const ys = new Float64Array(N);
  const obs = new Uint8Array(N);
  for (let t = 0; t < N; t++) {
    obs[t] = Number.isFinite(y[t]) ? 1 : 0;
    ys[t] = obs[t] ? (y[t]! - ym) / ysd : 0;
  }

  // design matrix columns (standardised controls, then weekday effects)
  const cols: Float64Array[] = [];
  const names: string[] = [];
  const dropped: string[] = [];
  (input.controls ?? []).forEach((c, j) => {
    const name = input.controlNames?.[j] ?? `x${j + 1}`;
    if (c.length !== N)
      throw new ModelError('lift_bad_control', `control ${name} has ${c.length} points, expected ${N}`);
    let s = 0;
    for (let t = 0; t < N; t++) {
      if (!Number.isFinite(c[t])) {
        throw new ModelError(
          'lift_bad_control',
          `control ${name} has a missing value at point ${t + 1}`,
          'fill or drop the row, or remove the control',
        );
      }
      if (t < n) s += c[t]!;
    }
    const m = s / n;
    let v = 0;
    for (let t = 0; t < n; t++) v += (c[t]! - m) ** 2;
    const csd = Math.sqrt(v / Math.max(1, n - 1));
    if (!(csd > 0)) {
      dropped.push(name);
      return;
    }
    const col = new Float64Array(N);
    for (let t = 0; t < N; t++) col[t] = (c[t]! - m) / csd;
    cols.push(col);
    names.push(name);
  });
  const hasControls = names.length > 0;
  if (o.weeklySeasonality) {
    const S = o.seasons;
    for (let j = 0; j < S - 1; j++) {
      const col = new Float64Array(N);
      for (let t = 0; t < N; t++) {
        const s = input.season ? input.season[t]! : t % S;
        col[t] = s === j ? 1 : s === S - 1 ? -1 : 0;
      }
      cols.push(col);
      names.push(`season_${j}`);
    }
  }
  const k = cols.length;
  // row-major design X[t*k + j]
  const X = new Float64Array(N * k);
  for (let j = 0; j < k; j++) for (let t = 0; t < N; t++) X[t * k + j] = cols[j]![t]!;
  // X'X over observed pre-period rows
  const XtX = new Float64Array(k * k);
  for (let t = 0; t < n; t++) {
    if (!obs[t]) continue;
    for (let i = 0; i < k; i++) {
      const xi = X[t * k + i]!;
      for (let j = 0; j <= i; j++) XtX[i * k + j] = XtX[i * k + j]! + xi * X[t * k + j]!;
    }
  }
  for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) XtX[j * k + i] = XtX[i * k + j]!;

  const rng = createRng(o.seed);
  const burn = Math.floor(o.niter * o.burnFraction);
  const kept = o.niter - burn;
  if (kept < 1) throw new ModelError('lift_bad_options', `niter ${o.niter} leaves no draws after burn-in`);
  const samples = new Float64Array(kept * N);
  const sigmaDraws = new Float64Array(kept);
  const tauDraws = new Float64Array(kept);
  const betaDraws = new Float64Array(kept * k);

  // priors (4), (5)
  const obsGuess = hasControls ? Math.sqrt(Math.max(1e-6, 1 - o.expectedR2)) : 1;
  // (4): R's 50 prior df with R's level prior; 1 otherwise (see the module comment)
  const obsDf = options.priorObsSampleSize ?? (hasControls ? (o.levelPrior === 'causalimpact' ? 50 : 1) : 0.01);
  const aSig = obsDf / 2;
  const bSig = (obsDf * obsGuess * obsGuess) / 2;
  const aTau = o.priorLevelSampleSize / 2;
  const bTau = (o.priorLevelSampleSize * o.priorLevelSd * o.priorLevelSd) / 2;
  const tauUpper = o.levelPrior === 'bounded' ? o.boundedLevelSdMax : 1;
  const tauUpper2 = tauUpper * tauUpper;
  const v0inv = 1 / (o.coefficientPriorSd * o.coefficientPriorSd);

  // log density of log τ² under (5): inverse gamma on τ² times the Jacobian τ²
  // (5a), (5c) uniform on τ: p(log τ²) ∝ τ
  const logPriorTau =
    o.levelPrior === 'causalimpact' ? (v: number) => -aTau * Math.log(v) - bTau / v : (v: number) => 0.5 * Math.log(v);
  let sigma2 = obsGuess * obsGuess;
  let tau2 = o.priorLevelSd * o.priorLevelSd;
  const beta = new Float64Array(k);
  const mu = new Float64Array(n);
  const r = new Float64Array(n);
  const fm = new Float64Array(n);
  const fC = new Float64Array(n);
  const xb = new Float64Array(N);
  const Lam = new Float64Array(k * k);
  const rhs = new Float64Array(k);
  const tmp = new Float64Array(k);
  const firstObs = obs.indexOf(1);

  for (let it = 0; it < o.niter; it++) {
    // (a) FFBS on r = y − Xβ
    for (let t = 0; t < N; t++) {
      let s = 0;
      for (let j = 0; j < k; j++) s += X[t * k + j]! * beta[j]!;
      xb[t] = s;
    }
    for (let t = 0; t < n; t++) r[t] = ys[t]! - xb[t]!;
    // (d) τ² | β, σ² with μ integrated out: random-walk Metropolis on log τ² against the Kalman
    // likelihood (mixes far better than drawing τ² given μ when τ is small)
    let ll = logLik(r, obs, n, firstObs, sigma2, tau2) + logPriorTau(tau2);
    for (let m = 0; m < 3; m++) {
      const prop = tau2 * Math.exp(0.8 * rng.normal());
      if (prop > tauUpper2) continue;
      const llp = logLik(r, obs, n, firstObs, sigma2, prop) + logPriorTau(prop);
      if (Math.log(rng.uniform()) < llp - ll) {
        tau2 = prop;
        ll = llp;
      }
    }
    let a = r[firstObs]!;
    let P = 1;
    for (let t = 0; t < n; t++) {
      if (obs[t]) {
        const K = P / (P + sigma2);
        fm[t] = a + K * (r[t]! - a);
        fC[t] = K * sigma2;
      } else {
        fm[t] = a;
        fC[t] = P;
      }
      a = fm[t]!;
      P = fC[t]! + tau2;
    }
    mu[n - 1] = fm[n - 1]! + Math.sqrt(fC[n - 1]!) * rng.normal();
    for (let t = n - 2; t >= 0; t--) {
      const C = fC[t]!;
      const g = C / (C + tau2);
      mu[t] = fm[t]! + g * (mu[t + 1]! - fm[t]!) + Math.sqrt(g * tau2) * rng.normal();
    }
    // (b) β | μ, σ²
    if (k > 0) {
      rhs.fill(0);
      for (let t = 0; t < n; t++) {
        if (!obs[t]) continue;
        const z = ys[t]! - mu[t]!;
        for (let j = 0; j < k; j++) rhs[j] = rhs[j]! + X[t * k + j]! * z;
      }
      for (let i = 0; i < k * k; i++) Lam[i] = XtX[i]! / sigma2;
      for (let j = 0; j < k; j++) {
        Lam[j * k + j] = Lam[j * k + j]! + v0inv;
        rhs[j] = rhs[j]! / sigma2;
      }
      cholesky(Lam, k);
      // mean = Λ⁻¹ rhs; draw = mean + L⁻ᵀ ξ
      forwardSolve(Lam, k, rhs, tmp);
      for (let j = 0; j < k; j++) tmp[j] = tmp[j]! + rng.normal();
      backSolve(Lam, k, tmp, beta);
      for (let t = 0; t < N; t++) {
        let s = 0;
        for (let j = 0; j < k; j++) s += X[t * k + j]! * beta[j]!;
        xb[t] = s;
      }
    }
    // (c) σ² | μ, β
    let sse = 0;
    for (let t = 0; t < n; t++) if (obs[t]) sse += (ys[t]! - mu[t]! - xb[t]!) ** 2;
    sigma2 = (bSig + sse / 2) / rng.gamma(aSig + cnt / 2);
    if (it < burn) continue;
    const s = it - burn;
    const sig = Math.sqrt(sigma2);
    const tau = Math.sqrt(tau2);
    const base = s * N;
    for (let t = 0; t < n; t++) samples[base + t] = (mu[t]! + xb[t]! + sig * rng.normal()) * ysd + ym;
    let level = mu[n - 1]!;
    for (let t = n; t < N; t++) {
      level += tau * rng.normal();
      samples[base + t] = (level + xb[t]! + sig * rng.normal()) * ysd + ym;
    }
    sigmaDraws[s] = sig * ysd;
    tauDraws[s] = tau * ysd;
    for (let j = 0; j < k; j++) betaDraws[s * k + j] = beta[j]!;
  }

  return {
    n: N,
    preLength: n,
    draws: kept,
    samples,
    params: {
      sigmaObs: interval(sigmaDraws),
      sigmaLevel: interval(tauDraws),
      coefficients: names.map((name, j) => {
        const d = new Float64Array(kept);
        for (let s = 0; s < kept; s++) d[s] = betaDraws[s * k + j]!;
        return { name, ...interval(d) };
      }),
    },
    droppedControls: dropped,
  };
}

/** Gaussian log-likelihood of r under the local level with variances (σ², τ²), by the Kalman filter (6). */
function logLik(r: Float64Array, obs: Uint8Array, n: number, first: number, sigma2: number, tau2: number): number {
  let a = r[first]!;
  let P = 1;
  let ll = 0;
  for (let t = 0; t < n; t++) {
    if (obs[t]) {
      const F = P + sigma2;
      const v = r[t]! - a;
      ll -= 0.5 * (Math.log(F) + (v * v) / F);
      const K = P / F;
      a += K * v;
      P = K * sigma2 + tau2;
    } else {
      P += tau2;
    }
  }
  return ll;
}

function interval(d: Float64Array): Interval {
  const s = Float64Array.from(d).sort();
  let m = 0;
  for (const x of s) m += x;
  const q = (p: number) => {
    const h = (s.length - 1) * p;
    const lo = Math.floor(h);
    return s[lo]! + (h - lo) * (s[Math.min(s.length - 1, lo + 1)]! - s[lo]!);
  };
  return { mean: m / s.length, lower: q(0.025), upper: q(0.975) };
}

/** In-place lower Cholesky factor of a k×k SPD matrix (row-major); the upper triangle is zeroed. */
function cholesky(A: Float64Array, k: number): void {
  for (let j = 0; j < k; j++) {
    let d = A[j * k + j]!;
    for (let p = 0; p < j; p++) d -= A[j * k + p]! ** 2;
    if (!(d > 0))
      throw new ModelError(
        'lift_singular',
        'the regression on the controls is singular',
        'remove duplicated or collinear controls',
      );
    const ljj = Math.sqrt(d);
    A[j * k + j] = ljj;
    for (let i = j + 1; i < k; i++) {
      let s = A[i * k + j]!;
      for (let p = 0; p < j; p++) s -= A[i * k + p]! * A[j * k + p]!;
      A[i * k + j] = s / ljj;
    }
    for (let i = 0; i < j; i++) A[i * k + j] = 0;
  }
}

/** Solve L z = b. */
function forwardSolve(L: Float64Array, k: number, b: Float64Array, out: Float64Array): void {
  for (let i = 0; i < k; i++) {
    let s = b[i]!;
    for (let p = 0; p < i; p++) s -= L[i * k + p]! * out[p]!;
    out[i] = s / L[i * k + i]!;
  }
}

/** Solve Lᵀ x = z. */
function backSolve(L: Float64Array, k: number, z: Float64Array, out: Float64Array): void {
  for (let i = k - 1; i >= 0; i--) {
    let s = z[i]!;
    for (let p = i + 1; p < k; p++) s -= L[p * k + i]! * out[p]!;
    out[i] = s / L[i * k + i]!;
  }
}
