/**
 * The uncertainty stage: build the Monte Carlo inputs from the bridge inputs, the LTV section and
 * the config ranges, then run the seeded simulation (config.uncertainty.draws / seed).
 */
import type { LtvSection } from '../ltv/types.js';
import type { RoiInputs } from '../roi/bridge.js';
import type { StageContext } from '../stage.js';
import { simulateRoi, type ChurnInput, type UncertaintyInputs, type WinRateGroup } from './monte-carlo.js';
import type { UncertaintySection } from './types.js';

export interface UncertaintyExtras {
  /** closed-deal counts behind the open deals' win rates and each open deal's group (stage) */
  winRates?: { groups: readonly WinRateGroup[]; groupOf: Readonly<Record<string, string>> } | null;
  /** 95 % interval of the brand-lift value, when the lift model produced one */
  lift?: { value: number; low: number; high: number } | null;
}

/** The Monte Carlo inputs for the pipeline's bridge inputs and LTV section (pure). */
export function uncertaintyInputs(
  ctx: Pick<StageContext, 'config'>,
  inputs: RoiInputs,
  ltv: LtvSection,
  extras: UncertaintyExtras = {},
): UncertaintyInputs {
  const e = ctx.config.economics;
  const churn: ChurnInput =
    ltv.method === 'sbg' && ltv.fit
      ? {
          kind: 'sbg',
          alpha: ltv.fit.alpha,
          beta: ltv.fit.beta,
          logCovariance: ltv.fit.logCovariance,
          periodMonths: ltv.fit.periodMonths,
        }
      : { kind: 'range', monthlyChurn: e.monthlyChurn };
  return {
    base: inputs,
    winRates: extras.winRates ?? null,
    churn,
    annualDiscountRate: e.annualDiscountRate,
    horizonMonths: e.ltvHorizonMonths,
    monthlyGrowth: ltv.monthlyGrowth,
    grossMargin: e.grossMargin,
    hourlyRate: e.loadedHourlyRate,
    lift: extras.lift ?? null,
  };
}

/** Run the seeded Monte Carlo for the pipeline. */
export async function uncertaintyStage(
  ctx: StageContext,
  inputs: RoiInputs,
  ltv: LtvSection,
  extras: UncertaintyExtras = {},
): Promise<UncertaintySection> {
  ctx.progress?.('uncertainty');
  return simulateRoi(uncertaintyInputs(ctx, inputs, ltv, extras), {
    draws: ctx.config.uncertainty.draws,
    seed: ctx.config.uncertainty.seed,
  });
}
