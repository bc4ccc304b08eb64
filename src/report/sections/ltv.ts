/** Lifetime value, LTV:CAC and CAC payback (DESIGN §6.5, §6.8). */
import type { Figure } from '../../model/types.js';
import type { Block, Kpi, Section, Table, TypedCell } from '../spec.js';
import { type BuildContext, missingBlocks, missingSection } from './context.js';
import { formatMultiple, NOT_AVAILABLE } from '../format.js';

/** How each ROI metric is formatted; metrics not listed are shown as plain numbers after these. */
const METRIC_TYPES: Record<string, TypedCell['type']> = {
  xCustomers: 'number',
  fullCost: 'money',
  cac: 'money',
  cacCash: 'money',
  ltvPerCustomer: 'money',
  ltvToCac: 'multiple',
  paybackMonths: 'number',
  costPerTrueLead: 'money',
  costPerOpportunity: 'money',
  pipelineSourced: 'money',
  pipelineInfluenced: 'money',
  roasPaidX: 'multiple',
};

/** Every figure of roi.metrics (unit economics), with the reason where one could not be computed. */
function metricsBlock(ctx: BuildContext): Block {
  const metrics = ctx.result.roi.metrics;
  const keys = [
    ...Object.keys(METRIC_TYPES).filter((k) => k in metrics),
    ...Object.keys(metrics)
      .filter((k) => !(k in METRIC_TYPES))
      .sort(),
  ];
  const table: Table = {
    id: 'unit-economics',
    title: ctx.tr('metrics.title'),
    columns: [
      { key: 'metric', label: ctx.tr('metrics.metric'), type: 'text' },
      { key: 'value', label: ctx.tr('metrics.value'), type: 'number', digits: 2 },
      { key: 'note', label: ctx.tr('metrics.note'), type: 'text' },
    ],
    rows: keys.map((k) => {
      const f = metrics[k] as Figure;
      const label = ctx.message(`metrics.${k}`);
      const type = METRIC_TYPES[k] ?? 'number';
      return {
        metric: label.startsWith('metrics.') ? k : label,
        value: { typed: f.value, type, digits: type === 'number' ? 1 : 2 },
        note: f.reason ? ctx.message(f.reason) : '',
      };
    }),
  };
  return { kind: 'table', table };
}

