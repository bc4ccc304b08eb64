/**
 * The LTV stage: read won/lost deals and the optional retention table from the store, then call
 * the pure computeLtv(). Never throws for missing data; the section says which fallback it took.
 */
import { t } from '../../messages/index.js';
import type { StageContext } from '../stage.js';
import type { RetentionRow } from './cohorts.js';
import { computeLtv, type LtvDeal, type LtvOptions } from './ltv.js';
import type { LtvSection } from './types.js';

/** Read the store and compute the LTV section. */
export async function ltvStage(ctx: StageContext, options: LtvOptions = {}): Promise<LtvSection> {
  ctx.progress?.('ltv');
  const dealRows = await ctx.store.query<{
    account_id: string | null;
    closed_at: string | null;
    is_won: boolean | null;
    amount: number | null;
    mrr: number | null;
    contract_months: number | null;
    deal_type: string | null;
    currency: string | null;
  }>(
    `SELECT account_id, closed_at, is_won, amount, mrr, contract_months, deal_type, currency
       FROM deals WHERE closed_at IS NOT NULL AND closed_at < ?::TIMESTAMP ORDER BY deal_id`,
    [new Date(ctx.period.endMs).toISOString()],
  );
  const deals: LtvDeal[] = dealRows.map((r) => ({
    accountId: r.account_id,
    closedAt: r.closed_at === null ? null : Date.parse(r.closed_at.endsWith('Z') ? r.closed_at : `${r.closed_at}Z`),
    isWon: r.is_won === true,
    contractMonths: r.contract_months,
    amount: r.amount,
    mrr: r.mrr,
    dealType: r.deal_type,
    currency: r.currency,
  }));
  const retention = (
    await ctx.store.query<{ segment: string | null; cohort: string; period: number; active: number }>(
      'SELECT segment, cohort, period, active FROM retention ORDER BY segment, cohort, period',
    )
  ).map((r): RetentionRow => ({
    segment: r.segment,
    cohort: r.cohort,
    period: Number(r.period),
    active: Number(r.active),
  }));

  const section = computeLtv({ deals, retention, asOf: ctx.period.endMs }, ctx.config, options);
  const other = dealRows.filter((r) => r.is_won && r.currency !== null && r.currency !== ctx.config.currency).length;
  if (other > 0) {
    ctx.issues.push({
      code: 'ltv_other_currency',
      severity: 'warning',
      message: t(ctx.config.locale, 'warn.ltv_other_currency', { count: other, currency: ctx.config.currency }),
      hint: t(ctx.config.locale, 'hint.ltv_other_currency', { currency: ctx.config.currency }),
      count: other,
    });
  }
  if (section.arpa.value === null)
    ctx.missing.push({ section: 'ltv', need: 'crm-deals (won deals with amount or MRR)', key: 'missing.ltv' });
  return section;
}
