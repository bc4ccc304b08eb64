/**
 * The declarative report spec: what `compile()`'s first phase makes from the result object and
 * every later phase reads. It is plain data in one language (labels already translated, headline
 * figures already formatted), so the HTML, CSV and XLSX renderers share one source of tables and
 * the same input always gives the same report.
 */
import type { Locale } from '../messages/index.js';
import type { BarDatum } from './charts/bar.js';
import type { FunnelStage } from './charts/funnel.js';
import type { HistogramBin, HistogramMarker } from './charts/histogram.js';
import type { LineBandPoint } from './charts/line-band.js';
import type { TornadoItem } from './charts/tornado.js';
import type { WaterfallStep } from './charts/waterfall.js';

/** Section ids, in report order. Also the anchors in the HTML (#section-<id>). */
export const SECTION_IDS = [
  'headline',
  'bridge',
  'cost',
  'funnel',
  'attribution',
  'posts',
  'lift',
  'ltv',
  'uncertainty',
  'deals',
  'trend',
  'assumptions',
  'quality',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** How a table column's raw values are formatted (exactly, in tables) and typed (in XLSX). */
export type ColumnType = 'text' | 'money' | 'integer' | 'number' | 'percent' | 'multiple' | 'months' | 'date';

export interface Column {
  key: string;
  label: string;
  type: ColumnType;
  /** decimals for 'number', 'percent' and 'months' (default: 0 for number, 1 for percent and months) */
  digits?: number;
}

/** A number whose format differs from its column's (e.g. a metrics table mixing money and ratios). */
export interface TypedCell {
  typed: number | null;
  type: ColumnType;
  digits?: number;
}

export type CellValue = string | number | null | TypedCell;

export interface Table {
  /** file-name-safe id, unique in the report (CSV file name, XLSX sheet key) */
  id: string;
  title: string;
  columns: Column[];
  rows: Record<string, CellValue>[];
  /** rows shown in the HTML (the rest are in CSV/XLSX); default all */
  htmlLimit?: number;
}

/** Names of the number formats chart labels can use (resolved to functions when charts are drawn). */
export type ChartFormat = 'moneyShort' | 'percent' | 'count' | 'ratePercent' | 'correlation';

export type ChartSpec =
  | { kind: 'waterfall'; id: string; title: string; format: ChartFormat; steps: WaterfallStep[] }
  | { kind: 'bar'; id: string; title: string; format: ChartFormat; data: BarDatum[] }
  | { kind: 'funnel'; id: string; title: string; format: ChartFormat; stages: FunnelStage[] }
  | {
      kind: 'lineBand';
      id: string;
      title: string;
      format: ChartFormat;
      points: LineBandPoint[];
      valueLabel: string;
      referenceLabel?: string;
      marker?: { date: string; label: string };
      zero?: boolean;
    }
  | {
      kind: 'histogram';
      id: string;
      title: string;
      format: ChartFormat;
      bins: HistogramBin[];
      markers: HistogramMarker[];
    }
  | { kind: 'tornado'; id: string; title: string; format: ChartFormat; base: number; items: TornadoItem[] };

export interface Kpi {
  label: string;
  /** formatted headline value */
  value: string;
  note?: string;
  /** visual emphasis: negative values get a pattern border, not only a colour */
  tone?: 'positive' | 'negative' | 'neutral';
  /** larger type (the two ROIs) */
  big?: boolean;
}

export interface JourneyStep {
  /** YYYY-MM-DD */
  date: string;
  /** translated channel label */
  channel: string;
  /** what happened (post text, touch kind, stage), from input data: escaped when rendered */
  detail: string;
  /** a milestone marker such as "lead", "opportunity", "won" (translated) */
  milestone?: string;
  /** an X touch (drawn in bold with an "X" badge, not by colour alone) */
  x?: boolean;
}

export interface DealStory {
  title: string;
  /** formatted figures shown beside the title */
  facts: { label: string; value: string }[];
  steps: JourneyStep[];
  summary?: string;
}

export type Block =
  | { kind: 'kpis'; items: Kpi[] }
  | { kind: 'text'; text: string; tone?: 'note' | 'verdict-positive' | 'verdict-negative' | 'verdict-unsure' }
  | { kind: 'table'; table: Table }
  | { kind: 'chart'; chart: ChartSpec; caption?: string }
  | { kind: 'stories'; stories: DealStory[] }
  | { kind: 'columns'; columns: Block[][] }
  | { kind: 'missing'; needs: string[] };

export interface Section {
  id: SectionId;
  title: string;
  blocks: Block[];
}

export interface ReportSpec {
  lang: Locale;
  title: string;
  subtitle: string;
  footer: string;
  currency: string;
  sections: Section[];
  /**
   * The headline figures as a table (both ROIs, return, cost, interval, P(ROI > 0), period,
   * currency): the first table of the CSV and XLSX exports, not drawn in the HTML (the headline
   * cards show it there).
   */
  summary?: Table;
}

/** Every table of the report sections, in report order. */
export function specTables(spec: ReportSpec): Table[] {
  const out: Table[] = [];
  const walk = (blocks: Block[]) => {
    for (const b of blocks) {
      if (b.kind === 'table') out.push(b.table);
      else if (b.kind === 'columns') b.columns.forEach(walk);
    }
  };
  spec.sections.forEach((s) => walk(s.blocks));
  return out;
}

/**
 * What CSV and XLSX export: the summary table first, then every section table in report order.
 * Table ids are unique (they name the CSV files and XLSX sheets); a duplicate is a bug.
 */
export function exportTables(spec: ReportSpec): Table[] {
  const tables = [...(spec.summary ? [spec.summary] : []), ...specTables(spec)];
  const seen = new Set<string>();
  for (const t of tables) {
    if (seen.has(t.id)) throw new Error(`duplicate report table id: ${t.id}`);
    seen.add(t.id);
  }
  return tables;
}
