/**
 * X's multi-touch credit per deal, the bridge's `xCredit`: deal-level journeys (each deal's buying
 * committee, DESIGN §6.4) run through the primary attribution model; X's share is the x_organic +
 * x_paid share of the deal. Deals with no touches at all fall back to the CRM's source field (1 when
 * the CRM says X sourced the deal, else 0), and that fallback is reported.
 */
import { buildJourneys } from '../journeys/index.js';
import { runModel } from '../attribution/run.js';
import type { ChannelGrouper } from '../channels/index.js';
import type { DealRecord } from '../deals/load.js';
import type { StageContext } from '../stage.js';
import { X_PAID, isXChannel, type Journey } from '../types.js';

export interface XCredit {
  /** X's credit share per deal id, in [0, 1] */
  shares: Record<string, number>;
  /** x_paid's share per deal id (for ROAS) */
  paidShares: Record<string, number>;
  /** deal-level journeys by deal id (won and open deals) */
  journeys: Map<string, Journey>;
  /** deals whose credit came from the CRM source field because they had no touches */
  fallbackDeals: number;
  hasTouches: boolean;
}

export async function xCreditStage(ctx: StageContext, grouper: ChannelGrouper, deals: DealRecord[]): Promise<XCredit> {
  const { store, config, period } = ctx;
  const journeys = await buildJourneys(store, config, period, { event: 'won', level: 'account', grouper });
  const withTouches = journeys.filter((j) => j.touches.length > 0);
  const shares: Record<string, number> = {};
  const paidShares: Record<string, number> = {};
  if (withTouches.length > 0) {
    const run = runModel(config.attribution.model, withTouches, {
      halfLifeDays: config.attribution.halfLifeDays,
      markovOrder: config.attribution.markovOrder,
      seed: config.uncertainty.seed,
    });
    for (const [id, split] of Object.entries(run.sharesById)) {
      let x = 0;
      for (const [ch, s] of Object.entries(split)) if (isXChannel(ch)) x += s;
      shares[id] = Math.min(1, Math.max(0, x));
      paidShares[id] = split[X_PAID] ?? 0;
    }
  }
  let fallbackDeals = 0;
  const byId = new Map(journeys.map((j) => [j.id, j]));
  for (const d of deals) {
    if (shares[d.dealId] !== undefined) continue;
    if ((byId.get(d.dealId)?.touches.length ?? 0) > 0) continue;
    if (d.sourceChannel !== null) {
      fallbackDeals++;
      shares[d.dealId] = isXChannel(d.sourceChannel) ? 1 : 0;
      paidShares[d.dealId] = d.sourceChannel === X_PAID ? 1 : 0;
    }
  }
  return { shares, paidShares, journeys: byId, fallbackDeals, hasTouches: withTouches.length > 0 };
}
