/**
 * The attribution stage of the pipeline (DESIGN §6.4): deal-level journeys (each deal's buying
 * committee, conversion = won) from the store, every registered model on them, and what the ROI
 * needs — X's credit share of every deal under the primary model (config.attribution.model).
 *
 * - Deals without any touch fall back to the CRM's own source field: X's share is 1 when the CRM
 *   says X sourced the deal, else 0 (`hasTouches` tells the pipeline to warn about it).
 * - When the store has no deals but touchpoint rows carry conversions (the public MTA layout), the
 *   section is computed on those person-level conversion journeys instead.
 * - The expected-value model weighs open deals by P(won | stage), learned from closed deals' stage
 *   history (`winRateByStage`) unless config.crm.stageProbabilities sets it, times each deal's LTV
 *   (input `ltvOf`; default the deal amount).
 * - To keep the result object small, per-journey shares are kept for the primary model only.
 */
import type { ChannelGrouper } from '../channels/index.js';
import { channelGrouper } from '../channels/index.js';
import { buildJourneys } from '../journeys/index.js';
import type { StageContext } from '../stage.js';
import { loadDeals } from '../deals/load.js';
import { isXChannel, X_PAID, type DealFacts, type Journey } from '../types.js';
import { defaultModelNames, modelNames } from './registry.js';
import { runAllModels } from './run.js';
import { winRateByStage, type StageHistory } from './expected-value.js';
import type { AttributionOptions, AttributionSection, DealOutlook, ModelResult } from './types.js';

export interface AttributionStageInput {
  /** The pipeline's grouper (so that one tally covers deals and touches). Default: from config. */
  grouper?: ChannelGrouper;
  /** Deals as loaded by the pipeline; read from the store when absent. */
  deals?: readonly DealFacts[];
  /** Expected lifetime value of a deal for the expected-value model. Default: its amount. */
  ltvOf?: (deal: DealFacts) => number;
  /** Models to run. Default: every default model (defaultModelNames) and the primary one. */
  models?: readonly string[];
}

export interface AttributionStageResult {
  section: AttributionSection;
  /** X's (x_organic + x_paid) credit share of every deal under the primary model, by deal id. */
  primaryShares: Record<string, number>;
  /** Whether any deal journey had touches (else every share came from the CRM source field). */
  hasTouches: boolean;
  /** Won value credited to paid X under the primary model (for ROAS), or null without paid X touches. */
  paidX: { revenue: number } | null;
  /** Deal-level journeys by deal id (for the deal evidence section). */
  touchesByDeal: Map<string, Journey>;
}

const share = (r: ModelResult): number => {
  let x = 0;
  let all = 0;
  for (const c of r.byChannel) {
    all += c.conversions;
    if (isXChannel(c.channel)) x += c.conversions;
  }
  return all > 0 ? x / all : 0;
};

