/**
 * `generateDemo()`: simulate the demo company, write its exports in the layouts users have, and
 * write the planted truth beside them (truth.json, TRUTH.md).
 *
 *   simulate (world.ts) → derive daily series and costs (series.ts) → files (files.ts)
 *                       → truth (truth.ts, truth-md.ts, truth-files.ts: truth/contacts.csv, truth/deals.csv)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildFiles, type DemoFileKind } from './files.js';
import { deriveSeries } from './series.js';
import { computeTruth, type DemoTruth } from './truth.js';
import { buildTruthFiles } from './truth-files.js';
import { renderTruthMarkdown } from './truth-md.js';
import { SIMULATION_DEFAULTS, simulateWorld } from './world.js';

export interface DemoOptions {
  /** folder to write into (created when missing) */
  outDir: string;
  /** random seed; the same seed writes byte-identical files. Default 42. */
  seed?: number;
  /** months of marketing data, at least 12. Default 18. */
  months?: number;
  /** multiplies lead volumes; 1 = the full demo (a few thousand contacts). Default 1. */
  scale?: number;
  /** last day of the data (YYYY-MM-DD). Default 2026-09-30: fixed, never "today". */
  end?: string;
  /** months of CRM history before the data (deals and renewals only). Default 36. */
  historyMonths?: number;
}

export interface DemoFileInfo {
  name: string;
  path: string;
  kind: DemoFileKind;
  encoding: string;
  rows: number;
  bytes: number;
}

export interface DemoResult {
  outDir: string;
  /** the data files, in import order */
  files: DemoFileInfo[];
  truth: DemoTruth;
}

export const DEMO_DEFAULTS = {
  seed: 42,
  months: SIMULATION_DEFAULTS.months,
  scale: 1,
  end: SIMULATION_DEFAULTS.end,
} as const;

/**
 * Generate the demo company into `outDir`.
 *
 * @example
 * const { files, truth } = await generateDemo({ outDir: 'demo-out', seed: 7 });
 * // files: x-posts.csv, hubspot-deals.csv, … ; truth.funnel.all.opportunityToWon.planted …
 */
export async function generateDemo(options: DemoOptions): Promise<DemoResult> {
  const seed = options.seed ?? DEMO_DEFAULTS.seed;
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, not ${seed}`);
  const world = simulateWorld({
    seed: seed >>> 0,
    months: options.months ?? DEMO_DEFAULTS.months,
    scale: options.scale ?? DEMO_DEFAULTS.scale,
    end: options.end ?? DEMO_DEFAULTS.end,
    historyMonths: options.historyMonths ?? SIMULATION_DEFAULTS.historyMonths,
  });
  const series = deriveSeries(world, seed >>> 0);
  const files = buildFiles(world, series);
  const truth = computeTruth(world, series, files);
  truth.seed = seed;
  await mkdir(options.outDir, { recursive: true });
  const written: DemoFileInfo[] = [];
  for (const f of files) {
    const path = join(options.outDir, f.name);
    await writeFile(path, f.bytes);
    written.push({ name: f.name, path, kind: f.kind, encoding: f.encoding, rows: f.rows, bytes: f.bytes.length });
  }
  await writeFile(join(options.outDir, 'truth.json'), `${JSON.stringify(truth, null, 2)}\n`);
  await mkdir(join(options.outDir, 'truth'), { recursive: true });
  for (const f of buildTruthFiles(world)) await writeFile(join(options.outDir, 'truth', f.name), f.bytes);
  await writeFile(join(options.outDir, 'TRUTH.md'), renderTruthMarkdown(truth));
  return { outDir: options.outDir, files: written, truth };
}
