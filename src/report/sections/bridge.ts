/** The return and cost bridges as waterfalls, with the exact steps as a table. */
import type { BridgeStep } from '../../model/roi/types.js';
import type { WaterfallStep } from '../charts/waterfall.js';
import type { Block, Section, Table } from '../spec.js';
import type { BuildContext } from './context.js';

function waterfallSteps(ctx: BuildContext, steps: BridgeStep[], endKey: string): WaterfallStep[] {
  const out: WaterfallStep[] = steps.map((s, i) => ({
    label: ctx.message(`bridge.${s.key}`),
    delta: s.delta,
    total: s.total,
    kind: i === 0 ? 'total' : 'step',
  }));
  const last = steps[steps.length - 1];
  if (last) out.push({ label: ctx.message(`bridge.${endKey}`), delta: last.total, total: last.total, kind: 'total' });
  return out;
}

export function bridgeSection(ctx: BuildContext): Section {
  const { roi } = ctx.result;
  const table: Table = {
    id: 'bridge',
    title: ctx.tr('section.bridge'),
    columns: [
      { key: 'bridge', label: ctx.tr('bridge.kind'), type: 'text' },
      { key: 'step', label: ctx.tr('bridge.step'), type: 'text' },
      { key: 'delta', label: ctx.tr('bridge.delta'), type: 'money' },
      { key: 'total', label: ctx.tr('bridge.total'), type: 'money' },
    ],
    rows: [
      ...roi.returnBridge.map((s) => ({
        bridge: ctx.tr('bridge.kindReturn'),
        step: ctx.message(`bridge.${s.key}`),
        delta: s.delta,
        total: s.total,
      })),
      ...roi.costBridge.map((s) => ({
        bridge: ctx.tr('bridge.kindCost'),
        step: ctx.message(`bridge.${s.key}`),
        delta: s.delta,
        total: s.total,
      })),
    ],
  };
  const blocks: Block[] = [];
  if (roi.returnBridge.length) {
    blocks.push({
      kind: 'chart',
      chart: {
        kind: 'waterfall',
        id: 'chart-return-bridge',
        title: ctx.tr('bridge.returnTitle'),
        format: 'moneyShort',
        steps: waterfallSteps(ctx, roi.returnBridge, 'true_return'),
      },
    });
  }
  if (roi.costBridge.length) {
    blocks.push({
      kind: 'chart',
      chart: {
        kind: 'waterfall',
        id: 'chart-cost-bridge',
        title: ctx.tr('bridge.costTitle'),
        format: 'moneyShort',
        steps: waterfallSteps(ctx, roi.costBridge, 'full_cost'),
      },
    });
  }
  blocks.push({ kind: 'table', table });
  return { id: 'bridge', title: ctx.tr('section.bridge'), blocks };
}
