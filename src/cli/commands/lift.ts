/**
 * `xroi lift`: causal impact of an intervention on one column of a CSV, for analysts (DESIGN §6.6).
 * Reads the file with csv-parse (BOM, comma / tab / semicolon, leading `#` lines skipped), parses
 * numbers robustly (thousands separators, currency marks, percents, full-width digits; blanks are
 * missing), sorts by the date column when there is one, fits the counterfactual model and prints a
 * CausalImpact-style summary table (JSON with --json).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { ConfigError } from '../../errors.js';
import { analyzeImpact, type ImpactResult, type LevelPrior, type SummaryRow } from '../../model/lift/index.js';
import { displayWidth } from '../../report/terminal.js';
import type { CliContext } from '../context.js';

export interface LiftCommandOptions {
  /** the CSV file */
  series: string;
  /** response column */
  y: string;
  /** control columns, comma-separated or repeated */
  controls?: string | string[] | undefined;
  /** last day (or 1-based row number without a date column) of the pre-period */
  preEnd: string;
  /** date column (default: a column named date / day / 日付, if any) */
  dateCol?: string | undefined;
  /** sampler seed; default 1 */
  seed?: number | string | undefined;
  /** sampler sweeps; default 1000 */
  draws?: number | string | undefined;
  /** fit day-of-week effects (needs dates); default false */
  weekly?: boolean | undefined;
  /** interval level 1 − alpha; default 0.05 */
  alpha?: number | string | undefined;
  /** uniform (default), bounded or causalimpact */
  levelPrior?: string | undefined;
  json?: boolean | undefined;
}

export interface LiftCommandResult {
  file: string;
  y: string;
  controls: string[];
  dateColumn: string | null;
  preEnd: string;
  prePeriod: { start: string; end: string; points: number };
  postPeriod: { start: string; end: string; points: number };
  seed: number;
  draws: number;
  levelPrior: LevelPrior;
  weeklySeasonality: boolean;
  /** cells that could not be read as numbers (treated as missing) per column */
  unreadableCells: Record<string, number>;
  summary: ImpactResult['summary'];
  params: ImpactResult['params'];
  droppedControls: string[];
  /** the response is a count: the chart band in `points` is clipped at 0 */
  countSeries: boolean;
  points: ImpactResult['points'];
}

const DATE_NAMES = /^(date|day|日付|日|年月日|dt|ds)$/i;

