/** Cost breakdown: cash by category, staff hours, opportunity cost, and cost by month. */
import { CASH_CATEGORIES } from '../../model/cost/types.js';
import type { Block, Section, Table } from '../spec.js';
import { type BuildContext, missingBlocks, missingSection } from './context.js';

export function costSection(ctx: BuildContext): Section {
  const cost = ctx.result.cost;
  if (!cost) return missingSection(ctx, 'cost', ['cost']);
  const items = [
    ...CASH_CATEGORIES.map((c) => ({ key: c, label: ctx.tr(`cost.${c}`), value: cost.byCategory[c] })),
    { key: 'labor', label: ctx.tr('cost.labor'), value: cost.labor.cost },
    ...(cost.opportunity.enabled
      ? [{ key: 'opportunity', label: ctx.tr('cost.opportunity'), value: cost.opportunity.amount }]
      : []),
  ];
  const table: Table = {
    id: 'cost',
    title: ctx.tr('section.cost'),
    columns: [
      { key: 'category', label: ctx.tr('cost.category'), type: 'text' },
      { key: 'amount', label: ctx.tr('cost.amount'), type: 'money' },
      { key: 'share', label: ctx.tr('cost.share'), type: 'percent' },
    ],
    rows: [
      ...items.map((i) => ({ category: i.label, amount: i.value, share: cost.full > 0 ? i.value / cost.full : null })),
      { category: ctx.tr('cost.full'), amount: cost.full, share: cost.full > 0 ? 1 : null },
    ],
  };
  const monthly: Table = {
    id: 'cost-by-month',
    title: ctx.tr('cost.byMonthTitle'),
    columns: [
      { key: 'month', label: ctx.tr('cost.month'), type: 'text' },
      ...CASH_CATEGORIES.map((c) => ({ key: c, label: ctx.tr(`cost.${c}`), type: 'money' as const })),
      { key: 'labor', label: ctx.tr('cost.labor'), type: 'money' },
      { key: 'total', label: ctx.tr('cost.full'), type: 'money' },
    ],
    rows: cost.byMonth.map((m) => ({ ...m })),
  };
  const l = cost.labor;
  const source =
    l.source === 'assumption' && l.assumption
      ? ctx.tr('cost.source.assumption', {
          people: ctx.number(l.assumption.people, 1).replace(/\.0$/, ''),
          hoursPerWeek: ctx.number(l.assumption.hoursPerWeek, 1).replace(/\.0$/, ''),
          weeks: ctx.number(l.assumption.weeks, 1).replace(/\.0$/, ''),
        })
      : ctx.tr(`cost.source.${l.source}`);
  const blocks: Block[] = [
    ...missingBlocks(ctx, ['cost'], false),
    {
      kind: 'chart',
      chart: {
        kind: 'bar',
        id: 'chart-cost',
        title: ctx.tr('section.cost'),
        format: 'moneyShort',
        data: items.map((i) => ({ label: i.label, value: i.value, highlight: i.key === 'labor' })),
      },
    },
    {
      kind: 'text',
      text: ctx.tr('cost.laborNote', { hours: ctx.number(l.hours), rate: ctx.money(l.hourlyRate), source }),
      tone: 'note',
    },
    { kind: 'table', table },
    { kind: 'table', table: monthly },
    ...cost.excluded.map((e): Block => ({
      kind: 'text',
      tone: 'note',
      text: ctx.tr('cost.excluded', {
        rows: e.rows,
        currency: e.currency,
        amount: `${ctx.number(e.amount, 2)} ${e.currency}`,
      }),
    })),
  ];
  return { id: 'cost', title: ctx.tr('section.cost'), blocks };
}
