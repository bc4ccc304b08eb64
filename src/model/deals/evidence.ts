/**
 * The evidence managers ask for (issue 8): the largest deals X touched, each with its journey from
 * the first post or DM to the signed contract, and its lifetime value. Journeys come from the
 * attribution stage (deal level); post texts are looked up in the store for the touches that link
 * to a post.
 */
import type { Store } from '../../store/index.js';
import type { Journey } from '../types.js';
import { isRenewal, type DealRecord } from './load.js';
import type { DealEvidence, DealJourneyTouch, DealsSection } from './types.js';

export interface EvidenceOptions {
  /** how many deals to show. Default 10. */
  top?: number;
  /** longest journey shown per deal (first and last touches are kept). Default 30. */
  maxTouches?: number;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export async function dealEvidence(
  store: Store,
  deals: DealRecord[],
  xCredit: Record<string, number>,
  ltvOf: (d: DealRecord) => number,
  journeys: ReadonlyMap<string, Journey>,
  options: EvidenceOptions = {},
): Promise<DealsSection> {
  const top = options.top ?? 10;
  const maxTouches = options.maxTouches ?? 30;
  const touched = deals
    // renewals are the same customer again: their value is inside the first deal's LTV
    .filter((d) => (xCredit[d.dealId] ?? 0) > 0 && (d.isWon || !d.isClosed) && !isRenewal(d))
    .map((d) => ({ d, ltv: d.isWon || !d.isClosed ? ltvOf(d) : 0 }))
    .sort((a, b) => b.ltv - a.ltv || (b.d.amount ?? 0) - (a.d.amount ?? 0) || (a.d.dealId < b.d.dealId ? -1 : 1))
    .slice(0, top);
  const names = new Map<string, { name: string | null; account: string | null }>();
  if (touched.length > 0) {
    const rows = await store.query<{ deal_id: string; name: string | null; account_name: string | null }>(
      `SELECT deal_id, name, account_name FROM deals WHERE deal_id IN (${touched.map(() => '?').join(',')})`,
      touched.map((t) => t.d.dealId),
    );
    for (const r of rows) names.set(r.deal_id, { name: r.name, account: r.account_name });
  }
  const postIds = new Set<string>();
  for (const { d } of touched)
    for (const t of journeys.get(d.dealId)?.touches ?? []) if (t.postId) postIds.add(t.postId);
  const texts = new Map<string, string>();
  if (postIds.size > 0) {
    const ids = [...postIds];
    const rows = await store.query<{ post_id: string; text: string | null }>(
      `SELECT post_id, text FROM posts WHERE post_id IN (${ids.map(() => '?').join(',')})`,
      ids,
    );
    for (const r of rows) if (r.text) texts.set(r.post_id, r.text.length > 140 ? `${r.text.slice(0, 139)}…` : r.text);
  }
  const out: DealEvidence[] = touched.map(({ d, ltv }) => {
    const all = journeys.get(d.dealId)?.touches ?? [];
    const kept = all.length > maxTouches ? [...all.slice(0, maxTouches - 1), all[all.length - 1]!] : all;
    const journey: DealJourneyTouch[] = kept.map((t) => ({
      at: new Date(t.t).toISOString(),
      channel: t.channel,
      kind: t.kind ?? null,
      postId: t.postId ?? null,
      text: t.postId ? (texts.get(t.postId) ?? null) : null,
      milestone: t.milestone ?? null,
    }));
    const n = names.get(d.dealId);
    return {
      dealId: d.dealId,
      name: n?.name ?? null,
      account: n?.account ?? null,
      amount: d.amount,
      ltv: Number.isFinite(ltv) ? ltv : null,
      xCredit: xCredit[d.dealId] ?? 0,
      won: d.isWon,
      stage: d.stage,
      createdAt: iso(d.createdAt),
      closedAt: iso(d.closedAt),
      journey,
    };
  });
  return { top: out };
}
