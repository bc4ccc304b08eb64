/**
 * Which stored data fall inside the analysis period. Data that exist but lie wholly outside it
 * would otherwise look like missing data ("no touchpoints"), so the report says where they are.
 */
import type { Issue } from '../issues.js';
import { catalogIssue } from './issue.js';
import type { Locale } from '../messages/index.js';
import type { Store } from '../store/index.js';
import type { Period } from './types.js';

/** Dated tables, with the import kind users know them by (the notes name the kind, not the table). */
const DATED: { table: string; kind: string; column: string; timestamp: boolean }[] = [
  { table: 'touchpoints', kind: 'touchpoints', column: 'occurred_at', timestamp: true },
  { table: 'deals', kind: 'crm-deals', column: 'created_at', timestamp: true },
  { table: 'posts', kind: 'x-posts', column: 'posted_at', timestamp: true },
  { table: 'costs', kind: 'costs', column: 'date', timestamp: false },
  { table: 'ad_daily', kind: 'x-ads', column: 'date', timestamp: false },
  { table: 'web_daily', kind: 'web-daily', column: 'date', timestamp: false },
  { table: 'search_daily', kind: 'search-daily', column: 'date', timestamp: false },
  { table: 'x_daily', kind: 'x-daily', column: 'date', timestamp: false },
];

export interface TableCoverage {
  table: string;
  rows: number;
  inPeriod: number;
  first: string | null;
  last: string | null;
}

export async function periodCoverage(store: Store, period: Period): Promise<TableCoverage[]> {
  const parts = DATED.map(({ table, column, timestamp }) => {
    const inside = timestamp
      ? `${column} >= epoch_ms(CAST(${period.startMs} AS BIGINT)) AND ${column} < epoch_ms(CAST(${period.endMs} AS BIGINT))`
      : `${column} BETWEEN DATE '${period.start}' AND DATE '${period.end}'`;
    return `SELECT '${table}' AS t, count(*) AS n, count(*) FILTER (WHERE ${inside}) AS inside,
      min(${column})::DATE::VARCHAR AS first, max(${column})::DATE::VARCHAR AS last FROM ${table}`;
  });
  const rows = await store.query<{ t: string; n: number; inside: number; first: string | null; last: string | null }>(
    parts.join(' UNION ALL '),
  );
  return rows.map((r) => ({ table: r.t, rows: r.n, inPeriod: r.inside, first: r.first, last: r.last }));
}

/** A warning for every table whose rows all lie outside the period (or have no date at all). */
export function outOfPeriodIssues(coverage: TableCoverage[], period: Period, locale: Locale = 'en'): Issue[] {
  return coverage
    .filter((c) => c.rows > 0 && c.inPeriod === 0)
    .map((c) => {
      const code = c.first === null ? 'table_undated' : 'table_outside_period';
      const kind = DATED.find((d) => d.table === c.table)?.kind ?? c.table;
      const params = {
        rows: c.rows,
        table: kind,
        first: c.first ?? '',
        last: c.last ?? '',
        start: period.start,
        end: period.end,
      };
      return catalogIssue(locale, 'warning', code, params);
    });
}
