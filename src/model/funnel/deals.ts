/**
 * The few deal facts the funnel and the post linking need, from the shared deal loader: won and
 * lost from the CRM's own flags where present, else from the stage names in config.crm; a closed
 * deal that is not won is lost.
 */
import type { Config } from '../../config/index.js';
import type { Store } from '../../store/index.js';
import { loadDeals, isRenewal } from '../deals/load.js';

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

export { EXISTING_BUSINESS } from '../deals/load.js';

/** The funnel's view of the shared deal loader (model/deals/load.ts). */
export async function loadDealInfo(store: Store, config: Config): Promise<DealInfo[]> {
  return (await loadDeals(store, config)).map((d) => ({
    dealId: d.dealId,
    createdAt: d.createdAt,
    closedAt: d.closedAt,
    isWon: d.isWon,
    isClosed: d.isClosed,
    amount: d.amount,
    existing: isRenewal(d),
  }));
}