export async function attributionStage(
  ctx: StageContext,
  input: AttributionStageInput = {},
): Promise<AttributionStageResult> {
  const { store, config, period } = ctx;
  const grouper = input.grouper ?? channelGrouper(config);
  const deals = input.deals ?? (await dealsFromStore(ctx));
  let journeys = await buildJourneys(store, config, period, { event: 'won', level: 'account', grouper });
  let level: AttributionSection['level'] = 'account';
  let event = 'won';
  const hasTouches = journeys.some((j) => j.touches.length > 0);
  if (deals.length === 0 && !hasTouches) {
    const tp = await buildJourneys(store, config, period, {
      event: 'lead',
      level: 'person',
      conversions: 'touchpoints',
      grouper,
    });
    if (tp.some((j) => j.converted)) {
      journeys = tp;
      level = 'person';
      event = 'touchpoint';
    }
  }
  // expected value inputs
  const history = await store.query<{ deal_id: string; stage: string }>(
    'SELECT DISTINCT deal_id, stage FROM deal_stages',
  );
  const stagesOf = new Map<string, string[]>();
  for (const h of history) stagesOf.set(h.deal_id, [...(stagesOf.get(h.deal_id) ?? []), h.stage]);
  const hist: StageHistory[] = deals.map((d) => ({
    dealId: d.dealId,
    stages: [...(stagesOf.get(d.dealId) ?? []), ...(d.stage ? [d.stage] : [])],
    won: d.isClosed ? d.isWon : null,
  }));
  const winProbability = { ...winRateByStage(hist), ...config.crm.stageProbabilities };
  const outlook: Record<string, DealOutlook> = {};
  for (const d of deals) {
    outlook[d.dealId] = {
      won: d.isWon ? true : d.isClosed ? false : undefined,
      stage: d.stage ?? undefined,
      ltv: input.ltvOf ? input.ltvOf(d) : (d.amount ?? 0),
    };
  }
  const options: AttributionOptions = {
    halfLifeDays: config.attribution.halfLifeDays,
    markovOrder: config.attribution.markovOrder,
    seed: config.uncertainty.seed,
    ...(level === 'account' ? { deals: outlook, winProbability } : {}),
  };
  let primary = config.attribution.model;
  if (!modelNames().includes(primary)) {
    ctx.issues.push({
      code: 'attribution_unknown_model',
      severity: 'warning',
      message: `unknown attribution model "${primary}" in the config; used linear`,
      hint: `set attribution.model to one of: ${modelNames().join(', ')}`,
    });
    primary = 'linear';
  }
  const withTouches = journeys.filter((j) => j.touches.length > 0);
  const names = input.models ?? [...new Set([...defaultModelNames(), primary])];
  const { results, skipped } = runAllModels(withTouches, options, names);
  const primaryResult = results.find((r) => r.model === primary) ?? results.find((r) => r.model === 'linear');
  // X's share per deal: the primary model where the deal has touches, else the CRM source field
  const primaryShares: Record<string, number> = {};
  for (const d of deals) {
    const s = primaryResult?.sharesById[d.dealId];
    primaryShares[d.dealId] = s
      ? Object.entries(s).reduce((a, [ch, v]) => a + (isXChannel(ch) ? v : 0), 0)
      : d.sourceChannel && isXChannel(d.sourceChannel)
        ? 1
        : 0;
  }
  const paid = primaryResult?.byChannel.find((c) => c.channel === X_PAID);
  const byModel: Record<string, number> = {};
  for (const r of results) byModel[r.model] = share(r);
  const shares = Object.values(byModel);
  if (withTouches.length === 0)
    ctx.missing.push({
      section: 'attribution',
      need: 'touchpoints (an MA/CRM activity export) and crm-contacts',
      key: 'missing.attribution',
    });
  const section: AttributionSection = {
    event,
    level,
    primaryModel: primaryResult?.model ?? primary,
    journeys: {
      total: journeys.length,
      converted: journeys.filter((j) => j.converted).length,
      touches: journeys.reduce((a, j) => a + j.touches.length, 0),
    },
    channels: [...new Set(withTouches.flatMap((j) => j.touches.map((t) => t.channel)))].sort(),
    models: results.map((r) => (r === primaryResult ? r : { ...r, perJourney: [], journeyIds: [], sharesById: {} })),
    skipped,
    xShare: {
      byModel,
      min: shares.length > 0 ? Math.min(...shares) : null,
      max: shares.length > 0 ? Math.max(...shares) : null,
    },
    unmapped: grouper.tally().unmapped,
  };
  return {
    section,
    primaryShares,
    hasTouches,
    paidX: paid && paid.value > 0 ? { revenue: paid.value } : null,
    touchesByDeal: new Map(level === 'account' ? journeys.map((j) => [j.id, j] as const) : []),
  };
}

async function dealsFromStore(ctx: StageContext): Promise<DealFacts[]> {
  return loadDeals(ctx.store, ctx.config);
}
