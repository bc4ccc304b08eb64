/**
 * Simulate renewal cohorts from a shifted-beta-geometric model (for parameter-recovery tests and
 * what-ifs), the way lifetimes' `generate_data` does for its models.
 *
 * Process [1, §3]: each customer draws θ ~ Beta(α, β), then churns at each renewal with probability
 * θ, so T ~ Geometric(θ) on {1, 2, …}, drawn by inversion T = ⌈ln U / ln(1 − θ)⌉. A customer is
 * active at period t when T > t.
 *
 * References
 * [1] Fader, P. S. & Hardie, B. G. S. (2007). How to project customer retention. Journal of
 *     Interactive Marketing 21(1), 76–90.
 */
import { beta, createRng, type Rng } from '../uncertainty/random.js';
import type { SbgParams } from './shifted-beta-geometric.js';

export interface SimulateSbgOptions {
  customers: number;
  /** periods observed after acquisition (the result has periods + 1 counts) */
  periods: number;
  /** a seed or a generator; default seed 1 */
  rng?: Rng | number;
}

/** Active customers at periods 0…periods of one simulated cohort. */
export function simulateSbgCohort(p: SbgParams, options: SimulateSbgOptions): number[] {
  const rng = typeof options.rng === 'object' ? options.rng : createRng(options.rng ?? 1);
  const active = new Array<number>(options.periods + 1).fill(0);
  for (let i = 0; i < options.customers; i++) {
    const theta = beta(rng, p.alpha, p.beta);
    const u = 1 - rng.next(); // (0, 1]
    const T =
      theta >= 1 ? 1 : theta <= 0 ? Number.POSITIVE_INFINITY : Math.max(1, Math.ceil(Math.log(u) / Math.log1p(-theta)));
    const last = Math.min(options.periods, T - 1);
    for (let t = 0; t <= last; t++) active[t]! += 1;
  }
  return active;
}

/**
 * Several cohorts acquired one period apart and observed until the same calendar period, as in a
 * real renewal table: cohort k is observed for `periods − k` periods.
 */
export function simulateSbgCohorts(p: SbgParams, options: SimulateSbgOptions & { cohorts: number }): number[][] {
  const rng = typeof options.rng === 'object' ? options.rng : createRng(options.rng ?? 1);
  const out: number[][] = [];
  for (let k = 0; k < options.cohorts; k++) {
    out.push(simulateSbgCohort(p, { customers: options.customers, periods: Math.max(1, options.periods - k), rng }));
  }
  return out;
}
