/**
 * Funnel: lead → true lead → opportunity → won with conversion rates and intervals, velocity,
 * X-touched vs not touched (labelled as an association) and lead quality by source.
 */
import type { FunnelBlock } from '../../model/funnel/types.js';
import type { Proportion } from '../../model/stats/index.js';
import type { Block, Section, Table } from '../spec.js';
import { type BuildContext, missingBlocks, missingSection } from './context.js';

/** "24% (18–31%)" */
export function rateWithInterval(ctx: BuildContext, p: Proportion): string {
  if (p.rate === null) return ctx.percent(null);
  const band = p.low !== null && p.high !== null ? ` (${ctx.percent(p.low)}–${ctx.percent(p.high)})` : '';
  return `${ctx.percent(p.rate)}${band}`;
}

function funnelRows(ctx: BuildContext, block: FunnelBlock) {
  return block.counts.map((c) => {
    const step = block.steps.find((s) => s.to === c.key);
    return {
      stage: ctx.tr(`funnel.${c.key}`),
      count: c.count,
      rate: step?.wilson.rate ?? null,
      low: step?.wilson.low ?? null,
      high: step?.wilson.high ?? null,
    };
  });
}

export function funnelSection(ctx: BuildContext): Section {
  const f = ctx.result.funnel;
  if (!f) return missingSection(ctx, 'funnel', ['funnel']);
  const level = ctx.percent(f.level);
  const main: Table = {
    id: 'funnel',
    title: ctx.tr('section.funnel'),
    columns: [
      { key: 'stage', label: ctx.tr('funnel.stage'), type: 'text' },
      { key: 'count', label: ctx.tr('funnel.count'), type: 'integer' },
      { key: 'rate', label: ctx.tr('funnel.rate'), type: 'percent' },
      { key: 'low', label: ctx.tr('interval.low', { level }), type: 'percent' },
      { key: 'high', label: ctx.tr('interval.high', { level }), type: 'percent' },
    ],
    rows: funnelRows(ctx, f.funnel),
  };
  const velocity: Table = {
    id: 'funnel-velocity',
    title: ctx.tr('funnel.velocityTitle'),
    columns: [
      { key: 'stage', label: ctx.tr('funnel.velocityStage'), type: 'text' },
      { key: 'median', label: ctx.tr('funnel.medianDays'), type: 'number', digits: 1 },
      { key: 'completed', label: ctx.tr('funnel.completedOnly'), type: 'number', digits: 1 },
      { key: 'n', label: 'n', type: 'integer' },
    ],
    rows: f.velocity.map((v) => ({
      stage: ctx.tr(`funnel.velocity.${v.key}`),
      median: v.medianDays,
      completed: v.completedOnlyMedianDays,
      n: v.n,
    })),
  };
  const split: Table = {
    id: 'funnel-x-split',
    title: ctx.tr('funnel.xSplitTitle'),
    columns: [
      { key: 'stage', label: ctx.tr('funnel.stage'), type: 'text' },
      { key: 'touched', label: ctx.tr('funnel.touched'), type: 'integer' },
      { key: 'touchedRate', label: `${ctx.tr('funnel.touched')} · ${ctx.tr('funnel.rate')}`, type: 'percent' },
      { key: 'notTouched', label: ctx.tr('funnel.notTouched'), type: 'integer' },
      { key: 'notTouchedRate', label: `${ctx.tr('funnel.notTouched')} · ${ctx.tr('funnel.rate')}`, type: 'percent' },
    ],
    rows: funnelRows(ctx, f.xSplit.touched).map((r, i) => {
      const other = funnelRows(ctx, f.xSplit.notTouched)[i];
      return {
        stage: r.stage,
        touched: r.count,
        touchedRate: r.rate,
        notTouched: other?.count ?? null,
        notTouchedRate: other?.rate ?? null,
      };
    }),
  };
  const sources: Table = {
    id: 'funnel-sources',
    title: ctx.tr('funnel.sourcesTitle'),
    columns: [
      { key: 'channel', label: ctx.tr('funnel.channel'), type: 'text' },
      { key: 'leads', label: ctx.tr('funnel.lead'), type: 'integer' },
      { key: 'trueLeadRate', label: ctx.tr('funnel.trueLeadRate'), type: 'percent' },
      { key: 'opportunityRate', label: ctx.tr('funnel.opportunityRate'), type: 'percent' },
      { key: 'winRate', label: ctx.tr('funnel.winRate'), type: 'percent' },
      { key: 'won', label: ctx.tr('funnel.won'), type: 'integer' },
    ],
    rows: f.sources.map((s) => ({
      channel: ctx.channel(s.channel),
      leads: s.leads,
      trueLeadRate: s.trueLeadRate.rate,
      opportunityRate: s.opportunityRate.rate,
      winRate: s.winRate.rate,
      won: s.won,
    })),
  };
  const blocks: Block[] = [...missingBlocks(ctx, ['funnel'], false)];
  if (f.reason) blocks.push({ kind: 'text', text: ctx.message(f.reason), tone: 'note' });
  const dw = f.dealWinRate;
  if (dw && dw.decided > 0) {
    blocks.push({
      kind: 'text',
      tone: 'note',
      text: ctx.tr('funnel.dealWinRate', {
        rate: rateWithInterval(ctx, dw.wilson),
        won: dw.won,
        decided: dw.decided,
        open: dw.open,
      }),
    });
  }
  if (f.funnel.counts.length) {
    blocks.push({
      kind: 'chart',
      chart: {
        kind: 'funnel',
        id: 'chart-funnel',
        title: ctx.tr('section.funnel'),
        format: 'count',
        stages: f.funnel.counts.map((c) => {
          const step = f.funnel.steps.find((s) => s.to === c.key);
          return {
            label: ctx.tr(`funnel.${c.key}`),
            count: c.count,
            note: step ? `→ ${rateWithInterval(ctx, step.wilson)}` : '',
          };
        }),
      },
      caption: `${ctx.tr('funnel.overall')}: ${rateWithInterval(ctx, f.funnel.overall.wilson)}`,
    });
  }
  blocks.push(
    { kind: 'table', table: main },
    { kind: 'table', table: split },
    { kind: 'table', table: velocity },
    { kind: 'table', table: sources },
  );
  return { id: 'funnel', title: ctx.tr('section.funnel'), blocks };
}

