/**
 * `xroi demo` end to end, by phase: generate the demo company, import its 10 files into a fresh
 * DuckDB store, run the analysis. The target is "seconds on 2 cores".
 * Baseline, measured in the same run: parsing every generated file with csv-parse (the least any
 * import has to do).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { parseConfig } from '../src/config/index.js';
import { demoConfigYaml, generateDemo, type DemoResult } from '../src/demo/index.js';
import { importFiles } from '../src/ingest/index.js';
import { analyze } from '../src/pipeline.js';
import { Store } from '../src/store/index.js';
import { parse as parseYaml } from 'yaml';

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const t0 = performance.now();
  const v = await fn();
  return [v, performance.now() - t0];
}

function parseAll(demo: DemoResult): number {
  let rows = 0;
  for (const f of demo.files) {
    const bytes = readFileSync(f.path);
    const text = (f.encoding === 'cp932' ? iconv.decode(bytes, 'cp932') : bytes.toString('utf8'))
      .replace(/^\uFEFF/, '')
      .replace(/^#.*\r?\n/gm, '');
    rows += (parse(text, { relax_column_count: true }) as unknown[]).length;
  }
  return rows;
}

export default async function run(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'xroi-bench-demo-'));
  try {
    const gen: number[] = [];
    let demo: DemoResult | undefined;
    for (let i = 0; i < 3; i++) {
      const [d, ms] = await timed(() => generateDemo({ outDir: join(dir, 'data'), seed: 42 }));
      demo = d;
      gen.push(ms);
    }
    if (!demo) return;
    const generate = gen.sort((a, b) => a - b)[1] as number;
    const [rows, baseline] = await timed(() => parseAll(demo));
    const config = parseConfig(parseYaml(demoConfigYaml(demo.truth)));
    const store = await Store.open(join(dir, 'demo.duckdb'));
    try {
      const [, importMs] = await timed(() =>
        importFiles(
          store,
          demo.files.map((f) => f.path),
          config,
        ),
      );
      const [, analyzeMs] = await timed(() => analyze(store, config));
      const total = generate + importMs + analyzeMs;
      const bytes = demo.files.reduce((s, f) => s + f.bytes, 0);
      console.log(`files: ${demo.files.length}, ${rows} rows, ${(bytes / 1048576).toFixed(1)} MiB`);
      console.log(`baseline csv-parse of every file: ${baseline.toFixed(0)} ms`);
      console.log(`generate (median of 3): ${generate.toFixed(0)} ms · ratio ${(generate / baseline).toFixed(1)}×`);
      console.log(`import into DuckDB: ${importMs.toFixed(0)} ms · ratio ${(importMs / baseline).toFixed(1)}×`);
      console.log(`analyze: ${analyzeMs.toFixed(0)} ms · ratio ${(analyzeMs / baseline).toFixed(1)}×`);
      console.log(`end to end: ${(total / 1000).toFixed(1)} s · ratio ${(total / baseline).toFixed(1)}×`);
    } finally {
      store.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
