/**
 * A line over time with an interval band: brand lift (actual vs the counterfactual with its band)
 * and conversion rates over time (rate with its interval). The actual series is a solid line with
 * dots, the reference series dashed, the band light grey; each series is named at its last point,
 * so the chart reads without colour.
 */
import * as Plot from '@observablehq/plot';
import { type ChartBaseOptions, labelMargin, palette, renderPlot } from './svg.js';

export interface LineBandPoint {
  /** Calendar day YYYY-MM-DD (the start of the bucket). */
  date: string;
  /** The observed series (null where not observed). */
  value: number | null;
  /** The reference series, e.g. the counterfactual. */
  reference?: number | null;
  /** Band around the reference (or around the value when there is no reference). */
  low?: number | null;
  high?: number | null;
}

export interface LineBandOptions extends ChartBaseOptions {
  /** Formats y values. */
  format: (value: number) => string;
  /** Formats dates on the x axis. @default YYYY-MM */
  dateFormat?: (date: Date) => string;
  /** Names written at the end of the lines (grayscale legend). */
  valueLabel: string;
  referenceLabel?: string;
  /** A vertical rule, e.g. where the X activity started. */
  marker?: { date: string; label: string };
  /** @default 240 */
  height?: number;
  /** Start the y axis at zero. @default true */
  zero?: boolean;
}

export const lineBandDefaults = { height: 240, width: 680, zero: true } as const;

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const yearMonth = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;

/** @example lineBandChart(points, { id: 'lift', title: 'Branded search', format: String, valueLabel: 'actual' }) */
export function lineBandChart(points: readonly LineBandPoint[], options: LineBandOptions): string {
  const rows = points.map((p) => ({ ...p, t: day(p.date) }));
  const band = rows.filter((r) => r.low !== null && r.low !== undefined && r.high !== null && r.high !== undefined);
  const actual = rows.filter((r) => r.value !== null);
  const reference = rows.filter((r) => r.reference !== null && r.reference !== undefined);
  const last = <T>(xs: T[]) => (xs.length ? [xs[xs.length - 1] as T] : []);
  const marks: Plot.Markish[] = [
    Plot.areaY(band, { x: 't', y1: 'low', y2: 'high', fill: palette.band, fillOpacity: 0.8, curve: 'linear' }),
  ];
  if (options.marker) {
    const m = { t: day(options.marker.date), label: options.marker.label };
    marks.push(
      Plot.ruleX([m], { x: 't', stroke: palette.muted, strokeDasharray: '1,3', strokeWidth: 1.5 }),
      Plot.text([m], {
        x: 't',
        frameAnchor: 'top',
        text: 'label',
        textAnchor: 'start',
        dx: 4,
        dy: 2,
        fill: palette.ink,
      }),
    );
  }
  if (reference.length) {
    marks.push(
      Plot.line(reference, { x: 't', y: 'reference', stroke: palette.total, strokeDasharray: '5,4', strokeWidth: 1.5 }),
      Plot.text(last(reference), {
        x: 't',
        y: 'reference',
        text: () => options.referenceLabel ?? '',
        textAnchor: 'start',
        dx: 6,
        dy: 8,
        fill: palette.ink,
      }),
    );
  }
  marks.push(
    Plot.line(actual, { x: 't', y: 'value', stroke: palette.positive, strokeWidth: 2 }),
    // dots only while they stay distinguishable
    Plot.dot(actual.length <= 60 ? actual : [], { x: 't', y: 'value', fill: palette.positive, r: 2.2 }),
    Plot.text(last(actual), {
      x: 't',
      y: 'value',
      text: () => options.valueLabel,
      textAnchor: 'start',
      dx: 6,
      dy: -8,
      fill: palette.ink,
    }),
  );
  return renderPlot(
    {
      height: options.height ?? lineBandDefaults.height,
      marginLeft: 56,
      // room for the series names written at the end of the lines
      marginRight: labelMargin([options.valueLabel, options.referenceLabel ?? ''], 40, 220),
      marginTop: 20,
      x: { type: 'utc', tickFormat: options.dateFormat ?? yearMonth, ticks: 6, label: null },
      y: { zero: options.zero ?? lineBandDefaults.zero, tickFormat: options.format, grid: true, label: null, ticks: 5 },
      marks,
    },
    { ...options, width: options.width ?? lineBandDefaults.width },
  );
}
