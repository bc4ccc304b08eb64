/**
 * Test helper: a small in-memory store filled from plain objects, one array per canonical table.
 * Used by the engagement and funnel tests (hand-built stores with a known answer).
 */
import { Store } from '../../store/index.js';
import { makePeriod } from '../period.js';
import type { Period } from '../types.js';

export type Rows = Record<string, Record<string, unknown>[]>;

/** Create an in-memory store and insert the rows (columns taken from each table's first row). */
export async function storeWith(tables: Rows): Promise<Store> {
  const store = await Store.memory();
  for (const [table, rows] of Object.entries(tables)) {
    if (rows.length === 0) continue;
    const cols = [...new Set(rows.flatMap((r) => Object.keys(r))), 'import_id'];
    await store.append(
      table,
      cols,
      rows.map((r) => cols.map((c) => (c === 'import_id' ? 1 : (r[c] ?? null)))),
    );
  }
  return store;
}

/** The analysis period of inclusive days start..end in `timeZone` (the pipeline's own makePeriod). */
export const periodOf: (start: string, end: string, timeZone: string) => Period = makePeriod;
