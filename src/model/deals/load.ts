/**
 * Deals as the models see them (model/types.ts DealFacts), read from the store, and P(won | stage)
 * learned from history. Won/lost come from the CRM's own flags where present, else from the stage
 * names in config.crm.
 */
import type { Config } from '../../config/index.js';
import type { Store } from '../../store/index.js';
import type { DealFacts } from '../types.js';

interface DealRow {
  deal_id: string;
  account_id: string | null;
  created_at: string | null;
  closed_at: string | null;
  stage: string | null;
  is_closed: boolean | null;
  is_won: boolean | null;
  amount: number | null;
  mrr: number | null;
  arr: number | null;
  contract_months: number | null;
  deal_type: string | null;
  probability: number | null;
  original_source: string | null;
  original_source_d1: string | null;
  original_source_d2: string | null;
  latest_source: string | null;
  custom_source: string | null;
}

export interface DealRecord extends DealFacts {
  probability: number | null;
  /** raw source fields, for the channel grouping */
  raw: {
    originalSource: string | null;
    d1: string | null;
    d2: string | null;
    latest: string | null;
    custom: string | null;
  };
}

const ONE_OFF = /one[\s-]?off|one[\s-]?time|services?|spot|スポット|単発|一括/i;

function norm(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

export async function loadDeals(store: Store, config: Config): Promise<DealRecord[]> {
  const rows = await store.query<DealRow & Record<string, unknown>>(
    `SELECT deal_id, account_id, created_at, closed_at, stage, is_closed, is_won, amount, mrr, arr, contract_months,
            deal_type, probability, original_source, original_source_d1, original_source_d2, latest_source, custom_source
     FROM deals ORDER BY deal_id`,
  );
  const won = new Set(config.crm.wonStages.map(norm));
  const lost = new Set(config.crm.lostStages.map(norm));
  return rows.map((r) => {
    const stageKey = r.stage ? norm(r.stage) : '';
    const isWon = r.is_won ?? won.has(stageKey);
    const isLost = (!isWon && lost.has(stageKey)) || (!!r.is_closed && !isWon);
    const isClosed = isWon || isLost;
    const contractMonths = r.contract_months && r.contract_months > 0 ? r.contract_months : null;
    const mrr =
      r.mrr && r.mrr > 0
        ? r.mrr
        : r.arr && r.arr > 0
          ? r.arr / 12
          : r.amount && r.amount > 0
            ? r.amount / (contractMonths ?? config.economics.defaultContractMonths)
            : null;
    return {
      dealId: r.deal_id,
      accountId: r.account_id,
      createdAt: r.created_at ? Date.parse(r.created_at) : null,
      closedAt: r.closed_at ? Date.parse(r.closed_at) : null,
      stage: r.stage,
      isClosed,
      isWon,
      amount: r.amount,
      mrr,
      contractMonths,
      dealType: r.deal_type,
      sourceChannel: null,
      probability: r.probability,
      raw: {
        originalSource: r.original_source,
        d1: r.original_source_d1,
        d2: r.original_source_d2,
        latest: r.latest_source,
        custom: r.custom_source,
      },
    };
  });
}

/** Deal types that are not new business (renewals, upsells of existing customers). */
export const EXISTING_BUSINESS = /existing|renewal|renew|upsell|expansion|更新|既存|継続|アップセル/i;

/** Renewal / existing-business deals: revenue of a customer already counted in its LTV. */
export function isRenewal(d: Pick<DealFacts, 'dealType'>): boolean {
  return !!d.dealType && EXISTING_BUSINESS.test(d.dealType);
}

export function isOneOff(d: Pick<DealFacts, 'dealType'>): boolean {
  return !!d.dealType && ONE_OFF.test(d.dealType);
}

export interface StageWinRate {
  stage: string;
  reached: number;
  won: number;
  /** P(won | reached this stage), with config overrides applied; Laplace-smoothed when learned */
  pWin: number;
  source: 'config' | 'history' | 'crm-probability' | 'overall';
}

/**
 * P(won | stage) from closed new-business deals (renewals left out): of the closed deals that were ever in stage S (stage history,
 * or their current stage), the share that was won. Config overrides win; stages never seen closed
 * fall back to the CRM's own probability, then to the overall win rate.
 */
export async function stageWinRates(
  store: Store,
  config: Config,
  deals: DealRecord[],
): Promise<Map<string, StageWinRate>> {
  const hist = await store.query<{ deal_id: string; stage: string }>('SELECT DISTINCT deal_id, stage FROM deal_stages');
  const stagesOf = new Map<string, Set<string>>();
  for (const h of hist) {
    let s = stagesOf.get(h.deal_id);
    if (!s) stagesOf.set(h.deal_id, (s = new Set()));
    s.add(h.stage);
  }
  const counts = new Map<string, { reached: number; won: number }>();
  let closed = 0;
  let wonAll = 0;
  for (const d of deals) {
    if (!d.isClosed || isRenewal(d)) continue;
    closed++;
    if (d.isWon) wonAll++;
    const stages = new Set(stagesOf.get(d.dealId) ?? []);
    if (d.stage) stages.add(d.stage);
    for (const s of stages) {
      const c = counts.get(s) ?? { reached: 0, won: 0 };
      c.reached++;
      if (d.isWon) c.won++;
      counts.set(s, c);
    }
  }
  const overall = closed > 0 ? (wonAll + 1) / (closed + 2) : 0.2;
  const out = new Map<string, StageWinRate>();
  const allStages = new Set<string>([...counts.keys(), ...deals.map((d) => d.stage).filter((s): s is string => !!s)]);
  for (const stage of allStages) {
    const c = counts.get(stage) ?? { reached: 0, won: 0 };
    const override = config.crm.stageProbabilities[stage];
    if (override !== undefined) {
      out.set(stage, { stage, ...c, pWin: override, source: 'config' });
    } else if (c.reached >= 3) {
      out.set(stage, { stage, ...c, pWin: (c.won + 1) / (c.reached + 2), source: 'history' });
    } else {
      const crm = deals.find((d) => d.stage === stage && d.probability !== null && !d.isClosed)?.probability;
      out.set(stage, {
        stage,
        ...c,
        pWin: crm ?? overall,
        source: crm !== undefined && crm !== null ? 'crm-probability' : 'overall',
      });
    }
  }
  return out;
}