/** Run the analysis and print it. Returns the result (the JSON printed with --json). */
export async function lift(ctx: CliContext, options: LiftCommandOptions): Promise<LiftCommandResult> {
  const t = ctx.t;
  const file = options.series;
  const name = basename(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError(t('lift.file_missing', { file }), [], t('lift.file_missing.hint'));
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let skip = 0;
  while (skip < lines.length && (lines[skip]!.startsWith('#') || lines[skip]!.trim() === '')) skip++;
  const body = lines.slice(skip).join('\n');
  const headerLine = lines[skip] ?? '';
  const delimiter = [',', '\t', ';'].reduce(
    (best, d) => (count(headerLine, d) > count(headerLine, best) ? d : best),
    ',',
  );
  const records = parse(body, { delimiter, relax_column_count: true, skip_empty_lines: true, bom: true }) as string[][];
  const header = (records[0] ?? []).map((h) => h.trim());
  const rows = records.slice(1);
  const col = (wanted: string): number => {
    const i = header.findIndex((h) => h.toLowerCase() === wanted.trim().toLowerCase());
    if (i < 0) {
      throw new ConfigError(
        t('lift.no_column', { column: wanted, file: name }),
        [],
        t('lift.no_column.hint', { columns: header.join(', ') }),
      );
    }
    return i;
  };
  const yIdx = col(options.y);
  const controlNames = (Array.isArray(options.controls) ? options.controls : [options.controls ?? ''])
    .flatMap((c) => c.split(','))
    .map((c) => c.trim())
    .filter((c) => c !== '');
  const cIdx = controlNames.map(col);
  const dIdx = options.dateCol ? col(options.dateCol) : header.findIndex((h) => DATE_NAMES.test(h));

  // parse cells
  const unreadable: Record<string, number> = {};
  const num = (raw: string | undefined, column: string): number => {
    const v = parseCell(raw ?? '');
    if (v === undefined) {
      unreadable[column] = (unreadable[column] ?? 0) + 1;
      return NaN;
    }
    return v;
  };
  let table = rows.map((r, i) => ({
    line: i + 2 + skip,
    date: dIdx >= 0 ? parseDay(r[dIdx] ?? '') : null,
    rawDate: dIdx >= 0 ? (r[dIdx] ?? '') : '',
    y: num(r[yIdx], header[yIdx]!),
    x: cIdx.map((j) => num(r[j], header[j]!)),
  }));
  if (dIdx >= 0) {
    const bad = table.find((r) => r.date === null);
    if (bad) {
      throw new ConfigError(
        t('lift.bad_date', { file: name, line: bad.line, value: bad.rawDate, column: header[dIdx]! }),
        [],
        t('lift.bad_date.hint'),
      );
    }
    table = table.slice().sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : 0));
    for (let i = 1; i < table.length; i++) {
      if (table[i]!.date === table[i - 1]!.date) {
        throw new ConfigError(
          t('lift.duplicate_date', { file: name, date: table[i]!.date! }),
          [],
          t('lift.duplicate_date.hint'),
        );
      }
    }
  }
  for (const [column, n] of Object.entries(unreadable)) ctx.out.warn(t('lift.unreadable', { count: n, column }));
  const labels = table.map((r, i) => r.date ?? String(i + 1));

  // pre-period end
  let preLength: number;
  if (dIdx >= 0) {
    const end = parseDay(options.preEnd);
    if (end === null)
      throw new ConfigError(t('lift.bad_pre_end', { value: options.preEnd }), [], t('lift.bad_pre_end.hint'));
    preLength = table.filter((r) => r.date! <= end).length;
  } else {
    const n = Number(options.preEnd);
    if (!Number.isInteger(n))
      throw new ConfigError(t('lift.bad_pre_end', { value: options.preEnd }), [], t('lift.pre_end_row.hint'));
    preLength = Math.max(0, Math.min(table.length, n));
  }
  if (preLength < 3 || preLength >= table.length) {
    throw new ConfigError(
      t('lift.bad_split', {
        pre: preLength,
        post: table.length - preLength,
        first: labels[0] ?? '',
        last: labels.at(-1) ?? '',
      }),
      [],
      t('lift.bad_split.hint'),
    );
  }
  // controls must be complete
  for (let j = 0; j < cIdx.length; j++) {
    const gap = table.find((r) => !Number.isFinite(r.x[j]));
    if (gap) {
      throw new ConfigError(
        t('lift.control_gap', { column: controlNames[j]!, line: gap.line, file: name }),
        [],
        t('lift.control_gap.hint'),
      );
    }
  }
  if (!table.slice(preLength).some((r) => Number.isFinite(r.y))) {
    throw new ConfigError(t('lift.no_post', { column: options.y }), [], t('lift.bad_split.hint'));
  }

  const seed = toInt(options.seed, 1, 'seed', t);
  const draws = toInt(options.draws, 1000, 'draws', t);
  const alpha = options.alpha === undefined ? 0.05 : Number(options.alpha);
  if (!(alpha > 0 && alpha < 0.5))
    throw new ConfigError(
      t('lift.bad_option', { option: 'alpha', value: String(options.alpha) }),
      [],
      t('lift.bad_alpha.hint'),
    );
  const levelPrior = (options.levelPrior ?? 'uniform') as LevelPrior;
  if (levelPrior !== 'bounded' && levelPrior !== 'uniform' && levelPrior !== 'causalimpact') {
    throw new ConfigError(
      t('lift.bad_option', { option: 'level-prior', value: levelPrior }),
      [],
      t('lift.bad_prior.hint'),
    );
  }
  const weekly = !!options.weekly;
  if (weekly && dIdx < 0) throw new ConfigError(t('lift.weekly_needs_dates'), [], t('lift.weekly_needs_dates.hint'));

  const r = analyzeImpact(
    {
      y: table.map((x) => x.y),
      controls: cIdx.map((_, j) => table.map((x) => x.x[j]!)),
      controlNames,
      preLength,
      dates: dIdx >= 0 ? labels : undefined,
    },
    { seed, niter: draws, alpha, levelPrior, weeklySeasonality: weekly },
  );
  const result: LiftCommandResult = {
    file: name,
    y: header[yIdx]!,
    controls: controlNames,
    dateColumn: dIdx >= 0 ? header[dIdx]! : null,
    preEnd: options.preEnd,
    prePeriod: { start: labels[0]!, end: labels[preLength - 1]!, points: preLength },
    postPeriod: { start: labels[preLength]!, end: labels.at(-1)!, points: table.length - preLength },
    seed,
    draws,
    levelPrior,
    weeklySeasonality: weekly,
    unreadableCells: unreadable,
    summary: r.summary,
    params: r.params,
    droppedControls: r.droppedControls,
    countSeries: r.countSeries,
    points: r.points,
  };
  if (options.json || ctx.out.json || ctx.globals.json) ctx.out.printJson(result);
  else for (const line of formatLiftSummary(result, ctx.t)) ctx.out.print(line);
  return result;
}

