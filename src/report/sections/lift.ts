/**
 * Brand lift (DESIGN §6.6): for each measured series, actual vs the counterfactual with its band
 * and the intervention marked; the cumulative effect in the period with its interval, the
 * probability of a causal effect, and the chain that values the incremental visits.
 */
import type { LiftDailyPoint, LiftRate, LiftSeriesResult } from '../../model/lift/types.js';
import type { Block, Kpi, Section, Table } from '../spec.js';
import { type BuildContext, missingBlocks, missingSection } from './context.js';

/** Above this many daily points the chart shows 7-day means (daily noise hides the effect). */
const WEEKLY_ABOVE = 120;

/** Means of consecutive 7-day blocks, dated by their first day (a partial last block is dropped). */
function weeklyMeans(daily: readonly LiftDailyPoint[]): LiftDailyPoint[] {
  const out: LiftDailyPoint[] = [];
  for (let i = 0; i + 7 <= daily.length; i += 7) {
    const block = daily.slice(i, i + 7);
    const mean = (f: (p: LiftDailyPoint) => number) => block.reduce((sum, p) => sum + f(p), 0) / block.length;
    const observed = block.filter((p) => p.actual !== null);
    out.push({
      date: block[0]?.date ?? '',
      actual: observed.length === block.length ? mean((p) => p.actual ?? 0) : null,
      pred: mean((p) => p.pred),
      lower: mean((p) => p.lower),
      upper: mean((p) => p.upper),
      post: block.some((p) => p.post),
    });
  }
  return out;
}

