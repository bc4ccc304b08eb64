/**
 * `xroi attribution --paths FILE`: every attribution model side by side on path data in
 * ChannelAttribution's layout (a table on a terminal, JSON with --json or when piped).
 */
import type { Command } from 'commander';
import { ConfigError } from '../../errors.js';
import { readPathsFile, type PathReadStats } from '../../model/attribution/paths-reader.js';
import { defaultModelNames, getModel, modelNames } from '../../model/attribution/registry.js';
import { attributionStage } from '../../model/attribution/stage.js';
import { resolvePeriod } from '../../model/period.js';
import { Store } from '../../store/index.js';
import { runAllModels } from '../../model/attribution/run.js';
import type { ModelResult } from '../../model/attribution/types.js';
import { isXChannel } from '../../model/types.js';
import type { MessageKey } from '../../messages/index.js';
import type { CliContext } from '../context.js';

export interface AttributionCommandOptions {
  /** Path file (ChannelAttribution layout). */
  paths?: string;
  /** 'all' (default) or one model name. */
  model?: string;
  /** Markov order (default: config attribution.markovOrder). */
  order?: string | number;
  /** Time-decay half-life in days (default: config attribution.halfLifeDays). */
  halfLife?: string | number;
  json?: boolean;
}

export interface AttributionCommandResult {
  file: string;
  stats: PathReadStats;
  channels: string[];
  models: Omit<ModelResult, 'perJourney' | 'journeyIds' | 'sharesById'>[];
  skipped: { model: string; reason: string }[];
}

/**
 * Run the models on a path file (or, without one, on the deal journeys in the store) and print them
 * side by side.
 */
export async function attributionCommand(
  ctx: CliContext,
  options: AttributionCommandOptions,
): Promise<AttributionCommandResult> {
  const cfg = ctx.config.config.attribution;
  const order = Number(options.order ?? cfg.markovOrder);
  const halfLife = Number(options.halfLife ?? cfg.halfLifeDays);
  if (!Number.isInteger(order) || order < 1 || order > 4)
    throw new ConfigError(`--order must be 1, 2, 3 or 4, not "${options.order}"`);
  if (!(halfLife > 0))
    throw new ConfigError(`--half-life must be a positive number of days, not "${options.halfLife}"`);
  const names = !options.model || options.model === 'all' ? defaultModelNames() : [getModel(options.model).name];
  if (!options.paths) return fromStore(ctx, options, names, order, halfLife);
  const { table, stats } = readPathsFile(options.paths);
  const file = options.paths.split(/[\\/]/).pop()!;
  const { results, skipped } = runAllModels(
    table,
    { markovOrder: order, halfLifeDays: halfLife, seed: ctx.config.config.uncertainty.seed, perJourney: false },
    names,
  );
  const out: AttributionCommandResult = {
    file,
    stats,
    channels: [...table.channels].sort(),
    models: results.map(({ model, kind, byChannel, details }) => ({ model, kind, byChannel, details })),
    skipped,
  };
  if (options.json || ctx.out.json) {
    ctx.out.printJson(out);
    return out;
  }
  ctx.out.info(
    ctx.t('attribution.read', {
      rows: stats.rowsRead,
      paths: stats.distinctPaths,
      channels: table.channels.length,
      file,
    }),
  );
  printModels(ctx, out.channels, results, skipped);
  return out;
}

