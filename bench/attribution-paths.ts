/**
 * Attribution on ChannelAttribution-style path files: 12 channels, 10^4, 10^5 and 10^6 path rows.
 * For each size, in a fresh process each (so peak RSS is the task's own): the baseline (read the file
 * and split it into lines and fields, nothing else), Markov order 1, Markov order 2 and Shapley, all
 * including parsing. Prints wall time, peak RSS and the ratio of time to the baseline.
 *
 * Target (issue 4): 10^6 rows, Markov order 1, ≤ 3.5 s and ≤ 500 MB including parsing.
 *
 *   npm run bench -- attribution-paths            # all sizes
 *   BENCH_SIZES=10000,100000 npm run bench -- attribution-paths
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CHANNELS = [
  'alpha',
  'beta',
  'gamma',
  'delta',
  'epsilon',
  'zeta',
  'eta',
  'theta',
  'iota',
  'kappa',
  'lambda',
  'mu',
];
const TASKS = ['baseline', 'markov-1', 'markov-2', 'shapley'] as const;

/** Write `rows` random paths (seeded) in ChannelAttribution's layout. */
function generate(file: string, rows: number, seed = 1): void {
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  // skewed channel popularity, like real data
  const weights = CHANNELS.map((_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b);
  const pick = () => {
    let u = rand() * total;
    for (let i = 0; i < weights.length; i++) if ((u -= weights[i]!) <= 0) return CHANNELS[i]!;
    return CHANNELS[CHANNELS.length - 1]!;
  };
  const parts: string[] = ['path;total_conversions;total_conversion_value;total_null'];
  for (let r = 0; r < rows; r++) {
    const len = 1 + Math.min(14, Math.floor(-Math.log(1 - rand()) * 3));
    const path: string[] = [];
    for (let k = 0; k < len; k++) path.push(pick());
    const conv = rand() < 0.4 ? 1 + Math.floor(rand() * 3) : 0;
    const nulls = Math.floor(rand() * 6);
    parts.push(`${path.join(' > ')};${conv};${(conv * rand() * 10).toFixed(3)};${conv + nulls === 0 ? 1 : nulls}`);
  }
  writeFileSync(file, parts.join('\n') + '\n');
}

/** Child mode: run one task on one file, print {ms, rssMB, check} as JSON. */
async function child(task: string, file: string): Promise<void> {
  // load the modules first: the timing covers reading, parsing and the model, not the TS loader
  const { readPathsFile } = await import('../src/model/attribution/paths-reader.js');
  const { runModel } = await import('../src/model/attribution/run.js');
  const t0 = performance.now();
  let check = 0;
  if (task === 'baseline') {
    const lines = readFileSync(file, 'utf8').split('\n');
    for (const line of lines) check += line.split(';').length;
  } else {
    const { table } = readPathsFile(file);
    const name = task === 'shapley' ? 'shapley' : 'markov';
    const order = task === 'markov-2' ? 2 : 1;
    const res = runModel(name, table, { markovOrder: order, perJourney: false });
    check = res.byChannel.reduce((a, c) => a + c.conversions, 0);
  }
  const ms = performance.now() - t0;
  const rssMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ ms, rssMB, check }));
}

export default async function run(): Promise<void> {
  const sizes = (process.env['BENCH_SIZES'] ?? '10000,100000,1000000').split(',').map(Number);
  const dir = mkdtempSync(join(tmpdir(), 'xroi-bench-'));
  const self = fileURLToPath(import.meta.url);
  // the floor: a node process with the TypeScript loader that does nothing
  const idle = spawnSync(process.execPath, [
    '--import',
    'tsx',
    '-e',
    'process.stdout.write(String(process.resourceUsage().maxRSS/1024))',
  ]);
  console.log(`idle node+tsx process: ${Number(idle.stdout.toString()).toFixed(0)} MB peak RSS`);
  console.log('rows\tfile MB\ttask\ttime ms\tpeak RSS MB\ttime / baseline');
  try {
    for (const rows of sizes) {
      const file = join(dir, `paths-${rows}.csv`);
      generate(file, rows);
      const mb = statSync(file).size / 1e6;
      let baseline = NaN;
      for (const task of TASKS) {
        const out = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', task, file], {
          encoding: 'utf8',
          maxBuffer: 1 << 20,
        });
        if (out.status !== 0) throw new Error(`${task} failed: ${out.stderr}`);
        const r = JSON.parse(out.stdout) as { ms: number; rssMB: number };
        if (task === 'baseline') baseline = r.ms;
        console.log(
          `${rows}\t${mb.toFixed(1)}\t${task}\t${r.ms.toFixed(0)}\t${r.rssMB.toFixed(0)}\t${(r.ms / baseline).toFixed(2)}`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const argv = process.argv;
const at = argv.indexOf('--child');
if (at >= 0) await child(argv[at + 1]!, argv[at + 2]!);
