/**
 * `inspectFile`: what xroi sees in a file and why — encoding, delimiter, header row, kind and
 * preset, the column mapping and a few sample rows (e-mail addresses masked) — without storing
 * anything. Problems that would stop an import are returned as issues instead of thrown.
 */
import { basename } from 'node:path';
import { parse as parseSync } from 'csv-parse/sync';
import type { Config } from '../config/index.js';
import { ImportError } from '../errors.js';
import type { Issue } from '../issues.js';
import { prepare, type ReadOptions, type Source } from './read.js';

export interface InspectResult {
  file: string;
  ok: boolean;
  encoding?: string;
  encodingReason?: string;
  delimiter?: string;
  headerLine?: number;
  header?: string[];
  kind?: string;
  preset?: string;
  presetDescription?: string;
  /** Header names that identified the preset. */
  matched?: string[];
  candidates?: { preset: string; kind: string; score: number }[];
  mapping?: { field: string; column: number; header: string; from: string }[];
  /** Stage-history columns recognised by pattern. */
  dynamic?: { column: number; header: string; group: string; tag: string }[];
  unmapped?: string[];
  samples?: Record<string, string>[];
  issues: Issue[];
}

const EMAIL = /[^\s@,;"]+@[^\s@,;"]+\.[a-z]{2,}/gi;

/** Replace e-mail addresses by a masked form (a***@example.com). */
export function maskEmails(s: string): string {
  return s.replace(EMAIL, (m) => `${m[0]}***@${m.split('@')[1]}`);
}

export function inspectFile(
  input: string | Source,
  config: Config,
  options: ReadOptions & { samples?: number } = {},
): InspectResult {
  const source: Source = typeof input === 'string' ? { path: input, name: basename(input) } : input;
  try {
    const p = prepare(source, config, options);
    const header = p.sniffed.header;
    const mapped = new Set(Object.values(p.mapping.fields));
    for (const d of p.mapping.dynamic) mapped.add(d.index);
    const lines = p.headText
      .split(/\r\n|\n|\r/)
      .slice(p.sniffed.headerLine - 1)
      .join('\n');
    let rows: string[][] = [];
    try {
      rows = (
        parseSync(lines, {
          delimiter: p.sniffed.delimiter,
          relax_column_count: true,
          relax_quotes: true,
          skip_empty_lines: true,
          to_line: 200,
        }) as string[][]
      ).slice(1, 1 + (options.samples ?? 5));
    } catch {
      rows = [];
    }
    return {
      file: source.name,
      ok: true,
      encoding: p.encoding.encoding + (p.encoding.bom ? ' (BOM)' : ''),
      encodingReason: p.encoding.reason,
      delimiter: p.sniffed.delimiter,
      headerLine: p.sniffed.headerLine,
      header,
      kind: p.detection.kind,
      preset: p.detection.preset,
      presetDescription: p.detection.presetDescription,
      matched: p.detection.matched,
      candidates: p.detection.candidates,
      mapping: Object.entries(p.mapping.fields).map(([field, i]) => ({
        field,
        column: i + 1,
        header: header[i] ?? '',
        from: p.mapping.source[field] ?? 'alias',
      })),
      dynamic: p.mapping.dynamic.map((d) => ({
        column: d.index + 1,
        header: header[d.index] ?? '',
        group: d.group,
        tag: d.tag,
      })),
      unmapped: header.filter((_, i) => !mapped.has(i)),
      samples: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, maskEmails(r[i] ?? '')]))),
      issues: [],
    };
  } catch (e) {
    if (e instanceof ImportError) return { file: source.name, ok: false, issues: e.issues };
    throw e;
  }
}
