/**
 * The cost stage: read `costs` and `ad_daily` for the period from the store, compute the cost
 * section, and turn the notes into teaching warnings.
 */
import { t } from '../../messages/index.js';
import type { StageContext } from '../stage.js';
import { computeCost, type AdSpendRow, type CostRow } from './cost.js';
import type { CostSection } from './types.js';

/** Read the store and compute the cost section. */
export async function costStage(ctx: StageContext): Promise<CostSection> {
  ctx.progress?.('cost');
  const { start, end } = ctx.period;
  const costs = (
    await ctx.store.query<{
      date: string;
      period_end: string | null;
      category: string;
      channel: string;
      amount: number | null;
      currency: string | null;
      hours: number | null;
      hourly_rate: number | null;
    }>(
      `SELECT CAST(date AS VARCHAR) AS date, CAST(period_end AS VARCHAR) AS period_end, category, channel, amount,
              currency, hours, hourly_rate
         FROM costs WHERE date <= ?::DATE AND coalesce(period_end, date) >= ?::DATE
         ORDER BY date, category, description`,
      [end, start],
    )
  ).map((r): CostRow => ({
    date: r.date,
    periodEnd: r.period_end,
    category: r.category,
    channel: r.channel,
    amount: r.amount,
    currency: r.currency,
    hours: r.hours,
    hourlyRate: r.hourly_rate,
  }));
  const adSpend = (
    await ctx.store.query<{ date: string; spend: number; currency: string | null }>(
      `SELECT CAST(date AS VARCHAR) AS date, sum(spend) AS spend, currency
         FROM ad_daily WHERE date BETWEEN ?::DATE AND ?::DATE GROUP BY date, currency ORDER BY date, currency`,
      [start, end],
    )
  ).map((r): AdSpendRow => ({ date: r.date, spend: Number(r.spend), currency: r.currency }));

  const { section, notes } = computeCost({ costs, adSpend }, ctx.config, ctx.period);
  const L = ctx.config.locale;
  for (const e of section.excluded) {
    ctx.issues.push({
      code: 'cost_other_currency',
      severity: 'warning',
      message: t(L, 'warn.cost_other_currency', { rows: e.rows, currency: e.currency, reporting: section.currency }),
      hint: t(L, 'hint.cost_other_currency', { reporting: section.currency }),
      count: e.rows,
    });
  }
  if (notes.adsOverlapMonths.length > 0) {
    ctx.issues.push({
      code: 'cost_ads_overlap',
      severity: 'warning',
      message: t(L, 'warn.cost_ads_overlap', { months: notes.adsOverlapMonths.join(', ') }),
      hint: t(L, 'hint.cost_ads_overlap'),
    });
  }
  if (notes.unknownCategories.length > 0) {
    ctx.issues.push({
      code: 'cost_unknown_category',
      severity: 'info',
      message: t(L, 'warn.cost_unknown_category', { categories: notes.unknownCategories.join(', ') }),
    });
  }
  if (notes.proratedRows > 0) {
    ctx.issues.push({
      code: 'cost_prorated',
      severity: 'info',
      message: t(L, 'warn.cost_prorated', { rows: notes.proratedRows }),
      count: notes.proratedRows,
    });
  }
  if (section.labor.source === 'none') {
    ctx.issues.push({
      code: 'cost_no_labor',
      severity: 'warning',
      message: t(L, 'warn.cost_no_labor'),
      hint: t(L, 'hint.cost_no_labor'),
    });
  }
  if (section.full === 0)
    ctx.missing.push({ section: 'cost', need: 'costs (cost sheet or time log) or x-ads', key: 'missing.cost' });
  return section;
}