/** The CausalImpact-style summary table as lines of text. */
export function formatLiftSummary(r: LiftCommandResult, t: CliContext['t']): string[] {
  const s = r.summary;
  const a = s.average;
  const c = s.cumulative;
  const level = Math.round((1 - s.alpha) * 100);
  const rowFor = (x: SummaryRow) => ({
    actual: fmt(x.actual),
    pred: `${fmt(x.pred)} (${fmt(x.predSd)})`,
    predCi: `[${fmt(x.predLower)}, ${fmt(x.predUpper)}]`,
    abs: `${fmt(x.absEffect)} (${fmt(x.absEffectSd)})`,
    absCi: `[${fmt(x.absEffectLower)}, ${fmt(x.absEffectUpper)}]`,
    rel: Number.isFinite(x.relEffect) ? `${pct(x.relEffect)} (${pct(x.relEffectSd)})` : '—',
    relCi: Number.isFinite(x.relEffect) ? `[${pct(x.relEffectLower)}, ${pct(x.relEffectUpper)}]` : '—',
  });
  const A = rowFor(a);
  const C = rowFor(c);
  const ci = t('lift.row.ci', { level });
  // columns sized by display width (a full-width character takes two terminal columns)
  const labels = [t('lift.row.actual'), t('lift.row.pred'), t('lift.row.abs'), t('lift.row.rel')];
  const w = Math.max(...[...labels, ci].map(displayWidth)) + 2;
  const cw = Math.max(...[t('lift.col.average'), ...Object.values(A)].map(displayWidth)) + 2;
  const line = (label: string, av: string, cu: string) => `${padEnd(label, w)}${padEnd(av, cw)}${cu}`.trimEnd();
  const out = [
    t('lift.title', {
      y: r.y,
      preStart: r.prePeriod.start,
      preEnd: r.prePeriod.end,
      postStart: r.postPeriod.start,
      postEnd: r.postPeriod.end,
    }),
    r.controls.length > 0 ? t('lift.controls', { controls: r.controls.join(', ') }) : t('lift.no_controls'),
    '',
    line('', t('lift.col.average'), t('lift.col.cumulative')),
    line(t('lift.row.actual'), A.actual, C.actual),
    line(t('lift.row.pred'), A.pred, C.pred),
    line(ci, A.predCi, C.predCi),
    '',
    line(t('lift.row.abs'), A.abs, C.abs),
    line(ci, A.absCi, C.absCi),
    '',
    line(t('lift.row.rel'), A.rel, C.rel),
    line(ci, A.relCi, C.relCi),
    '',
    ...(s.relative?.convention === 'abs_over_pred'
      ? [t('lift.rel.abs_over_pred', { share: pct(s.relative.fragileShare) }), '']
      : s.relative?.convention === 'undefined'
        ? [t('lift.rel.undefined'), '']
        : []),
    t('lift.p', { p: s.p.toFixed(3) }),
    t('lift.prob', { prob: pct(s.probCausal) }),
    '',
    s.significant ? t('lift.verdict.significant', { level }) : t('lift.verdict.not_significant', { level }),
  ];
  if (r.droppedControls.length > 0) out.push(t('lift.dropped', { controls: r.droppedControls.join(', ') }));
  return out;
}

