/**
 * Child process of the crash test: imports one file into a store file and reports progress on
 * stdout ("read <bytes>" lines, then "load"); the third argument picks the engine (js | duckdb) so the parent can kill it part-way.
 */
import { parseConfig } from '../../src/config/index.js';
import { importFiles } from '../../src/ingest/index.js';
import { Store } from '../../src/store/index.js';

const [storePath, file, engine] = process.argv.slice(2) as [string, string, 'js' | 'duckdb'];
const store = await Store.open(storePath);
const config = parseConfig({ privacy: { salt: 'crash' } });
await importFiles(store, [file], config, {
  engine,
  onProgress: (p) => process.stdout.write(p.phase === 'load' ? 'load\n' : `read ${p.bytes} ${p.totalBytes}\n`),
});
process.stdout.write('done\n');
store.close();
