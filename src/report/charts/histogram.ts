/**
 * The Monte Carlo distribution of true ROI as a histogram. Bins below zero (the program loses
 * money) are hatched, bins above are solid; a rule marks zero and, when given, the median and the
 * interval bounds are marked and labelled.
 */
import * as Plot from '@observablehq/plot';
import { type ChartBaseOptions, fillUrl, palette, renderPlot } from './svg.js';

export interface HistogramBin {
  x0: number;
  x1: number;
  count: number;
}

export interface HistogramMarker {
  x: number;
  label: string;
}

export interface HistogramOptions extends ChartBaseOptions {
  /** Formats x values (ROI as a percentage in the report). */
  format: (value: number) => string;
  /** Vertical markers such as the median and the 80 % interval. */
  markers?: readonly HistogramMarker[];
  /** @default 220 */
  height?: number;
}

export const histogramDefaults = { height: 220, width: 680 } as const;

/** @example histogramChart([{ x0: -1, x1: 0, count: 12 }, { x0: 0, x1: 1, count: 88 }], { id: 'h', title: 'ROI', format: String }) */
export function histogramChart(bins: readonly HistogramBin[], options: HistogramOptions): string {
  const rows = bins.map((b) => ({
    ...b,
    fill: (b.x0 + b.x1) / 2 < 0 ? fillUrl(options.id, 'hatch') : palette.positive,
  }));
  const maxCount = Math.max(1, ...bins.map((b) => b.count));
  const markers = (options.markers ?? []).map((m, i) => ({ ...m, y: maxCount * (1.12 + 0.1 * (i % 2)) }));
  return renderPlot(
    {
      height: options.height ?? histogramDefaults.height,
      marginLeft: 44,
      marginTop: 24,
      x: { tickFormat: options.format, ticks: 6, label: null },
      y: { domain: [0, maxCount * 1.3], grid: true, label: null, ticks: 4 },
      marks: [
        Plot.rectY(rows, {
          x1: 'x0',
          x2: 'x1',
          y: 'count',
          fill: 'fill',
          stroke: palette.ink,
          strokeWidth: 0.4,
          inset: 0.5,
        }),
        Plot.ruleY([0], { stroke: palette.ink }),
        Plot.ruleX([0], { stroke: palette.ink, strokeWidth: 1.5 }),
        Plot.ruleX(markers, { x: 'x', y1: 0, y2: 'y', stroke: palette.ink, strokeDasharray: '4,3' }),
        Plot.text(markers, {
          x: 'x',
          y: 'y',
          text: 'label',
          dy: -6,
          fill: palette.ink,
          stroke: '#ffffff',
          strokeWidth: 3,
          paintOrder: 'stroke',
        }),
      ],
    },
    { ...options, width: options.width ?? histogramDefaults.width },
  );
}