/** Every model on the deal-level journeys in the store (what the report's attribution section holds). */
async function fromStore(
  ctx: CliContext,
  options: AttributionCommandOptions,
  names: string[],
  order: number,
  halfLife: number,
): Promise<AttributionCommandResult> {
  const base = ctx.config.config;
  const config = { ...base, attribution: { ...base.attribution, markovOrder: order, halfLifeDays: halfLife } };
  const store = await Store.open(ctx.storePath, { readOnly: true });
  try {
    const period = await resolvePeriod(store, config);
    const stage = await attributionStage({ store, config, period, issues: [], missing: [] }, { models: names });
    const section = stage.section;
    const results = section.models.filter((m) => names.includes(m.model));
    const out: AttributionCommandResult = {
      file: ctx.storePath.split(/[\\/]/).pop()!,
      stats: { rowsRead: section.journeys.total, distinctPaths: section.journeys.total, emptyPaths: 0, delimiter: '' },
      channels: section.channels,
      models: results.map(({ model, kind, byChannel, details }) => ({ model, kind, byChannel, details })),
      skipped: section.skipped.filter((s) => names.includes(s.model)),
    };
    if (options.json || ctx.out.json) {
      ctx.out.printJson({ ...out, journeys: section.journeys, xShare: section.xShare, unmapped: section.unmapped });
      return out;
    }
    if (section.journeys.touches === 0) ctx.out.warn(ctx.t('attribution.noJourneys'));
    else printModels(ctx, out.channels, results, out.skipped);
    if (section.unmapped.length > 0) {
      const values = section.unmapped.slice(0, 5).map((u) => `${u.value} (${u.count})`);
      ctx.out.info(ctx.t('attribution.unmapped', { count: section.unmapped.length, values: values.join(', ') }));
    }
    return out;
  } finally {
    await store.close();
  }
}

function printModels(
  ctx: CliContext,
  channels: string[],
  results: ModelResult[],
  skipped: { model: string; reason: string }[],
): void {
  const o = ctx.out;
  const t = ctx.t;
  o.print(o.bold(t('attribution.title')));
  for (const [label, field] of [
    ['attribution.conversions', 'conversions'],
    ['attribution.value', 'value'],
  ] as const) {
    o.print('');
    o.print(o.bold(t(label)));
    printTable(ctx, channels, results, field);
  }
  const xShares = results.map((r) => {
    const tot = r.byChannel.reduce((a, c) => a + c.conversions, 0);
    const x = r.byChannel.filter((c) => isXChannel(c.channel)).reduce((a, c) => a + c.conversions, 0);
    return tot > 0 ? x / tot : 0;
  });
  if (channels.some(isXChannel) && xShares.length > 0) {
    const pct = (v: number) => `${(100 * v).toFixed(1)} %`;
    o.print('');
    o.print(t('attribution.xRange', { min: pct(Math.min(...xShares)), max: pct(Math.max(...xShares)) }));
  }
  for (const s of skipped)
    o.info(o.dim(t('attribution.skipped', { model: s.model, reason: t(s.reason as MessageKey) })));
}

function printTable(ctx: CliContext, channels: string[], results: ModelResult[], field: 'conversions' | 'value'): void {
  const fmt = (v: number) => v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const header = [ctx.t('attribution.channel'), ...results.map((r) => r.model)];
  const body = channels.map((ch) => [
    ch,
    ...results.map((r) => fmt(r.byChannel.find((c) => c.channel === ch)?.[field] ?? 0)),
  ]);
  body.push([ctx.t('attribution.total'), ...results.map((r) => fmt(r.byChannel.reduce((a, c) => a + c[field], 0)))]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (row: string[]) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  ctx.out.print(ctx.out.bold(line(header)));
  for (const row of body) ctx.out.print(line(row));
}

export function register(program: Command, makeCtx: () => CliContext): void {
  program
    .command('attribution')
    .description('every attribution model side by side on a path file / 経路データで全アトリビューションモデルを比較')
    .option(
      '--paths <file>',
      'path file: path;total_conversions;total_conversion_value;total_null (any delimiter, " > " between channels); without it: the deals in the store',
    )
    .option('--model <name>', `all, or one of: ${modelNames().join(', ')}`, 'all')
    .option('--order <k>', 'Markov chain order 1..4 (default: config attribution.markovOrder)')
    .option('--half-life <days>', 'time-decay half-life in days (default: config attribution.halfLifeDays)')
    .option('--json', 'print JSON')
    .action(async (opts: AttributionCommandOptions) => {
      await attributionCommand(makeCtx(), opts);
    });
}
