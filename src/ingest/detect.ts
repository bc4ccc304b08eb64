/**
 * Kind detection by header (never by file name) and the column mapping: header names → the
 * canonical fields of a kind. Hand mappings (config `ingest.mappings` or `--map`) win over presets.
 */
import type { Config } from '../config/index.js';
import { KINDS, type DynamicColumn, type Kind, type KindSpec, type Preset, type Signature } from './kinds/types.js';
import { kindSpecs } from './kinds/registry.js';

/** Header text compared case-insensitively after NFKC, without quotes, BOM or a stray trailing backslash. */
export function normalizeHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .normalize('NFKC')
    .trim()
    .replace(/\\+$/, '')
    .replace(/^"+|"+$/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export interface Detection {
  kind: Kind;
  preset: string;
  presetDescription: string;
  /** Why this kind: the header names that matched the preset's signature. */
  matched: string[];
  /** Other candidates and their scores, best first. */
  candidates: { preset: string; kind: Kind; score: number }[];
}

export type DetectFailure = {
  reason: 'unknown' | 'paths';
  candidates: { preset: string; kind: Kind; score: number }[];
};

function signatureHits(sig: Signature, names: Set<string>): string[] | null {
  const hits: string[] = [];
  for (const entry of sig) {
    const alts = Array.isArray(entry) ? entry : [entry];
    const hit = alts.find((a) => names.has(a));
    if (!hit) return null;
    hits.push(hit);
  }
  return hits;
}

function fieldsMatched(spec: KindSpec, names: Set<string>): number {
  let n = 0;
  for (const f of Object.values(spec.fields)) if (f.aliases.some((a) => names.has(a))) n++;
  return n;
}

/** Is this the path data of `xroi attribution --paths` rather than an import kind? */
export function isPathsHeader(header: readonly string[]): boolean {
  const names = new Set(header.map(normalizeHeader));
  return names.has('path') && (names.has('total_conversions') || names.has('conversions') || names.has('total_null'));
}

/** Detect the kind of a file from its header row. */
export function detectKind(header: readonly string[], options: { kind?: Kind } = {}): Detection | DetectFailure {
  const names = new Set(header.map(normalizeHeader));
  const scored: { preset: Preset; score: number; hits: string[] }[] = [];
  for (const kind of KINDS) {
    if (options.kind && options.kind !== kind) continue;
    const spec = kindSpecs[kind];
    const fm = fieldsMatched(spec, names);
    for (const preset of spec.presets) {
      const hits = signatureHits(preset.signature, names);
      scored.push({ preset, score: hits ? 100 * hits.length + fm : fm, hits: hits ?? [] });
    }
  }
  scored.sort((a, b) => b.score - a.score);
  const candidates = scored.slice(0, 5).map((s) => ({ preset: s.preset.id, kind: s.preset.kind, score: s.score }));
  const best = scored.find((s) => s.hits.length > 0);
  if (best) {
    return {
      kind: best.preset.kind,
      preset: best.preset.id,
      presetDescription: best.preset.description,
      matched: best.hits,
      candidates,
    };
  }
  if (isPathsHeader(header)) return { reason: 'paths', candidates };
  if (options.kind) {
    const spec = kindSpecs[options.kind];
    const p = spec.presets[spec.presets.length - 1]!;
    return { kind: options.kind, preset: `${p.id}`, presetDescription: 'chosen with --kind', matched: [], candidates };
  }
  return { reason: 'unknown', candidates };
}

export function isDetection(d: Detection | DetectFailure): d is Detection {
  return 'kind' in d;
}

export interface Mapping {
  /** Canonical field → column index in the header. */
  fields: Record<string, number>;
  /** Where each mapping came from, for `xroi inspect`. */
  source: Record<string, 'preset' | 'alias' | 'config' | 'flag' | 'crm.sourceField'>;
  dynamic: DynamicColumn[];
  /** Required fields without a column. */
  missing: string[];
  /** Groups of which no field has a column. */
  missingOneOf: string[][];
  /** A hand mapping that names a header that is not in the file. */
  unknownHeaders: { field: string; header: string }[];
  /** A hand mapping for a field the kind does not have. */
  unknownFields: string[];
}

export interface MappingOptions {
  /** Hand mapping from config `ingest.mappings[kind]`. */
  config?: Record<string, string>;
  /** Hand mapping from `--map field=Header` (wins over config). */
  flags?: Record<string, string>;
}

/** Map the header of a file onto the canonical fields of a kind. */
export function resolveMapping(
  kind: Kind,
  presetId: string,
  header: readonly string[],
  config: Config,
  options: MappingOptions = {},
): Mapping {
  const spec = kindSpecs[kind];
  const preset = spec.presets.find((p) => p.id === presetId);
  const norm = header.map(normalizeHeader);
  const index = new Map<string, number>();
  norm.forEach((h, i) => {
    if (!index.has(h)) index.set(h, i);
  });
  const fields: Record<string, number> = {};
  const source: Mapping['source'] = {};
  const used = new Set<number>();
  const unknownHeaders: Mapping['unknownHeaders'] = [];
  const unknownFields: string[] = [];
  const hand: [Record<string, string> | undefined, 'config' | 'flag'][] = [
    [options.flags, 'flag'],
    [options.config, 'config'],
  ];
  for (const [map, src] of hand) {
    for (const [field, h] of Object.entries(map ?? {})) {
      if (!(field in spec.fields)) {
        unknownFields.push(field);
        continue;
      }
      if (field in fields) continue;
      const i = index.get(normalizeHeader(h));
      if (i === undefined) unknownHeaders.push({ field, header: h });
      else {
        fields[field] = i;
        source[field] = src;
        used.add(i);
      }
    }
  }
  const sourceField = config.crm.sourceField;
  if (sourceField && 'custom_source' in spec.fields && !('custom_source' in fields)) {
    const i = index.get(normalizeHeader(sourceField));
    if (i !== undefined) {
      fields.custom_source = i;
      source.custom_source = 'crm.sourceField';
      used.add(i);
    }
  }
  for (const [field, f] of Object.entries(spec.fields)) {
    if (field in fields) continue;
    const presetAliases = preset?.fields?.[field] ?? [];
    for (const a of [...presetAliases, ...f.aliases, field]) {
      const i = index.get(a);
      if (i !== undefined && !used.has(i)) {
        fields[field] = i;
        source[field] = presetAliases.includes(a) ? 'preset' : 'alias';
        used.add(i);
        break;
      }
    }
  }
  const dynamic: DynamicColumn[] = [];
  if (spec.dynamic) {
    norm.forEach((h, i) => {
      if (used.has(i)) return;
      const d = spec.dynamic!(h, header[i]!);
      if (d) dynamic.push({ ...d, index: i });
    });
  }
  const missing = Object.entries(spec.fields)
    .filter(([name, f]) => f.required && !(name in fields))
    .map(([name]) => name);
  const missingOneOf = (spec.requireOneOf ?? []).filter((g) => !g.some((f) => f in fields));
  return { fields, source, dynamic, missing, missingOneOf, unknownHeaders, unknownFields };
}