/** Conversion rates over time: monthly lead cohorts. */
export function trendSection(ctx: BuildContext): Section {
  const f = ctx.result.funnel;
  if (!f) return missingSection(ctx, 'trend', ['funnel']);
  const cohorts = f.cohorts;
  const table: Table = {
    id: 'conversion-trend',
    title: ctx.tr('section.trend'),
    columns: [
      { key: 'month', label: ctx.tr('trend.month'), type: 'text' },
      { key: 'leads', label: ctx.tr('trend.leads'), type: 'integer' },
      { key: 'trueLeadRate', label: ctx.tr('trend.trueLeadRate'), type: 'percent' },
      { key: 'opportunityRate', label: ctx.tr('trend.opportunityRate'), type: 'percent' },
      { key: 'winRate', label: ctx.tr('trend.winRate'), type: 'percent' },
      {
        key: 'winLow',
        label: `${ctx.tr('trend.winRate')} · ${ctx.tr('interval.low', { level: ctx.percent(f.level) })}`,
        type: 'percent',
      },
      {
        key: 'winHigh',
        label: `${ctx.tr('trend.winRate')} · ${ctx.tr('interval.high', { level: ctx.percent(f.level) })}`,
        type: 'percent',
      },
    ],
    rows: cohorts.map((c) => ({
      month: c.month,
      leads: c.leads,
      trueLeadRate: c.trueLeadRate.rate,
      opportunityRate: c.opportunityRate.rate,
      winRate: c.winRate.rate,
      winLow: c.winRate.low,
      winHigh: c.winRate.high,
    })),
  };
  const blocks: Block[] = [...missingBlocks(ctx, ['funnel'], false)];
  const withRates = cohorts.filter((c) => c.opportunityRate.rate !== null);
  if (withRates.length >= 2) {
    blocks.push({
      kind: 'chart',
      chart: {
        kind: 'lineBand',
        id: 'chart-trend',
        title: ctx.tr('trend.opportunityRate'),
        format: 'ratePercent',
        valueLabel: ctx.tr('trend.opportunityRate'),
        points: cohorts.map((c) => ({
          date: `${c.month}-01`,
          value: c.opportunityRate.rate,
          low: c.opportunityRate.low,
          high: c.opportunityRate.high,
        })),
      },
      caption: ctx.tr('trend.rateNote'),
    });
  }
  blocks.push({ kind: 'table', table });
  return { id: 'trend', title: ctx.tr('section.trend'), blocks };
}
