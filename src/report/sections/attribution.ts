/**
 * Attribution models compared: X's share of conversions and credited value under every model,
 * the range across models, and the full channel × model table.
 */
import { isXChannel } from '../../model/types.js';
import type { Block, Section, Table } from '../spec.js';
import { type BuildContext, missingBlocks, missingSection } from './context.js';

/** Self-reported attribution beside the software's (DESIGN §6.6): what people say vs what was tracked. */
function selfReportBlocks(ctx: BuildContext): Block[] {
  const s = ctx.result.selfReport;
  if (!s) return [];
  if (s.missing) return [{ kind: 'missing', needs: [ctx.message(s.missing.code)] }];
  const label = (ch: string) => {
    const m = ctx.message(`selfReport.channel.${ch}`);
    return m.startsWith('selfReport.channel.') ? ctx.channel(ch) : m;
  };
  const table: Table = {
    id: 'self-reported',
    title: ctx.tr('self.title'),
    columns: [
      { key: 'channel', label: ctx.tr('self.channel'), type: 'text' },
      { key: 'selfReported', label: ctx.tr('self.selfReported'), type: 'integer' },
      { key: 'share', label: ctx.tr('self.share'), type: 'percent' },
      { key: 'tracked', label: ctx.tr('self.tracked'), type: 'integer' },
    ],
    rows: s.rows.map((r) => ({
      channel: label(r.channel),
      selfReported: r.selfReported,
      share: r.share,
      tracked: r.tracked,
    })),
  };
  const out: Block[] = [
    { kind: 'table', table },
    {
      kind: 'text',
      tone: 'note',
      text: ctx.tr('self.summary', {
        people: ctx.number(s.people),
        answered: ctx.number(s.answered),
        xNotTracked: s.xNotTracked,
        xTracked: s.xTracked,
      }),
    },
  ];
  if (s.unclassified.count > 0)
    out.push({ kind: 'text', tone: 'note', text: ctx.tr('self.unclassified', { count: s.unclassified.count }) });
  return out;
}

type ModelRun = NonNullable<BuildContext['result']['attribution']>['models'][number];

/**
 * Shapley and ordered Shapley give every channel the same total (the ordered variant only splits a
 * channel's credit over touch positions, docs/attribution.md): when both rows coincide, say why.
 */
function shapleyNote(ctx: BuildContext, models: readonly ModelRun[], label: (name: string) => string): Block[] {
  const plain = models.find((m) => m.model === 'shapley');
  const ordered = models.find((m) => m.model === 'shapley-ordered');
  if (!plain || !ordered) return [];
  // with nothing credited every model coincides: nothing to explain
  if (!plain.byChannel.some((c) => c.conversions > 0)) return [];
  const totals = (m: ModelRun) => new Map(m.byChannel.map((c) => [c.channel, c] as const));
  const a = totals(plain);
  const b = totals(ordered);
  const channels = new Set([...a.keys(), ...b.keys()]);
  const close = (x = 0, y = 0) => Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
  for (const ch of channels)
    if (!close(a.get(ch)?.conversions, b.get(ch)?.conversions) || !close(a.get(ch)?.value, b.get(ch)?.value)) return [];
  return [
    {
      kind: 'text',
      tone: 'note',
      text: ctx.tr('attribution.shapleyCoincide', { shapley: label('shapley'), ordered: label('shapley-ordered') }),
    },
  ];
}

export function attributionSection(ctx: BuildContext): Section {
  const a = ctx.result.attribution;
  if (!a) {
    const section = missingSection(ctx, 'attribution', ['attribution']);
    return { ...section, blocks: [...section.blocks, ...selfReportBlocks(ctx)] };
  }
  const modelLabel = (name: string) => {
    const label = ctx.message(`attribution.model.${name}`);
    return label.startsWith('attribution.model.') ? name : label;
  };
  const rows = a.models.map((m) => {
    const total = m.byChannel.reduce((s, c) => s + c.conversions, 0);
    const x = m.byChannel.filter((c) => isXChannel(c.channel));
    const xConv = x.reduce((s, c) => s + c.conversions, 0);
    return {
      name: m.model,
      label: modelLabel(m.model),
      kind: ctx.tr(`attribution.kind.${m.kind}`),
      share: a.xShare.byModel[m.model] ?? (total > 0 ? xConv / total : null),
      conversions: xConv,
      value: x.reduce((s, c) => s + c.value, 0),
      primary: m.model === a.primaryModel,
    };
  });
  const table: Table = {
    id: 'attribution-models',
    title: ctx.tr('section.attribution'),
    columns: [
      { key: 'model', label: ctx.tr('attribution.model'), type: 'text' },
      { key: 'kind', label: ctx.tr('attribution.kind'), type: 'text' },
      { key: 'share', label: ctx.tr('attribution.xShare'), type: 'percent' },
      { key: 'conversions', label: ctx.tr('attribution.conversions'), type: 'number', digits: 2 },
      { key: 'value', label: ctx.tr('attribution.xValue'), type: 'money' },
    ],
    rows: rows.map((r) => ({
      model: r.primary ? `${r.label} (${ctx.tr('attribution.primary')})` : r.label,
      kind: r.kind,
      share: r.share,
      conversions: r.conversions,
      value: r.value,
    })),
  };
  const byChannel: Table = {
    id: 'attribution-by-channel',
    title: ctx.tr('attribution.byChannelTitle'),
    columns: [
      { key: 'model', label: ctx.tr('attribution.model'), type: 'text' },
      ...a.channels.map((ch) => ({ key: `c:${ch}`, label: ctx.channel(ch), type: 'number' as const, digits: 2 })),
    ],
    rows: a.models.map((m) => {
      const row: Record<string, string | number | null> = { model: modelLabel(m.model) };
      for (const ch of a.channels) row[`c:${ch}`] = m.byChannel.find((c) => c.channel === ch)?.conversions ?? 0;
      return row;
    }),
  };
  const blocks: Block[] = [
    ...missingBlocks(ctx, ['attribution'], false),
    {
      kind: 'text',
      tone: 'note',
      text: ctx.tr('attribution.journeys', {
        total: ctx.number(a.journeys.total),
        converted: ctx.number(a.journeys.converted),
        touches: ctx.number(a.journeys.touches),
        level: ctx.tr(`attribution.level.${a.level}`),
        event: ctx.message(`attribution.event.${a.event}`).replace(/^attribution\.event\./, ''),
      }),
    },
    {
      kind: 'chart',
      chart: {
        kind: 'bar',
        id: 'chart-attribution',
        title: ctx.tr('attribution.xShare'),
        format: 'percent',
        data: rows.map((r) => ({ label: r.label, value: r.share ?? 0, highlight: r.primary })),
      },
      caption:
        a.xShare.min !== null && a.xShare.max !== null
          ? ctx.tr('attribution.range', { min: ctx.percent(a.xShare.min), max: ctx.percent(a.xShare.max) })
          : undefined,
    },
    { kind: 'table', table },
    ...shapleyNote(ctx, a.models, modelLabel),
    // without any channel the table would be a list of model names
    ...(a.channels.length > 0 ? [{ kind: 'table', table: byChannel } as const] : []),
    ...a.skipped.map((s): Block => ({
      kind: 'text',
      tone: 'note',
      text: ctx.tr('attribution.skipped', { model: modelLabel(s.model), reason: ctx.message(s.reason) }),
    })),
  ];
  blocks.push(...selfReportBlocks(ctx));
  return { id: 'attribution', title: ctx.tr('section.attribution'), blocks };
}
