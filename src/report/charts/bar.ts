/**
 * Horizontal bars with the value written beside each bar: cost breakdown, attribution models
 * compared, top posts. Highlighted bars are dark, the rest light with a dark outline; negative
 * values are hatched, so the chart reads in grayscale.
 */
import * as Plot from '@observablehq/plot';
import { type ChartBaseOptions, clipLabel, fillUrl, labelMargin, palette, renderPlot } from './svg.js';

export interface BarDatum {
  label: string;
  value: number;
  /** Drawn dark (e.g. the model the true ROI uses). */
  highlight?: boolean;
}

export interface BarOptions extends ChartBaseOptions {
  /** Formats values for the labels and the axis. */
  format: (value: number) => string;
  /** Height of one bar row in pixels. @default 26 */
  rowHeight?: number;
  /** Longest label in characters (CJK count double) before it is clipped with "…". @default 40 */
  maxLabel?: number;
}

export const barDefaults = { rowHeight: 26, maxLabel: 40, width: 680 } as const;

/** @example barChart([{ label: 'Ads', value: 1200 }], { id: 'cost', title: 'Cost', format: String }) */
export function barChart(data: readonly BarDatum[], options: BarOptions): string {
  const rowHeight = options.rowHeight ?? barDefaults.rowHeight;
  // labels must be unique on a band scale: number them
  const rows = data.map((d, i) => ({
    label: `${i + 1}. ${clipLabel(d.label, options.maxLabel ?? barDefaults.maxLabel)}`,
    value: d.value,
    text: options.format(d.value),
    fill: d.value < 0 ? fillUrl(options.id, 'hatch') : d.highlight ? palette.total : palette.light,
  }));
  const values = rows.map((r) => r.value);
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const pad = (hi - lo || 1) * 0.2;
  return renderPlot(
    {
      height: 36 + Math.max(1, rows.length) * rowHeight,
      marginLeft: labelMargin(rows.map((r) => r.label)),
      marginRight: 16,
      x: { domain: [lo - (lo < 0 ? pad : 0), hi + pad], tickFormat: options.format, ticks: 4, grid: true, label: null },
      y: { domain: rows.map((r) => r.label), label: null, padding: 0.2 },
      marks: [
        Plot.barX(rows, { y: 'label', x: 'value', fill: 'fill', stroke: palette.ink, strokeWidth: 0.6 }),
        Plot.ruleX([0], { stroke: palette.ink }),
        Plot.text(rows, {
          y: 'label',
          x: 'value',
          text: 'text',
          textAnchor: 'start',
          dx: 4,
          fill: palette.ink,
          filter: (r: { value: number }) => r.value >= 0,
        }),
        Plot.text(rows, {
          y: 'label',
          x: 'value',
          text: 'text',
          textAnchor: 'end',
          dx: -4,
          fill: palette.ink,
          filter: (r: { value: number }) => r.value < 0,
        }),
      ],
    },
    { ...options, width: options.width ?? barDefaults.width },
  );
}