export function ltvSection(ctx: BuildContext): Section {
  const ltv = ctx.result.ltv;
  const metrics = ctx.result.roi.metrics;
  if (!ltv) {
    const section = missingSection(ctx, 'ltv', ['ltv']);
    return { ...section, blocks: [...section.blocks, metricsBlock(ctx)] };
  }
  // a figure that could not be computed shows a short dash; the reason goes in the card's small note
  const fig = (f: Figure | undefined, show: (v: number) => string): Pick<Kpi, 'value' | 'note'> =>
    f && f.value !== null
      ? { value: show(f.value) }
      : { value: NOT_AVAILABLE, note: ctx.message(f?.reason ?? 'report.notComputable') };
  const months = (v: number) => ctx.tr('ltv.paybackMonths', { months: ctx.number(v, 1) });
  const kpis: Kpi[] = [
    {
      label: ctx.tr(metrics.ltvPerCustomer ? 'ltv.perXCustomer' : 'ltv.perCustomer'),
      ...fig(metrics.ltvPerCustomer ?? ltv.ltvPerCustomer, ctx.moneyShort),
    },
    { label: ctx.tr('ltv.cac'), ...fig(metrics.cac, ctx.moneyShort) },
    {
      label: ctx.tr('ltv.ltvCac'),
      ...fig(metrics.ltvToCac, formatMultiple),
      tone: metrics.ltvToCac?.value == null ? 'neutral' : metrics.ltvToCac.value >= 1 ? 'positive' : 'negative',
    },
    { label: ctx.tr('ltv.payback'), ...fig(metrics.paybackMonths, months) },
  ];
  const money = (v: number | null): TypedCell => ({ typed: v, type: 'money' });
  const pct = (v: number | null, digits: number): TypedCell => ({ typed: v, type: 'percent', digits });
  const num = (v: number | null, digits: number): TypedCell => ({ typed: v, type: 'number', digits });
  const table: Table = {
    id: 'ltv',
    title: ctx.tr('section.ltv'),
    columns: [
      { key: 'metric', label: ctx.tr('ltv.metric'), type: 'text' },
      { key: 'value', label: ctx.tr('ltv.valueCol'), type: 'number', digits: 2 },
      { key: 'note', label: '', type: 'text' },
    ],
    rows: [
      {
        metric: ctx.tr('ltv.method'),
        value: null,
        // the reason alone when it says the same as the method's name
        note: [...new Set([ctx.message(`ltv.method.${ltv.method}`), ctx.message(ltv.reason)])].join(' — '),
      },
      {
        metric: ctx.tr('ltv.arpa'),
        value: money(ltv.arpa.value),
        note: ltv.arpa.reason ? ctx.message(ltv.arpa.reason) : `n = ${ltv.arpaDeals}`,
      },
      { metric: ctx.tr('ltv.grossMargin'), value: pct(ltv.grossMargin, 1), note: '' },
      {
        metric: ctx.tr('ltv.churn'),
        value: pct(ltv.monthlyChurn.value, 2),
        note: ltv.monthlyChurn.reason ? ctx.message(ltv.monthlyChurn.reason) : '',
      },
      { metric: ctx.tr('ltv.lifetimeMonths'), value: num(ltv.discountedLifetimeMonths, 1), note: '' },
      {
        metric: ctx.tr('ltv.perCustomer'),
        value: money(ltv.ltvPerCustomer.value),
        note: ltv.ltvPerCustomer.reason ? ctx.message(ltv.ltvPerCustomer.reason) : '',
      },
      {
        metric: ctx.tr('ltv.simple'),
        value: money(ltv.simpleLtv.value),
        note: ltv.simpleLtv.reason ? ctx.message(ltv.simpleLtv.reason) : '',
      },
      {
        metric: ctx.tr('ltv.cac'),
        value: money(metrics.cac?.value ?? null),
        note: metrics.cac?.reason ? ctx.message(metrics.cac.reason) : '',
      },
      {
        metric: ctx.tr('ltv.ltvCac'),
        value: { typed: metrics.ltvToCac?.value ?? null, type: 'multiple', digits: 2 },
        note: metrics.ltvToCac?.reason ? ctx.message(metrics.ltvToCac.reason) : '',
      },
      {
        metric: ctx.tr('ltv.perXCustomer'),
        value: money(metrics.ltvPerCustomer?.value ?? null),
        note: metrics.ltvPerCustomer?.reason ? ctx.message(metrics.ltvPerCustomer.reason) : '',
      },
      {
        metric: ctx.tr('ltv.paybackLabel'),
        value: num(metrics.paybackMonths?.value ?? null, 1),
        note: metrics.paybackMonths?.reason ? ctx.message(metrics.paybackMonths.reason) : '',
      },
    ],
  };
  const blocks: Block[] = [...missingBlocks(ctx, ['ltv'], false), { kind: 'kpis', items: kpis }];
  const ltvValue = metrics.ltvPerCustomer?.value ?? ltv.ltvPerCustomer.value;
  const cac = metrics.cac?.value;
  if (ltvValue != null && cac != null) {
    blocks.push({
      kind: 'chart',
      chart: {
        kind: 'bar',
        id: 'chart-ltv-cac',
        title: ctx.tr('ltv.ltvCac'),
        format: 'moneyShort',
        data: [
          {
            label: ctx.tr(metrics.ltvPerCustomer?.value != null ? 'ltv.perXCustomer' : 'ltv.perCustomer'),
            value: ltvValue,
            highlight: true,
          },
          { label: ctx.tr('ltv.cac'), value: cac },
        ],
      },
    });
  }
  blocks.push({ kind: 'table', table });
  if (ltv.fit) {
    blocks.push({
      kind: 'table',
      table: {
        id: 'ltv-retention',
        title: ctx.tr('ltv.retentionTitle'),
        columns: [
          { key: 'period', label: ctx.tr('ltv.period'), type: 'integer' },
          { key: 'survival', label: ctx.tr('ltv.survival'), type: 'percent', digits: 1 },
        ],
        rows: ltv.fit.survival.map((s, i) => ({ period: i, survival: s })),
        htmlLimit: 13,
      },
    });
  }
  blocks.push(metricsBlock(ctx));
  return { id: 'ltv', title: ctx.tr('section.ltv'), blocks };
}
