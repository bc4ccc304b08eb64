/**
 * The ROI bridge as a horizontal waterfall: each step is a bar from the running total before it
 * to the total after it; the first and last bars (totals) start at zero. Increases are solid,
 * decreases hatched, totals dark, and every bar carries its value as text, so the chart reads in
 * grayscale.
 */
import * as Plot from '@observablehq/plot';
import { type ChartBaseOptions, clipLabel, fillUrl, labelMargin, palette, renderPlot } from './svg.js';

export interface WaterfallStep {
  label: string;
  /** Change this step makes (for a total: the total itself). */
  delta: number;
  /** Running total after this step. */
  total: number;
  /** 'total' bars start at zero (the first and last bars of a bridge). */
  kind: 'total' | 'step';
}

export interface WaterfallOptions extends ChartBaseOptions {
  /** Formats values for the labels (the report passes the locale's short money format). */
  format: (value: number) => string;
  /** Height of one bar row in pixels. @default 30 */
  rowHeight?: number;
}

export const waterfallDefaults = { rowHeight: 30, width: 680 } as const;

/** @example waterfallChart(steps, { id: 'bridge', title: 'Return bridge', format: String }) */
export function waterfallChart(steps: readonly WaterfallStep[], options: WaterfallOptions): string {
  const rowHeight = options.rowHeight ?? waterfallDefaults.rowHeight;
  const rows = steps.map((s, i) => {
    const from = s.kind === 'total' ? 0 : s.total - s.delta;
    const label = `${i + 1}. ${clipLabel(s.label, 60)}`;
    const fill = s.kind === 'total' ? palette.total : s.delta < 0 ? fillUrl(options.id, 'hatch') : palette.positive;
    const value = s.kind === 'total' ? options.format(s.total) : `${s.delta < 0 ? '' : '+'}${options.format(s.delta)}`;
    return { label, from, to: s.total, fill, value, end: Math.max(from, s.total), start: Math.min(from, s.total) };
  });
  const labels = rows.map((r) => r.label);
  const links = rows.slice(0, -1).map((r, i) => ({ y1: r.label, y2: rows[i + 1]?.label ?? r.label, x: r.to }));
  const extent = rows.flatMap((r) => [r.from, r.to]);
  const lo = Math.min(0, ...extent);
  const hi = Math.max(0, ...extent);
  const pad = (hi - lo || 1) * 0.22;
  return renderPlot(
    {
      height: 36 + rows.length * rowHeight,
      marginLeft: labelMargin(labels),
      marginRight: 16,
      x: {
        domain: [lo - (lo < 0 ? pad * 0.4 : 0), hi + pad],
        tickFormat: options.format,
        ticks: 5,
        grid: true,
        label: null,
      },
      y: { domain: labels, label: null, padding: 0.25 },
      marks: [
        Plot.ruleX([0], { stroke: palette.ink }),
        Plot.barX(rows, { y: 'label', x1: 'from', x2: 'to', fill: 'fill', stroke: palette.ink, strokeWidth: 0.6 }),
        Plot.tickX(links, { x: 'x', y: 'y1', stroke: palette.muted, strokeDasharray: '2,2' }),
        Plot.text(rows, { y: 'label', x: 'end', text: 'value', textAnchor: 'start', dx: 4, fill: palette.ink }),
      ],
    },
    { ...options, width: options.width ?? waterfallDefaults.width },
  );
}
