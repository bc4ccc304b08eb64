/**
 * The few deal facts the funnel and the post linking need, read from the store. Won and lost come
 * from the CRM's own flags where present, else from the stage names in config.crm (compared without
 * case, spaces, hyphens or underscores); a closed deal that is not won is lost.
 */
import type { Config } from '../../config/index.js';
import type { Store } from '../../store/index.js';

export interface DealInfo {
  dealId: string;
  /** epoch ms */
  createdAt: number | null;
  closedAt: number | null;
  isWon: boolean;
  isClosed: boolean;
  amount: number | null;
  /** renewal / upsell of an existing customer (deal type), not new business */
  existing: boolean;
}

/** Deal types that are not new business (renewals, upsells of existing customers). */
export const EXISTING_BUSINESS = /existing|renewal|renew|upsell|expansion|更新|既存|継続|アップセル/i;

const key = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');

export async function loadDealInfo(store: Store, config: Config): Promise<DealInfo[]> {
  const rows = await store.query<{
    deal_id: string;
    created_at: string | null;
    closed_at: string | null;
    stage: string | null;
    is_closed: boolean | null;
    is_won: boolean | null;
    amount: number | null;
    deal_type: string | null;
  }>('SELECT deal_id, created_at, closed_at, stage, is_closed, is_won, amount, deal_type FROM deals ORDER BY deal_id');
  const won = new Set(config.crm.wonStages.map(key));
  const lost = new Set(config.crm.lostStages.map(key));
  return rows.map((r) => {
    const stage = r.stage ? key(r.stage) : '';
    const isWon = r.is_won ?? won.has(stage);
    const isClosed = isWon || lost.has(stage) || !!r.is_closed;
    return {
      dealId: r.deal_id,
      createdAt: r.created_at ? Date.parse(r.created_at) : null,
      closedAt: r.closed_at ? Date.parse(r.closed_at) : null,
      isWon,
      isClosed,
      amount: r.amount,
      existing: !!r.deal_type && EXISTING_BUSINESS.test(r.deal_type),
    };
  });
}
