/**
 * One measured run for bench/ingest-1gb.ts, in its own process so that its peak RSS is its own:
 *   floor  FILE DBFILE  DuckDB's read_csv of the file into a table (auto-detected types)
 *   import FILE DBFILE  xroi's importFiles of the file into a fresh store
 * Prints one JSON line: {"seconds": …, "maxRssMB": …, "rows": …}.
 */
import { parseConfig } from '../../src/config/index.js';
import { importFiles } from '../../src/ingest/index.js';
import { Store } from '../../src/store/index.js';

const [mode, file, db] = process.argv.slice(2) as ['floor' | 'import', string, string];
const store = await Store.open(db);
const t0 = performance.now();
let rows = 0;
if (mode === 'floor') {
  await store.run(`CREATE TABLE floor AS SELECT * FROM read_csv('${file.replace(/'/g, "''")}', header = true)`);
  rows = Number(await store.scalar('SELECT count(*) FROM floor'));
} else {
  const r = await importFiles(store, [file], parseConfig({ privacy: { salt: 'bench' } }));
  rows = r.rowsStored;
}
const seconds = (performance.now() - t0) / 1000;
store.close();
process.stdout.write(`${JSON.stringify({ seconds, maxRssMB: process.resourceUsage().maxRSS / 1024, rows })}\n`);
