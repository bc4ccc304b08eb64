/**
 * The common API over every registered model: `runModel(name, journeys | table, options)` and
 * `runAllModels`. Inputs are journeys (report pipeline) or a PathTable (path files); outputs are
 * plain JSON: credits per channel, per-journey shares, and shares by journey id.
 */
import type { Journey } from '../types.js';
import { tableFromJourneys, type PathTable } from './path-table.js';
import { defaultModelNames, getModel } from './registry.js';
import type { AttributionModel, AttributionOptions, ModelRequirement, ModelResult } from './types.js';

/** Why a model cannot run on a table (a message code), or null when it can. */
export function missingRequirement(
  model: AttributionModel,
  table: PathTable,
  options: AttributionOptions,
): string | null {
  const has: Record<ModelRequirement, boolean> = {
    times: !!table.ageDays,
    milestones: !!table.milestones || !!table.events,
    deals: !!table.ids && !!options.deals,
  };
  for (const r of model.requires) if (!has[r]) return `attribution.needs.${r}`;
  return null;
}

function asTable(input: readonly Journey[] | PathTable): PathTable {
  return Array.isArray(input) ? tableFromJourneys(input as Journey[]) : (input as PathTable);
}

/**
 * Run one model by name.
 * @example runModel('linear', journeys).byChannel
 */
export function runModel(
  name: string,
  input: readonly Journey[] | PathTable,
  options: AttributionOptions = {},
): ModelResult {
  return runOn(getModel(name), asTable(input), options);
}

/** Run every default model that the data allow (or the `names` given); the others are listed as skipped. */
export function runAllModels(
  input: readonly Journey[] | PathTable,
  options: AttributionOptions = {},
  names: readonly string[] = defaultModelNames(),
): { results: ModelResult[]; skipped: { model: string; reason: string }[] } {
  const table = asTable(input);
  const results: ModelResult[] = [];
  const skipped: { model: string; reason: string }[] = [];
  for (const name of names) {
    const model = getModel(name);
    const reason = missingRequirement(model, table, options);
    if (reason) skipped.push({ model: name, reason });
    else results.push(runOn(model, table, options));
  }
  return { results, skipped };
}

function runOn(model: AttributionModel, table: PathTable, options: AttributionOptions): ModelResult {
  const run = model.run(table, options);
  const byChannel = table.channels
    .map((channel, i) => ({ channel, conversions: run.conversions[i]!, value: run.value[i]! }))
    .sort((a, b) => (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0));
  const perJourney: Record<string, number>[] = [];
  const journeyIds: string[] = [];
  const sharesById: Record<string, Record<string, number>> = {};
  if (options.perJourney ?? true) {
    const scratch = new Float64Array(table.channels.length);
    for (let r = 0; r < table.rows; r++) {
      const s = table.offsets[r]!;
      const e = table.offsets[r + 1]!;
      if (e === s) continue;
      run.rowShares(r, scratch);
      const shares: Record<string, number> = {};
      for (let k = s; k < e; k++) {
        const ch = table.codes[k]!;
        if (scratch[ch] !== 0) {
          shares[table.channels[ch]!] = scratch[ch]!;
          scratch[ch] = 0;
        }
      }
      const id = table.ids?.[r];
      if (id !== undefined) sharesById[id] = shares;
      if (table.conversions[r]! > 0) {
        perJourney.push(shares);
        if (id !== undefined) journeyIds.push(id);
      }
    }
  }
  return { model: model.name, kind: model.kind, byChannel, perJourney, journeyIds, sharesById, details: run.details };
}

/** X's share (x_organic + x_paid) of a journey under a result, 0 when the journey has no X touch. */
export function xShareOf(result: ModelResult, journeyId: string): number {
  const s = result.sharesById[journeyId];
  if (!s) return 0;
  return (s['x_organic'] ?? 0) + (s['x_paid'] ?? 0);
}
