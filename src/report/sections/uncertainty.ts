/** ROI distribution (Monte Carlo histogram with its interval) and the tornado of inputs. */
import type { UncertainInput } from '../../model/uncertainty/types.js';
import type { Block, Section, Table, TypedCell } from '../spec.js';
import { type BuildContext, missingBlocks, missingSection } from './context.js';

/** Break-even values: the churn, hourly rate and win rate at which the true ROI is zero. */
function breakEvenBlocks(ctx: BuildContext): Block[] {
  const b = ctx.result.roi.breakEven;
  if (!b) return [];
  const row = (key: 'monthlyChurn' | 'hourlyRate' | 'winRate', type: TypedCell['type'], digits: number) => ({
    input: ctx.tr(`breakEven.${key}`),
    value: { typed: b[key].value, type, digits },
    note: b[key].reason ? ctx.message(b[key].reason) : '',
  });
  const table: Table = {
    id: 'break-even',
    title: `${ctx.tr('unc.breakEven')}: ${ctx.tr('unc.breakEvenValue')}`,
    columns: [
      { key: 'input', label: ctx.tr('breakEven.input'), type: 'text' },
      { key: 'value', label: ctx.tr('unc.breakEvenValue'), type: 'number', digits: 2 },
      { key: 'note', label: ctx.tr('breakEven.note'), type: 'text' },
    ],
    rows: [row('monthlyChurn', 'percent', 2), row('hourlyRate', 'money', 0), row('winRate', 'percent', 1)],
  };
  return [{ kind: 'table', table }];
}

/**
 * The unit each tornado input is drawn in (see TornadoBar): win rates, gross margin and the lift's
 * share as percentages, churn as discounted customer lifetime in months, the hourly rate as money.
 */
const INPUT_UNITS: Record<UncertainInput, { type: TypedCell['type']; digits: number }> = {
  win_rates: { type: 'percent', digits: 1 },
  churn: { type: 'months', digits: 1 },
  gross_margin: { type: 'percent', digits: 1 },
  hourly_rate: { type: 'money', digits: 0 },
  lift: { type: 'money', digits: 0 },
};

export function uncertaintySection(ctx: BuildContext): Section {
  const u = ctx.result.uncertainty;
  if (!u) {
    const section = missingSection(ctx, 'uncertainty', ['uncertainty']);
    return { ...section, blocks: [...section.blocks, ...breakEvenBlocks(ctx)] };
  }
  const d = u.trueRoi;
  const blocks: Block[] = [...missingBlocks(ctx, ['uncertainty'], false)];
  blocks.push({ kind: 'text', tone: 'note', text: ctx.tr('unc.draws', { draws: ctx.number(u.draws), seed: u.seed }) });
  if (d.reason) blocks.push({ kind: 'text', tone: 'note', text: ctx.message(d.reason) });
  if (u.histogram) {
    const h = u.histogram;
    const markers = [];
    if (d.median !== null) markers.push({ x: d.median, label: ctx.tr('unc.median', { value: ctx.percent(d.median) }) });
    if (d.interval80) {
      markers.push({
        x: d.interval80[0],
        label: `${ctx.tr('unc.low', { level: '80%' })} ${ctx.percent(d.interval80[0])}`,
      });
      markers.push({
        x: d.interval80[1],
        label: `${ctx.tr('unc.high', { level: '80%' })} ${ctx.percent(d.interval80[1])}`,
      });
    }
    blocks.push({
      kind: 'chart',
      chart: {
        kind: 'histogram',
        id: 'chart-roi-distribution',
        title: ctx.tr('unc.distributionTitle'),
        format: 'percent',
        bins: h.counts.map((count, i) => ({ x0: h.from + i * h.width, x1: h.from + (i + 1) * h.width, count })),
        markers,
      },
      caption: d.pPositive !== null ? ctx.tr('headline.pPositive', { p: ctx.percent(d.pPositive) }) : undefined,
    });
  }
  const quantiles: Table = {
    id: 'roi-distribution',
    title: ctx.tr('unc.distributionTitle'),
    columns: [
      { key: 'quantile', label: ctx.tr('unc.quantile'), type: 'text' },
      { key: 'true', label: ctx.tr('unc.roi'), type: 'percent', digits: 1 },
      { key: 'traditional', label: ctx.tr('headline.traditional'), type: 'percent', digits: 1 },
    ],
    rows: [
      { quantile: '2.5%', true: d.interval95?.[0] ?? null, traditional: u.traditionalRoi.interval95?.[0] ?? null },
      { quantile: '10%', true: d.interval80?.[0] ?? null, traditional: u.traditionalRoi.interval80?.[0] ?? null },
      { quantile: '50%', true: d.median, traditional: u.traditionalRoi.median },
      { quantile: '90%', true: d.interval80?.[1] ?? null, traditional: u.traditionalRoi.interval80?.[1] ?? null },
      { quantile: '97.5%', true: d.interval95?.[1] ?? null, traditional: u.traditionalRoi.interval95?.[1] ?? null },
      { quantile: 'P(ROI > 0)', true: d.pPositive, traditional: u.traditionalRoi.pPositive },
    ],
  };
  blocks.push({ kind: 'table', table: quantiles });
  const bars = u.tornado.filter((t) => t.roiAtLow !== null && t.roiAtHigh !== null);
  if (bars.length && u.pointTrueRoi !== null) {
    blocks.push({
      kind: 'chart',
      chart: {
        kind: 'tornado',
        id: 'chart-tornado',
        title: ctx.tr('unc.tornadoTitle'),
        format: 'percent',
        base: u.pointTrueRoi,
        items: bars.map((t) => ({
          label: ctx.message(`uncertainty.input.${t.input}`),
          low: t.roiAtLow ?? 0,
          high: t.roiAtHigh ?? 0,
        })),
      },
      caption: ctx.tr('unc.tornadoNote'),
    });
  }
  blocks.push({
    kind: 'table',
    table: {
      id: 'tornado',
      title: ctx.tr('unc.tornadoTitle'),
      columns: [
        { key: 'input', label: ctx.tr('unc.input'), type: 'text' },
        { key: 'low', label: ctx.tr('interval.low', { level: '95%' }), type: 'number', digits: 2 },
        { key: 'high', label: ctx.tr('interval.high', { level: '95%' }), type: 'number', digits: 2 },
        { key: 'roiAtLow', label: ctx.tr('unc.atLow'), type: 'percent', digits: 1 },
        { key: 'roiAtHigh', label: ctx.tr('unc.atHigh'), type: 'percent', digits: 1 },
      ],
      rows: u.tornado.map((t) => ({
        input: ctx.message(`uncertainty.input.${t.input}`),
        low: { typed: t.low, ...INPUT_UNITS[t.input] },
        high: { typed: t.high, ...INPUT_UNITS[t.input] },
        roiAtLow: t.roiAtLow,
        roiAtHigh: t.roiAtHigh,
      })),
    },
  });
  blocks.push(...breakEvenBlocks(ctx));
  return { id: 'uncertainty', title: ctx.tr('section.uncertainty'), blocks };
}