function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

function fmt(x: number): string {
  const a = Math.abs(x);
  const digits = a >= 1000 ? 0 : a >= 100 ? 1 : a >= 1 ? 2 : 3;
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

function count(s: string, d: string): number {
  return s.split(d).length - 1;
}

function toInt(v: number | string | undefined, def: number, option: string, t: CliContext['t']): number {
  if (v === undefined) return def;
  const n = Number(v);
  if (!Number.isInteger(n) || (option === 'draws' && n < 20)) {
    throw new ConfigError(t('lift.bad_option', { option, value: String(v) }), [], t('lift.bad_int.hint'));
  }
  return n;
}

/**
 * A numeric cell: NaN for an empty / none cell, undefined when it is not a number. Accepts
 * thousands separators, ¥ ￥ $ € £ 円, percents (kept as written: `0.25%` → 0.25), full-width
 * digits, `(1,234)` negatives.
 */
export function parseCell(raw: string): number | undefined {
  let s = raw.normalize('NFKC').trim();
  if (s === '' || /^(-|--|—|n\/a|na|null|none|なし)$/i.test(s)) return NaN;
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  s = s.replace(/\s+/g, '').replace(/^[¥$€£]|[¥$€£]$|円$|%$/g, '');
  if (/^-[¥$€£]/.test(s)) {
    negative = !negative;
    s = s.slice(2);
  }
  let n: number;
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) n = Number(s);
  else if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) n = Number(s.replace(/,/g, ''));
  else return undefined;
  return negative ? -n : n;
}

/** A calendar day as YYYY-MM-DD from ISO, YYYY/M/D, YYYY.M.D or YYYY年M月D日 (a time part is ignored), else null. */
export function parseDay(raw: string): string | null {
  const s = raw.normalize('NFKC').trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:$|[T\s])/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

export function register(program: Command, makeCtx: () => CliContext): void {
  program
    .command('lift')
    .description('causal impact of an intervention on a time series in a CSV / 施策の因果効果（時系列）')
    .requiredOption('--series <file>', 'CSV with one row per period')
    .requiredOption('--y <column>', 'response column, e.g. Clicks')
    .option('--controls <columns>', 'control columns, comma-separated (series the intervention did not move)')
    .requiredOption('--pre-end <date>', 'last day of the pre-period (or the last pre-period row number without dates)')
    .option('--date-col <column>', 'date column (default: a column named date / 日付)')
    .option('--seed <n>', 'sampler seed (default 1)')
    .option('--draws <n>', 'sampler sweeps, 10 % burn-in (default 1000)')
    .option('--weekly', 'fit day-of-week effects')
    .option('--alpha <a>', 'intervals are 1 − alpha (default 0.05)')
    .option(
      '--level-prior <prior>',
      "uniform (default: the level's daily step flat up to 1 sd) | bounded (up to 0.1 sd) | causalimpact (R's defaults)",
    )
    .option('--json', 'print the result as JSON')
    .action(async (opts: LiftCommandOptions) => {
      await lift(makeCtx(), opts);
    });
}
