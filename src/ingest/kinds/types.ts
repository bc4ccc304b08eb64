/**
 * What a kind of import is: its canonical fields (type + header aliases), the vendor presets that
 * identify it by header, and a `map` from one parsed row to rows of the canonical tables.
 */
import type { Config } from '../../config/index.js';
import type { TableName, TableRow } from '../tables.js';

export const KINDS = [
  'x-posts',
  'x-daily',
  'x-ads',
  'crm-deals',
  'crm-contacts',
  'touchpoints',
  'web-daily',
  'search-daily',
  'costs',
  'retention',
] as const;
export type Kind = (typeof KINDS)[number];

/**
 * Value types: `id` join key (refuses Excel's 1.2E+18), `text`, `count` whole non-negative number,
 * `number`, `money`, `ratio` (percent → fraction), `instant` (UTC), `date` (calendar day),
 * `bool`, `email`, `raw` (kept as text, parsed by the mapper), `first-id` (the first of a `;` list).
 */
export type FieldType =
  'first-id' | 'id' | 'text' | 'count' | 'number' | 'money' | 'ratio' | 'instant' | 'date' | 'bool' | 'email' | 'raw';

export interface FieldSpec {
  type: FieldType;
  /** Header names (compared after normalizeHeader) that fill this field, best first. */
  aliases: string[];
  required?: boolean;
}

/** A header entry that must be present: one name, or any of several. */
export type Signature = (string | string[])[];

export interface Preset {
  id: string;
  kind: Kind;
  /** Normalized header names that must all be present for this preset. */
  signature: Signature;
  /** Extra aliases for this vendor (tried before the kind's own). */
  fields?: Record<string, string[]>;
  /** Shown by `xroi inspect`. */
  description: string;
}

/** A column recognised by its pattern rather than a fixed name (stage-history dates). */
export interface DynamicColumn {
  index: number;
  group: 'deal_stage' | 'lifecycle';
  tag: string;
  type: FieldType;
}

export type Values = Record<string, unknown>;

export interface MapContext {
  config: Config;
  /** The row's 1-based line in the file. */
  line: number;
  values: Values;
  /** Dynamic column values parsed with their types. */
  dynamic: { col: DynamicColumn; value: unknown }[];
  emit<T extends TableName>(table: T, row: TableRow<T>): void;
  /** Record a problem with a field of this row (errors stop the import; warnings are counted). */
  issue(
    severity: 'error' | 'warning',
    code: string,
    field: string | null,
    value: string | undefined,
    params?: Record<string, string | number>,
  ): void;
  /** Raw text of a mapped field. */
  raw(field: string): string | undefined;
  /** Salted hash of an address (already validated and lower-cased). */
  hashEmail(email: string): string;
}

export interface KindSpec {
  kind: Kind;
  tables: TableName[];
  fields: Record<string, FieldSpec>;
  /** At least one field of each group must be mapped. */
  requireOneOf?: string[][];
  presets: Preset[];
  /** Columns recognised by pattern (normalized header → dynamic column), optional. */
  dynamic?: (normalizedHeader: string, original: string) => Omit<DynamicColumn, 'index'> | null;
  /** False when a row has no usable id at all (skipped with a counted warning). */
  hasId?: (raw: (field: string) => string | undefined) => boolean;
  map(ctx: MapContext): void;
}
