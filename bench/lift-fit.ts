/**
 * Fit time of the brand-lift model on 730 daily points (640 pre, 90 post) with 3 controls and
 * weekly seasonality, at the default 1000 sweeps. Target: under 2 s. Baseline, measured in the same
 * run: a plain OLS fit of y on the same 3 controls + 6 weekday columns (normal equations).
 */
import { analyzeImpact, simulateSeries } from '../src/model/lift/index.js';

function ols(y: number[], cols: number[][]): number[] {
  const k = cols.length + 1;
  const n = y.length;
  const A = Array.from({ length: k }, () => new Float64Array(k + 1));
  const row = new Float64Array(k);
  for (let t = 0; t < n; t++) {
    row[0] = 1;
    for (let j = 1; j < k; j++) row[j] = cols[j - 1]![t]!;
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) A[i]![j] = A[i]![j]! + row[i]! * row[j]!;
      A[i]![k] = A[i]![k]! + row[i]! * y[t]!;
    }
  }
  for (let i = 0; i < k; i++) {
    const p = A[i]![i]!;
    for (let j = i; j <= k; j++) A[i]![j] = A[i]![j]! / p;
    for (let r = 0; r < k; r++) {
      if (r === i) continue;
      const f = A[r]![i]!;
      for (let j = i; j <= k; j++) A[r]![j] = A[r]![j]! - f * A[i]![j]!;
    }
  }
  return A.map((r) => r[k]!);
}

function time(fn: () => void, reps: number): number {
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) fn();
  return (performance.now() - t0) / reps;
}

export default function run(): void {
  const s = simulateSeries({ seed: 1, preLength: 640, postLength: 90, controls: 3, weekly: true, lift: 2 });
  const weekdays = Array.from({ length: 6 }, (_, j) => s.y.map((_, t) => (t % 7 === j ? 1 : t % 7 === 6 ? -1 : 0)));
  const input = { y: s.y, controls: s.controls, preLength: s.preLength, dates: s.dates };
  // warm up the JIT for both
  analyzeImpact(input, { seed: 1, weeklySeasonality: true, niter: 100 });
  ols(
    s.y.slice(0, 640),
    [...s.controls, ...weekdays].map((c) => c.slice(0, 640)),
  );
  const baseline = time(
    () =>
      ols(
        s.y.slice(0, 640),
        [...s.controls, ...weekdays].map((c) => c.slice(0, 640)),
      ),
    200,
  );
  const fit = time(() => analyzeImpact(input, { seed: 1, weeklySeasonality: true }), 3);
  console.log(`points 730 (pre 640, post 90), controls 3, weekly seasonality, 1000 sweeps`);
  console.log(`lift fit + summary: ${fit.toFixed(1)} ms (target < 2000 ms)`);
  console.log(`baseline OLS (normal equations, same design): ${baseline.toFixed(3)} ms`);
  console.log(`ratio lift / OLS: ${(fit / baseline).toFixed(0)}×  (≈ 1000 sweeps of a full Bayesian fit)`);
  console.log(fit < 2000 ? 'OK: under the 2 s target' : 'SLOW: over the 2 s target');
}
