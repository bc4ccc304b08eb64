/**
 * `xroi ltv --survival 1000,631,468,...`: fit the shifted-beta-geometric model to one or more
 * cohorts typed on the command line (active customers at the start of each period, the cohort size
 * first; repeat --survival for more cohorts) and print the estimates with standard errors, the
 * projected survival and retention, and DEL / DERL at a discount rate, for analysts (DESIGN §6.5).
 */
import type { Command } from 'commander';
import { ConfigError } from '../../errors.js';
import {
  fitShiftedBetaGeometric,
  sbgDel,
  sbgDerl,
  sbgRetention,
  sbgSurvival,
} from '../../model/ltv/shifted-beta-geometric.js';
import type { CliContext } from '../context.js';

export interface LtvCommandOptions {
  /** one cohort per string: comma-separated active counts (or percentages), period 0 first */
  survival: string | string[];
  /** discount rate per period; default 0.1 */
  discount?: number | string | undefined;
  /** periods to project; default 12 */
  periods?: number | string | undefined;
  json?: boolean | undefined;
}

export interface LtvCommandResult {
  cohorts: number[][];
  alpha: number;
  beta: number;
  standardErrors: { alpha: number | null; beta: number | null };
  intervals: { alpha: [number, number] | null; beta: [number, number] | null };
  logLik: number;
  converged: boolean;
  discount: number;
  /** t, S(t), r(t) (null at t = 0), observed share of the first cohort (null when not observed) */
  projection: { t: number; survival: number; retention: number | null; observed: number | null }[];
  del: number;
  /** DERL after n renewals, n = 0 … last observed period of the first cohort */
  derl: { renewals: number; value: number }[];
}

/** Fit and print. Returns the result (the JSON printed with --json). */
export async function ltvCommand(ctx: CliContext, options: LtvCommandOptions): Promise<LtvCommandResult> {
  const t = ctx.t;
  const raw = Array.isArray(options.survival) ? options.survival : [options.survival];
  const cohorts = raw.map((s) => s.split(',').map((x) => Number(x.trim().replace(/_/g, ''))));
  if (cohorts.some((c) => c.length < 2 || c.some((x) => !Number.isFinite(x) || x < 0))) {
    throw new ConfigError(t('ltv.cli.bad_survival'));
  }
  const discount = options.discount === undefined ? 0.1 : Number(options.discount);
  const periods = options.periods === undefined ? 12 : Number(options.periods);
  if (!(discount > 0) || !Number.isInteger(periods) || periods < 1) throw new ConfigError(t('ltv.cli.bad_survival'));

  const fit = fitShiftedBetaGeometric(cohorts);
  const p = fit.params;
  const first = cohorts[0]!;
  const projection = Array.from({ length: periods + 1 }, (_, k) => ({
    t: k,
    survival: sbgSurvival(p, k),
    retention: k === 0 ? null : sbgRetention(p, k),
    observed: k < first.length ? first[k]! / first[0]! : null,
  }));
  const result: LtvCommandResult = {
    cohorts,
    alpha: p.alpha,
    beta: p.beta,
    standardErrors: { alpha: fit.standardErrors.alpha, beta: fit.standardErrors.beta },
    intervals: {
      alpha: fit.intervals.alpha ? [fit.intervals.alpha[0], fit.intervals.alpha[1]] : null,
      beta: fit.intervals.beta ? [fit.intervals.beta[0], fit.intervals.beta[1]] : null,
    },
    logLik: fit.logLik,
    converged: fit.converged,
    discount,
    projection,
    del: sbgDel(p, discount),
    derl: Array.from({ length: first.length }, (_, n) => ({ renewals: n, value: sbgDerl(p, discount, n) })),
  };

  const out = ctx.out;
  if (options.json || out.json) {
    out.printJson(result);
    return result;
  }
  const f = (x: number | null, d = 4) => (x === null ? '—' : x.toFixed(d));
  const ci = (i: [number, number] | null) => (i ? `[${f(i[0])}, ${f(i[1])}]` : '');
  out.print(out.bold(t('ltv.cli.title')));
  out.print(`  α = ${f(p.alpha)}  (se ${f(result.standardErrors.alpha)})  ${ci(result.intervals.alpha)}`);
  out.print(`  β = ${f(p.beta)}  (se ${f(result.standardErrors.beta)})  ${ci(result.intervals.beta)}`);
  out.print(`  ${t('ltv.cli.customers', { n: fit.n, periods: Math.max(...cohorts.map((c) => c.length - 1)) })}`);
  out.print(`  ${t('ltv.cli.loglik', { ll: fit.logLik.toFixed(4) })}`);
  out.print('');
  out.print(`  ${t('ltv.cli.projection')}`);
  for (const r of projection) {
    out.print(
      `  ${String(r.t).padStart(3)}  ${f(r.survival).padStart(8)}  ${f(r.retention).padStart(9)}  ${f(r.observed).padStart(8)}`,
    );
  }
  out.print('');
  out.print(`  ${t('ltv.cli.del', { d: discount, del: f(result.del) })}`);
  for (const d of result.derl) out.print(`  ${t('ltv.cli.derl', { n: d.renewals, derl: f(d.value) })}`);
  return result;
}

export function register(program: Command, makeCtx: () => CliContext): void {
  program
    .command('ltv')
    .description('fit the shifted-beta-geometric retention model to cohorts / 継続率コホートからLTVモデルを推定')
    .requiredOption(
      '--survival <counts>',
      'active customers per period, cohort size first, e.g. 1000,631,468 (repeat for more cohorts)',
      (v: string, prev: string[] | undefined) => [...(prev ?? []), v],
    )
    .option('--discount <rate>', 'discount rate per period for DEL/DERL', '0.1')
    .option('--periods <n>', 'periods to project', '12')
    .option('--json', 'print JSON')
    .action(async (opts: LtvCommandOptions) => {
      await ltvCommand(makeCtx(), opts);
    });
}
