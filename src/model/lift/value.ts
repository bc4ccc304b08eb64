/**
 * Valuation of brand lift (DESIGN §6.6): incremental visits × visit → lead rate × lead → won rate ×
 * LTV gross profit per customer, draw by draw, so the value's interval carries the uncertainty of
 * the lift (posterior draws of the counterfactual) and of both rates.
 *
 * Rates from the store are Beta(k + ½, n − k + ½) (Jeffreys) in the counts k of n; without usable
 * counts (none, or more leads than sessions, more wins than leads, or no wins at all) the configured
 * rate is used, drawn from a triangular distribution over its [low, value, high] range. Seeded.
 */
import type { Uncertain } from '../../config/index.js';
import { betaDraw, createRng, type Rng } from './random.js';
import { quantile, mean } from './summary.js';
import type { LiftRate, LiftValue } from './types.js';
import type { FunnelCounts } from './inputs.js';

export interface ValueInput {
  /** posterior draws of the incremental visits (sum over the valued series), one per draw */
  incrementalVisitDraws: readonly number[];
  counts: FunnelCounts | null;
  fallback: { visitToLead: Uncertain; leadToWon: Uncertain };
  ltvGrossProfitPerCustomer: number;
  seed: number;
}

/** A triangular draw over [low, mode, high] (a point when the range is empty). */
export function triangular(rng: Rng, low: number, mode: number, high: number): number {
  if (!(high > low)) return mode;
  const u = rng.uniform();
  const f = (mode - low) / (high - low);
  const x =
    u < f ? low + Math.sqrt(u * (high - low) * (mode - low)) : high - Math.sqrt((1 - u) * (high - low) * (high - mode));
  // rounding can step a hair outside the range
  return Math.min(high, Math.max(low, x));
}

function rateDraws(
  rng: Rng,
  n: number,
  k: number | null,
  total: number | null,
  fallback: Uncertain,
): { draws: number[]; rate: Omit<LiftRate, 'value' | 'low' | 'high'> } {
  const usable = k !== null && total !== null && k > 0 && total > 0 && k <= total;
  const draws: number[] = [];
  for (let i = 0; i < n; i++) {
    draws.push(
      usable
        ? betaDraw(rng, k + 0.5, total - k + 0.5)
        : triangular(rng, fallback.low ?? fallback.value, fallback.value, fallback.high ?? fallback.value),
    );
  }
  return {
    draws,
    rate: usable ? { source: 'store', numerator: k, denominator: total } : { source: 'config' },
  };
}

function summarize(draws: readonly number[]): { value: number; low: number; high: number } {
  return { value: mean(draws), low: quantile(draws, 0.025), high: quantile(draws, 0.975) };
}

/** Value the incremental visits. */
export function valueLift(input: ValueInput): LiftValue {
  const n = input.incrementalVisitDraws.length;
  const rng = createRng(input.seed);
  const c = input.counts;
  const v2l = rateDraws(rng, n, c?.leads ?? null, c?.sessions ?? null, input.fallback.visitToLead);
  const l2w = rateDraws(rng, n, c?.won ?? null, c?.leads ?? null, input.fallback.leadToWon);
  const samples = input.incrementalVisitDraws.map(
    (v, i) => v * v2l.draws[i]! * l2w.draws[i]! * input.ltvGrossProfitPerCustomer,
  );
  const s = summarize(samples);
  return {
    incrementalVisits: summarize(input.incrementalVisitDraws),
    visitToLead: { ...summarize(v2l.draws), ...v2l.rate },
    leadToWon: { ...summarize(l2w.draws), ...l2w.rate },
    ltvGrossProfitPerCustomer: input.ltvGrossProfitPerCustomer,
    value: s.value,
    low: s.low,
    high: s.high,
    samples,
  };
}
