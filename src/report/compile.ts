/**
 * Result object → report, in named phases (after Vega-Lite's compile):
 *
 *   AnalysisResult ──1 normalize──► ReportSpec ──2 charts──► SVG by chart id ──3 assemble──► HTML
 *                     (sections,        (plain data,         (Observable Plot,        (escaped text,
 *                      labels, tables)   one language)         deterministic)           inline CSS)
 *
 * 1. normalize: each section builder (sections/*.ts) reads its part of the result and returns
 *    translated titles, formatted headline figures, exact tables and chart specs; a section whose
 *    data are missing says what to import (from result.dataQuality.missing).
 * 2. charts: every chart spec is drawn by its chart function (charts/*.ts) to an SVG string.
 * 3. assemble: blocks → HTML (html/render.ts) inside one self-contained document (html/document.ts).
 *
 * CSV and XLSX read the same spec's tables (`exportTables`: the headline summary, then every section
 * table), so every renderer shows the same numbers.
 */
import type { Locale } from '../messages/index.js';
import type { AnalysisResult } from '../model/result.js';
import { VERSION } from '../version.js';
import { barChart } from './charts/bar.js';
import { funnelChart } from './charts/funnel.js';
import { histogramChart } from './charts/histogram.js';
import { lineBandChart } from './charts/line-band.js';
import { tornadoChart } from './charts/tornado.js';
import { waterfallChart } from './charts/waterfall.js';
import { formatMoneyShort, formatNumber, formatPercent, NOT_AVAILABLE } from './format.js';
import { renderDocument } from './html/document.js';
import { reportTranslator, type Translate } from './messages/index.js';
import * as S from './sections/index.js';
import type { Block, ChartFormat, ChartSpec, ReportSpec, Section } from './spec.js';

export interface CompileOptions {
  /** Report language. @default the result's meta.locale, else 'ja' */
  lang?: Locale;
}

export interface Compiled {
  spec: ReportSpec;
  charts: Map<string, string>;
  html: string;
}

/** Phase 1: the result as a report spec in one language. */
export function normalize(result: AnalysisResult, options: CompileOptions = {}): ReportSpec {
  const lang = options.lang ?? result.meta.locale ?? 'ja';
  const ctx = S.buildContext(result, lang);
  const tr = reportTranslator(lang);
  const sections: Section[] = [
    S.headlineSection(ctx),
    S.bridgeSection(ctx),
    S.costSection(ctx),
    S.funnelSection(ctx),
    S.attributionSection(ctx),
    S.postsSection(ctx),
    S.liftSection(ctx),
    S.ltvSection(ctx),
    S.uncertaintySection(ctx),
    S.dealsSection(ctx),
    S.trendSection(ctx),
    S.assumptionsSection(ctx),
    S.qualitySection(ctx),
  ].map((s) => shortKpis(withoutEmptyCharts(s, tr)));
  return {
    lang,
    title: tr('doc.title'),
    subtitle: tr('doc.subtitle', {
      start: result.meta.period.start,
      end: result.meta.period.end,
      currency: result.meta.currency,
      version: result.generator.version,
    }),
    footer: tr('doc.footer', {
      version: result.generator.version ?? VERSION,
      schema: result.schemaVersion,
      seed: result.meta.seed,
    }),
    currency: result.meta.currency,
    sections,
    summary: S.summaryTable(ctx),
  };
}

/** True when a chart has nothing to show: no rows, or every value zero (an axis of ¥0 ¥0 ¥0). */
export function isEmptyChart(chart: ChartSpec): boolean {
  const none = (values: readonly (number | null | undefined)[]) => values.every((v) => !v);
  switch (chart.kind) {
    case 'waterfall':
      return none(chart.steps.flatMap((s) => [s.delta, s.total]));
    case 'bar':
      return none(chart.data.map((d) => d.value));
    case 'funnel':
      return none(chart.stages.map((s) => s.count));
    case 'lineBand':
      return chart.points.every((p) => p.value === null || p.value === undefined || !Number.isFinite(p.value));
    case 'histogram':
      return none(chart.bins.map((b) => b.count));
    case 'tornado':
      return chart.items.length === 0;
  }
}

/**
 * A chart with no data is not drawn: in its place a note says so and points to what to import
 * (the section's own "what to import" box when it has one, else the data-quality notes).
 */