export function liftSection(ctx: BuildContext): Section {
  const lift = ctx.result.lift;
  if (!lift) return missingSection(ctx, 'lift', ['lift']);
  // the lift stage's own note says what to import in the user's language; the generic entry of
  // dataQuality.missing would repeat it
  const blocks: Block[] = lift.missing
    ? [{ kind: 'missing', needs: [ctx.message(lift.missing.code, lift.missing.params ?? {})] }]
    : [...missingBlocks(ctx, ['lift'], false)];
  const level = ctx.percent(1 - lift.alpha);
  const seriesName = (s: LiftSeriesResult) => ctx.message(`lift.series.${s.series}`);
  const main = lift.series.find((s) => s.valued) ?? lift.series[0];
  if (main) {
    const e = main.effectInPeriod;
    const kpis: Kpi[] = [
      {
        label: ctx.tr('lift.kpi.effect', { series: seriesName(main) }),
        value: ctx.number(e.value),
        note: ctx.tr('lift.kpi.range', { low: ctx.number(e.low), high: ctx.number(e.high) }),
        tone: e.low > 0 ? 'positive' : e.high < 0 ? 'negative' : 'neutral',
      },
      { label: ctx.tr('lift.kpi.relative'), value: ctx.percent(main.summary.cumulative.relEffect, 1) },
      { label: ctx.tr('lift.kpi.probability'), value: ctx.percent(main.summary.probCausal, 1) },
    ];
    if (lift.value) {
      kpis.push({
        label: ctx.tr('lift.kpi.value'),
        value: ctx.moneyShort(lift.value.value),
        note: ctx.tr('lift.kpi.range', { low: ctx.moneyShort(lift.value.low), high: ctx.moneyShort(lift.value.high) }),
      });
    }
    blocks.push({ kind: 'kpis', items: kpis });
  }
  for (const s of lift.series) {
    const weekly = s.daily.length > WEEKLY_ABOVE;
    const points = weekly ? weeklyMeans(s.daily) : s.daily;
    blocks.push({
      kind: 'chart',
      chart: {
        kind: 'lineBand',
        id: `chart-lift-${s.series.replace(/_/g, '-')}`,
        title: seriesName(s),
        format: 'count',
        valueLabel: ctx.tr('lift.actual'),
        referenceLabel: ctx.tr('lift.counterfactual'),
        points: points.map((p) => ({ date: p.date, value: p.actual, reference: p.pred, low: p.lower, high: p.upper })),
        // the marker's label is the report's own words: the intervention's name comes from the
        // config, in whatever language it was typed ("X program start" in a Japanese report)
        ...(lift.intervention ? { marker: { date: lift.intervention.start, label: ctx.tr('lift.start') } } : {}),
      },
      caption: `${ctx.tr('lift.bandNote', { level })}${weekly ? ` ${ctx.tr('lift.weeklyNote')}` : ''}`,
    });
  }
  const summary: Table = {
    id: 'brand-lift',
    title: ctx.tr('section.lift'),
    columns: [
      { key: 'series', label: ctx.tr('lift.table.series'), type: 'text' },
      { key: 'actual', label: ctx.tr('lift.table.actual'), type: 'number', digits: 0 },
      { key: 'pred', label: ctx.tr('lift.table.pred'), type: 'number', digits: 0 },
      { key: 'effect', label: ctx.tr('lift.table.effect'), type: 'number', digits: 0 },
      { key: 'low', label: ctx.tr('interval.low', { level }), type: 'number', digits: 0 },
      { key: 'high', label: ctx.tr('interval.high', { level }), type: 'number', digits: 0 },
      { key: 'rel', label: ctx.tr('lift.table.rel'), type: 'percent', digits: 1 },
      { key: 'p', label: ctx.tr('lift.table.p'), type: 'number', digits: 3 },
    ],
    rows: lift.series.map((s) => ({
      series: seriesName(s),
      actual: s.summary.cumulative.actual,
      pred: s.summary.cumulative.pred,
      effect: s.summary.cumulative.absEffect,
      low: s.summary.cumulative.absEffectLower,
      high: s.summary.cumulative.absEffectUpper,
      rel: s.summary.cumulative.relEffect,
      p: s.summary.p,
    })),
  };
  blocks.push({ kind: 'table', table: summary });
  const v = lift.value;
  if (v) {
    const src = (r: LiftRate) => ctx.tr(`lift.source.${r.source}`);
    const value: Table = {
      id: 'brand-lift-value',
      title: ctx.tr('lift.valueTitle'),
      columns: [
        { key: 'step', label: ctx.tr('lift.value.step'), type: 'text' },
        { key: 'point', label: ctx.tr('lift.value.point'), type: 'number', digits: 2 },
        { key: 'low', label: ctx.tr('interval.low', { level: '95%' }), type: 'number', digits: 2 },
        { key: 'high', label: ctx.tr('interval.high', { level: '95%' }), type: 'number', digits: 2 },
        { key: 'source', label: ctx.tr('lift.source'), type: 'text' },
      ],
      rows: [
        {
          step: ctx.tr('lift.value.visits'),
          point: { typed: v.incrementalVisits.value, type: 'number', digits: 0 },
          low: { typed: v.incrementalVisits.low, type: 'number', digits: 0 },
          high: { typed: v.incrementalVisits.high, type: 'number', digits: 0 },
          source: '',
        },
        {
          step: ctx.tr('lift.value.visitToLead'),
          point: { typed: v.visitToLead.value, type: 'percent', digits: 2 },
          low: { typed: v.visitToLead.low, type: 'percent', digits: 2 },
          high: { typed: v.visitToLead.high, type: 'percent', digits: 2 },
          source: src(v.visitToLead),
        },
        {
          step: ctx.tr('lift.value.leadToWon'),
          point: { typed: v.leadToWon.value, type: 'percent', digits: 2 },
          low: { typed: v.leadToWon.low, type: 'percent', digits: 2 },
          high: { typed: v.leadToWon.high, type: 'percent', digits: 2 },
          source: src(v.leadToWon),
        },
        {
          step: ctx.tr('lift.value.ltv'),
          point: { typed: v.ltvGrossProfitPerCustomer, type: 'money' },
          low: null,
          high: null,
          source: '',
        },
        {
          step: ctx.tr('lift.value.total'),
          point: { typed: v.value, type: 'money' },
          low: { typed: v.low, type: 'money' },
          high: { typed: v.high, type: 'money' },
          source: '',
        },
      ],
    };
    blocks.push({ kind: 'table', table: value });
  }
  for (const n of lift.notes) blocks.push({ kind: 'text', tone: 'note', text: ctx.message(n.code, n.params ?? {}) });
  return { id: 'lift', title: ctx.tr('section.lift'), blocks };
}
