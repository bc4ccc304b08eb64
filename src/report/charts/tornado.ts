/**
 * Tornado chart: for each input, the true ROI when the input is at the low end of its range and at
 * the high end, as two bars from the base ROI; the inputs that move ROI most sit on top. The low
 * end is hatched and the high end solid, and both ends are labelled with their values.
 */
import * as Plot from '@observablehq/plot';
import { type ChartBaseOptions, clipLabel, fillUrl, labelMargin, palette, renderPlot } from './svg.js';

export interface TornadoItem {
  label: string;
  /** Output (ROI) with the input at its low end. */
  low: number;
  /** Output (ROI) with the input at its high end. */
  high: number;
}

export interface TornadoOptions extends ChartBaseOptions {
  /** The output with every input at its point value. */
  base: number;
  /** Formats output values. */
  format: (value: number) => string;
  /** @default 28 */
  rowHeight?: number;
}

export const tornadoDefaults = { rowHeight: 28, width: 680 } as const;

/** @example tornadoChart([{ label: 'churn', low: 0.4, high: 1.9 }], { id: 't', title: 'Tornado', base: 1.1, format: String }) */
export function tornadoChart(items: readonly TornadoItem[], options: TornadoOptions): string {
  const rowHeight = options.rowHeight ?? tornadoDefaults.rowHeight;
  const sorted = [...items].sort(
    (a, b) => Math.abs(b.high - b.low) - Math.abs(a.high - a.low) || a.label.localeCompare(b.label),
  );
  const labels = sorted.map((d, i) => `${i + 1}. ${clipLabel(d.label, 36)}`);
  const bars = sorted.flatMap((d, i) => [
    { label: labels[i], from: options.base, to: d.low, fill: fillUrl(options.id, 'hatch'), end: 'low' },
    { label: labels[i], from: options.base, to: d.high, fill: palette.positive, end: 'high' },
  ]);
  const texts = bars.map((b) => ({
    ...b,
    text: options.format(b.to),
    anchor: b.to < options.base ? 'end' : 'start',
  }));
  const all = [options.base, ...bars.map((b) => b.to)];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const pad = (hi - lo || 1) * 0.25;
  return renderPlot(
    {
      height: 40 + Math.max(1, sorted.length) * rowHeight,
      marginLeft: labelMargin(labels),
      marginRight: 16,
      x: { domain: [lo - pad, hi + pad], tickFormat: options.format, ticks: 5, grid: true, label: null },
      y: { domain: labels, label: null, padding: 0.25 },
      marks: [
        Plot.barX(bars, { y: 'label', x1: 'from', x2: 'to', fill: 'fill', stroke: palette.ink, strokeWidth: 0.6 }),
        Plot.ruleX([options.base], { stroke: palette.ink, strokeWidth: 1.5 }),
        Plot.text(
          texts.filter((t) => t.anchor === 'start'),
          { y: 'label', x: 'to', text: 'text', textAnchor: 'start', dx: 4, fill: palette.ink },
        ),
        Plot.text(
          texts.filter((t) => t.anchor === 'end'),
          { y: 'label', x: 'to', text: 'text', textAnchor: 'end', dx: -4, fill: palette.ink },
        ),
      ],
    },
    { ...options, width: options.width ?? tornadoDefaults.width },
  );
}