function withoutEmptyCharts(section: Section, tr: Translate): Section {
  const hasMissing = (blocks: Block[]): boolean =>
    blocks.some((b) => b.kind === 'missing' || (b.kind === 'columns' && b.columns.some(hasMissing)));
  const key = hasMissing(section.blocks) ? 'chart.empty' : 'chart.emptySeeQuality';
  const replace = (blocks: Block[]): Block[] =>
    blocks.map((b): Block => {
      if (b.kind === 'chart' && isEmptyChart(b.chart))
        return { kind: 'text', tone: 'note', text: tr(key, { title: b.chart.title }) };
      if (b.kind === 'columns') return { kind: 'columns', columns: b.columns.map(replace) };
      return b;
    });
  return { ...section, blocks: replace(section.blocks) };
}

/** Longest KPI value drawn at headline size; longer text (a reason, not a figure) goes to the note. */
export const KPI_VALUE_MAX = 24;

/**
 * A KPI card's value is a figure: a sentence there ("no won deal in the period is credited to X")
 * would fill the card in headline type. Such a value becomes a dash, the sentence its small note.
 */
function shortKpis(section: Section): Section {
  const fix = (blocks: Block[]): Block[] =>
    blocks.map((b): Block => {
      if (b.kind === 'kpis')
        return {
          kind: 'kpis',
          items: b.items.map((k) =>
            [...k.value].length <= KPI_VALUE_MAX
              ? k
              : { ...k, value: NOT_AVAILABLE, note: [k.value, k.note].filter(Boolean).join('\n') },
          ),
        };
      if (b.kind === 'columns') return { kind: 'columns', columns: b.columns.map(fix) };
      return b;
    });
  return { ...section, blocks: fix(section.blocks) };
}

function formatter(format: ChartFormat, spec: ReportSpec): (v: number) => string {
  switch (format) {
    case 'moneyShort':
      return (v) => formatMoneyShort(v, spec.lang, spec.currency);
    case 'percent':
      return (v) => formatPercent(v);
    case 'ratePercent':
      return (v) => formatPercent(v, { digits: 0 });
    case 'count':
      return (v) => formatNumber(v);
    case 'correlation':
      return (v) => formatNumber(v, 2);
  }
}

/** Draw one chart spec. */
export function drawChart(chart: ChartSpec, spec: ReportSpec): string {
  const format = formatter(chart.format, spec);
  const base = { id: chart.id, title: chart.title, format };
  switch (chart.kind) {
    case 'waterfall':
      return waterfallChart(chart.steps, base);
    case 'bar':
      return barChart(chart.data, base);
    case 'funnel':
      return funnelChart(chart.stages, base);
    case 'lineBand':
      return lineBandChart(chart.points, {
        ...base,
        valueLabel: chart.valueLabel,
        ...(chart.referenceLabel !== undefined ? { referenceLabel: chart.referenceLabel } : {}),
        ...(chart.marker ? { marker: chart.marker } : {}),
        ...(chart.zero !== undefined ? { zero: chart.zero } : {}),
      });
    case 'histogram':
      return histogramChart(chart.bins, { ...base, markers: chart.markers });
    case 'tornado':
      return tornadoChart(chart.items, { ...base, base: chart.base });
  }
}

/** Phase 2: every chart of the spec as SVG, by chart id. */
export function renderCharts(spec: ReportSpec): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (blocks: Section['blocks']) => {
    for (const b of blocks) {
      if (b.kind === 'chart') {
        if (out.has(b.chart.id)) throw new Error(`duplicate chart id: ${b.chart.id}`);
        out.set(b.chart.id, drawChart(b.chart, spec));
      } else if (b.kind === 'columns') b.columns.forEach(visit);
    }
  };
  spec.sections.forEach((s) => visit(s.blocks));
  return out;
}

/** Phase 3: the self-contained HTML document. */
export function assemble(spec: ReportSpec, charts: Map<string, string>): string {
  return renderDocument(spec, { lang: spec.lang, currency: spec.currency, tr: reportTranslator(spec.lang), charts });
}

/** All three phases; returns the intermediate spec and charts as well as the HTML. */
export function compile(result: AnalysisResult, options: CompileOptions = {}): Compiled {
  const spec = normalize(result, options);
  const charts = renderCharts(spec);
  return { spec, charts, html: assemble(spec, charts) };
}
