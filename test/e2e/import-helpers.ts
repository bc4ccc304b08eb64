/** Helpers for import tests: a store snapshot (row counts of every canonical table + ledger). */
import type { Store } from '../../src/store/index.js';
import { TABLES } from '../../src/ingest/tables.js';

export async function snapshot(store: Store): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const t of [...Object.keys(TABLES), 'accounts']) out[t] = await store.scalar(`SELECT count(*) FROM ${t}`);
  out.imports = await store.query('SELECT import_id, file_hash, rows_stored FROM imports ORDER BY import_id');
  out.checksum = await store.scalar(
    "SELECT coalesce(sum(hash(post_id || coalesce(impressions::VARCHAR, ''))), 0)::VARCHAR FROM posts",
  );
  return out;
}

export const REAL = new URL('../../../shared/data/real/', import.meta.url);
