/**
 * The funnel as centred horizontal bars, widest at the top, each labelled (right of the bar) with
 * its count and the conversion rate from the stage above; text carries the numbers, so the chart
 * reads in grayscale.
 */
import * as Plot from '@observablehq/plot';
import { type ChartBaseOptions, labelMargin, palette, renderPlot } from './svg.js';

export interface FunnelStage {
  label: string;
  count: number;
  /** Text shown after the count, e.g. "→ 24% (18–31%)"; empty for the first stage. */
  note?: string;
}

export interface FunnelOptions extends ChartBaseOptions {
  /** Formats counts. */
  format: (value: number) => string;
  /** @default 34 */
  rowHeight?: number;
}

export const funnelDefaults = { rowHeight: 34, width: 680 } as const;

/** @example funnelChart([{ label: 'Leads', count: 120 }, { label: 'Won', count: 9 }], { id: 'f', title: 'Funnel', format: String }) */
export function funnelChart(stages: readonly FunnelStage[], options: FunnelOptions): string {
  const rowHeight = options.rowHeight ?? funnelDefaults.rowHeight;
  const max = Math.max(1, ...stages.map((s) => s.count));
  const rows = stages.map((s, i) => ({
    label: `${i + 1}. ${s.label}`,
    x1: (max - s.count) / 2,
    x2: (max + s.count) / 2,
    text: `${options.format(s.count)}${s.note ? `  ${s.note}` : ''}`,
    fill: i === stages.length - 1 ? palette.total : palette.positive,
  }));
  return renderPlot(
    {
      height: 16 + Math.max(1, rows.length) * rowHeight,
      marginLeft: labelMargin(rows.map((r) => r.label)),
      marginRight: 170,
      x: { domain: [0, max], axis: null },
      y: { domain: rows.map((r) => r.label), label: null, padding: 0.12 },
      marks: [
        Plot.barX(rows, { y: 'label', x1: 'x1', x2: 'x2', fill: 'fill' }),
        // the count and rate sit right of the bar, so thin bars stay legible
        Plot.text(rows, { y: 'label', x: 'x2', text: 'text', textAnchor: 'start', dx: 6, fill: palette.ink }),
      ],
    },
    { ...options, width: options.width ?? funnelDefaults.width },
  );
}
