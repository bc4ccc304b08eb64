/**
 * Server-side SVG from Observable Plot, made deterministic and self-contained:
 * Plot renders into a jsdom document; the markup is then post-processed so that the same input
 * gives the same bytes on every machine (coordinates rounded to 2 decimals, Plot's global id
 * counters replaced by ids derived from the chart id), the font stack has Japanese fallbacks, and
 * grayscale patterns are defined inside the SVG itself.
 */
import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import { escapeHtml } from '../safe.js';

/** System fonts only (the report must open offline), with Japanese fallbacks. */
export const FONT_STACK =
  "system-ui, -apple-system, 'Segoe UI', 'Noto Sans CJK JP', 'Noto Sans JP', 'Hiragino Sans', 'Hiragino Kaku Gothic ProN', 'Yu Gothic', Meiryo, sans-serif, 'Noto Color Emoji', 'Apple Color Emoji', 'Segoe UI Emoji'";

/**
 * Fills readable without colour: solid dark, solid mid-grey, light, and two hatches. Each colour
 * has a distinct luminance, and negative values always use a pattern.
 */
export const palette = {
  ink: '#1d1d1f',
  positive: '#2b5c8a',
  total: '#3a3a3c',
  light: '#b9c7d6',
  muted: '#8e8e93',
  band: '#c9d3de',
  negativeLine: '#a2412b',
} as const;

/** Names of the patterns every chart defines; use `fillUrl(id, name)` to reference one. */
export type PatternName = 'hatch' | 'dots';

/** The `fill` value that references one of the chart's own patterns. */
export function fillUrl(chartId: string, name: PatternName): string {
  return `url(#${chartId}-${name})`;
}

function patternDefs(chartId: string): string {
  return (
    `<defs>` +
    `<pattern id="${chartId}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
    `<rect width="6" height="6" fill="#ffffff"></rect><rect width="2.5" height="6" fill="${palette.negativeLine}"></rect></pattern>` +
    `<pattern id="${chartId}-dots" width="5" height="5" patternUnits="userSpaceOnUse">` +
    `<rect width="5" height="5" fill="#ffffff"></rect><circle cx="2.5" cy="2.5" r="1.2" fill="${palette.total}"></circle></pattern>` +
    `</defs>`
  );
}

let dom: JSDOM | undefined;
/** One jsdom document for all charts (creating one costs tens of milliseconds). */
function plotDocument(): Document {
  dom ??= new JSDOM('<!DOCTYPE html><html><body></body></html>');
  return dom.window.document;
}

/** Options shared by every chart function. */
export interface ChartBaseOptions {
  /** Unique id within the report; prefixes every id inside the SVG. Letters, digits and dashes. */
  id: string;
  /** Accessible title of the chart (also the SVG's <title>). */
  title: string;
  /** Width in CSS pixels. */
  width?: number;
}

const roundedAttributes = /\b(d|x|y|x1|x2|y1|y2|cx|cy|r|width|height|transform|points|viewBox)="([^"]*)"/g;

/** Round every decimal number in a coordinate attribute to at most 2 decimals. */
function roundCoordinates(svg: string): string {
  return svg.replace(
    roundedAttributes,
    (_m, name: string, value: string) =>
      `${name}="${value.replace(/-?\d*\.\d+(?:e-?\d+)?/g, (n) => {
        const r = Math.round(Number(n) * 100) / 100;
        return String(Object.is(r, -0) ? 0 : r);
      })}"`,
  );
}

/** Replace Plot's global-counter ids (plot-clip-3, …) by ids derived from the chart id. */
function renumberIds(svg: string, chartId: string): string {
  const ids = [...svg.matchAll(/\bid="(plot-[a-z]+-\d+)"/g)].map((m) => m[1] as string);
  let out = svg;
  ids.forEach((old, i) => {
    out = out.split(`"${old}"`).join(`"${chartId}-p${i}"`).split(`#${old})`).join(`#${chartId}-p${i})`);
  });
  return out;
}

/**
 * Render Plot options to a deterministic, self-contained SVG string.
 * @param options Plot options (document, width and font are set here)
 */
export function renderPlot(options: Plot.PlotOptions, base: ChartBaseOptions): string {
  if (!/^[a-z][a-z0-9-]*$/.test(base.id)) throw new Error(`invalid chart id: ${base.id}`);
  const node = Plot.plot({
    ...options,
    document: plotDocument(),
    width: base.width ?? options.width ?? 640,
    ariaLabel: base.title,
    style: { fontSize: '11px', background: '#ffffff', color: palette.ink },
  }) as unknown as Element;
  node.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  node.setAttribute('role', 'img');
  node.setAttribute('id', base.id);
  let svg = node.outerHTML;
  svg = svg.replace(/font-family="[^"]*"/, `font-family="${FONT_STACK}"`);
  // <title> first, then our pattern definitions, then Plot's marks
  svg = svg.replace(/^(<svg[^>]*>)/, `$1<title>${escapeHtml(base.title)}</title>${patternDefs(base.id)}`);
  svg = renumberIds(svg, base.id);
  svg = roundCoordinates(svg);
  return svg;
}

/**
 * Left margin wide enough for the longest label, assuming ~11 px per CJK character and ~6.5 px
 * per Latin one at the chart font size (Plot does not measure text).
 */
export function labelMargin(labels: readonly string[], min = 40, max = 380): number {
  const width = (s: string) => [...s].reduce((w, c) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 11 : 6.5), 0);
  const widest = labels.reduce((m, l) => Math.max(m, width(l)), 0);
  return Math.round(Math.min(max, Math.max(min, widest + 14)));
}

/** Shorten a label to at most `max` characters (CJK counting double), ending with "…". */
export function clipLabel(label: string, max = 40): string {
  let n = 0;
  let out = '';
  for (const c of label) {
    n += /[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1;
    if (n > max) return `${out}…`;
    out += c;
  }
  return out;
}
