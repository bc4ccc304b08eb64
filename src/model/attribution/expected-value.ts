/**
 * Expected value (the stage-weighted model, DESIGN §6.4): every won or open deal is credited by
 * share × P(won | stage) × LTV, where share is the deal's split under a base model (default linear),
 * P(won | stage) is 1 for won deals, 0 for lost ones and learned from closed deals' stage history for
 * open ones (`winRateByStage`), and LTV is an input number per deal. `conversions` are expected wins;
 * `value` is expected lifetime value. Needs journey ids (deal-level journeys) and `options.deals`.
 */
import { ModelError } from '../../errors.js';
import type { PathTable } from './path-table.js';
import type { AttributionModel, AttributionOptions, ModelRun } from './types.js';

/** One deal's stage history for learning P(won | stage). */
export interface StageHistory {
  dealId: string;
  /** Stages the deal has been in (any order). */
  stages: readonly string[];
  /** true won, false lost, null open. */
  won: boolean | null;
}

/**
 * P(won | the deal reached stage s) = won deals that reached s ÷ closed deals that reached s,
 * from closed deals only (open deals have no outcome yet). Stages no closed deal reached are absent.
 */
export function winRateByStage(history: readonly StageHistory[]): Record<string, number> {
  const won = new Map<string, number>();
  const closed = new Map<string, number>();
  for (const d of history) {
    if (d.won === null) continue;
    for (const s of new Set(d.stages)) {
      closed.set(s, (closed.get(s) ?? 0) + 1);
      if (d.won) won.set(s, (won.get(s) ?? 0) + 1);
    }
  }
  const out: Record<string, number> = {};
  for (const s of [...closed.keys()].sort()) out[s] = (won.get(s) ?? 0) / closed.get(s)!;
  return out;
}

export function expectedValueModel(lookup: (name: string) => AttributionModel): AttributionModel {
  return {
    name: 'expected-value',
    kind: 'expected-value',
    requires: ['deals'],
    run(table: PathTable, options: AttributionOptions): ModelRun {
      const deals = options.deals;
      if (!deals || !table.ids) {
        throw new ModelError(
          'attribution_no_deals',
          'the expected-value model needs deal-level journeys and deal facts (stage, LTV)',
          'build journeys with level "account" and pass options.deals',
        );
      }
      const baseName = options.baseModel ?? 'linear';
      if (baseName === 'expected-value')
        throw new ModelError('attribution_bad_base', 'expected-value cannot be its own base model');
      const base = lookup(baseName).run(table, options);
      const n = table.channels.length;
      const conversions = new Float64Array(n);
      const value = new Float64Array(n);
      const scratch = new Float64Array(n);
      const pWon = options.winProbability ?? {};
      const weights: Record<string, number> = {};
      for (let r = 0; r < table.rows; r++) {
        const id = table.ids[r]!;
        const deal = deals[id];
        const s = table.offsets[r]!;
        const e = table.offsets[r + 1]!;
        if (!deal || e === s) continue;
        const p = deal.won === true ? 1 : deal.won === false ? 0 : (pWon[deal.stage ?? ''] ?? 0);
        weights[id] = p;
        if (p === 0) continue;
        base.rowShares(r, scratch);
        for (let k = s; k < e; k++) {
          const ch = table.codes[k]!;
          const sh = scratch[ch]!;
          if (sh === 0) continue;
          conversions[ch] = conversions[ch]! + sh * p;
          value[ch] = value[ch]! + sh * p * deal.ltv;
          scratch[ch] = 0;
        }
      }
      return {
        conversions,
        value,
        rowShares: base.rowShares,
        details: { baseModel: baseName, winProbabilityByDeal: weights },
      };
    },
  };
}
