/**
 * The lift stage (DESIGN §6.6): reads daily series from the store (inputs.ts), takes the
 * intervention from the config (or the first day of X Ads spend), fits the counterfactual for each
 * configured series (impact.ts), and values the incremental visits of the valued series through the
 * observed visit → lead → won rates and the LTV (value.ts). Never throws for missing data: the
 * section says what to import instead.
 *
 * Windows: the pre-period is every day of the series before the intervention start; the
 * post-period runs from the start to the intervention's end (or the end of the data). The value
 * counts only post-period days inside the analysis period.
 */
import { XroiError } from '../../errors.js';
import type { StageContext } from '../stage.js';
import { analyzeImpact } from './impact.js';
import { adCampaignWindows, firstAdDay, funnelCounts, loadLiftInputs, type DailySeries } from './inputs.js';
import { quantile, mean } from './summary.js';
import { valueLift } from './value.js';
import type {
  LiftControlId,
  LiftIntervention,
  LiftNote,
  LiftSection,
  LiftSeriesId,
  LiftSeriesResult,
} from './types.js';

export interface LiftStageOptions {
  /** Gross profit of one customer over its lifetime (from the LTV stage). Without it the value is null. */
  ltvGrossProfitPerCustomer?: number | null | undefined;
}

const TABLE: Record<LiftSeriesId, LiftSeriesResult['table']> = {
  branded_search: 'search_daily',
  direct: 'web_daily',
  x_referral: 'web_daily',
  x_followers: 'x_daily',
};

const round = (x: number, d = 3) => {
  const f = 10 ** d;
  return Math.round(x * f) / f;
};

/** Replace NaN / ±Infinity by null everywhere (the result object is plain JSON). */
function finiteJson<T>(v: T): T {
  return JSON.parse(
    JSON.stringify(v, (_k, x: unknown) => (typeof x === 'number' && !Number.isFinite(x) ? null : x)),
  ) as T;
}

/**
 * Measure brand lift and value it.
 * @example
 * const lift = await liftStage(ctx, { ltvGrossProfitPerCustomer: ltv.perCustomer });
 * lift.value?.samples // draws for the ROI Monte Carlo
 */
export async function liftStage(ctx: StageContext, options: LiftStageOptions = {}): Promise<LiftSection> {
  ctx.progress?.('lift');
  const cfg = ctx.config.lift;
  const seed = ctx.config.uncertainty.seed;
  const notes: LiftNote[] = [];
  const base: Omit<LiftSection, 'missing' | 'intervention' | 'series' | 'value'> = {
    interventions: [],
    alpha: cfg.alpha,
    seed,
    draws: cfg.draws,
    notes,
  };

  const inputs = await loadLiftInputs(ctx.store, cfg.brandPatterns);
  notes.push(...inputs.notes);
  const available = cfg.series.filter((s) => inputs.series[s] && inputs.series[s].dates.length > 0);
  if (available.length === 0) {
    ctx.missing.push({
      section: 'lift',
      need: 'search-daily, web-daily or x-daily exports by day',
      key: 'missing.lift.series',
    });
    return { ...base, intervention: null, series: [], value: null, missing: { code: 'lift.need.series' } };
  }

  const interventions: LiftIntervention[] = cfg.interventions.map((i) => ({
    name: i.name,
    start: i.start,
    end: i.end ?? null,
    source: 'config' as const,
  }));
  if (interventions.length === 0 && cfg.interventionsFromAds) {
    const d = await firstAdDay(ctx.store);
    if (d) {
      // the program start is analysed; the campaign windows are listed for the chart
      interventions.push({ name: 'X Ads', start: d, end: null, source: 'ads' });
      for (const w of await adCampaignWindows(ctx.store)) interventions.push({ ...w, source: 'ads' });
      notes.push({ code: 'lift.ads_intervention', params: { date: d } });
    }
  }
  base.interventions = interventions;
  const intervention = interventions[0] ?? null;
  if (!intervention) {
    ctx.missing.push({
      section: 'lift',
      need: 'lift.interventions in the config (program start) or an x-ads export',
      key: 'missing.lift.intervention',
    });
    return { ...base, intervention: null, series: [], value: null, missing: { code: 'lift.need.intervention' } };
  }

  const results: LiftSeriesResult[] = [];
  const windowDraws: number[][] = [];
  for (const [i, id] of available.entries()) {
    const r = analyzeSeries(ctx, id, inputs.series[id]!, inputs.controls, intervention, seed + 7919 * (i + 1));
    if ('note' in r) {
      notes.push(r.note);
      continue;
    }
    results.push(r.result);
    if (r.result.valued) windowDraws.push(r.windowDraws);
  }

  let value: LiftSection['value'] = null;
  const ltv = options.ltvGrossProfitPerCustomer;
  if (windowDraws.length > 0 && typeof ltv === 'number' && Number.isFinite(ltv)) {
    const n = Math.min(...windowDraws.map((d) => d.length));
    const visits = Array.from({ length: n }, (_, s) => windowDraws.reduce((a, d) => a + d[s]!, 0));
    const counts = await funnelCounts(ctx.store, ctx.period);
    value = valueLift({
      incrementalVisitDraws: visits,
      counts,
      fallback: { visitToLead: cfg.visitToLead, leadToWon: cfg.leadToWon },
      ltvGrossProfitPerCustomer: ltv,
      seed: seed + 1,
    });
    const fallbacks = [
      value.visitToLead.source === 'config' ? 'lift.visitToLead' : null,
      value.leadToWon.source === 'config' ? 'lift.leadToWon' : null,
    ].filter((x): x is string => x !== null);
    if (fallbacks.length > 0) notes.push({ code: 'lift.rates.fallback', params: { which: fallbacks.join(', ') } });
  }
  return finiteJson({
    ...base,
    intervention,
    series: results,
    value,
    missing:
      results.length === 0
        ? (notes.find((n) => n.code.startsWith('lift.need.')) ?? { code: 'lift.need.series' })
        : null,
  });
}

function analyzeSeries(
  ctx: StageContext,
  id: LiftSeriesId,
  data: DailySeries,
  controlData: Partial<Record<LiftControlId, DailySeries>>,
  iv: LiftIntervention,
  seed: number,
): { result: LiftSeriesResult; windowDraws: number[] } | { note: LiftNote } {
  const cfg = ctx.config.lift;
  const last = iv.end && iv.end < data.dates.at(-1)! ? iv.end : data.dates.at(-1)!;
  const keep = data.dates.map((d, i) => (d <= last ? i : -1)).filter((i) => i >= 0);
  const dates = keep.map((i) => data.dates[i]!);
  const y = keep.map((i) => data.values[i]!);
  const preLength = dates.filter((d) => d < iv.start).length;
  const observedPre = y.slice(0, preLength).filter((v) => Number.isFinite(v)).length;
  if (observedPre < cfg.minPreDays) {
    return {
      note: { code: 'lift.need.pre', params: { series: id, days: observedPre, date: iv.start, min: cfg.minPreDays } },
    };
  }
  if (preLength >= dates.length || !y.slice(preLength).some((v) => Number.isFinite(v))) {
    return { note: { code: 'lift.need.post', params: { series: id, date: iv.start } } };
  }
  // controls: complete over the days the response is observed
  const notes: LiftNote[] = [];
  const controls: LiftControlId[] = [];
  const columns: number[][] = [];
  for (const c of cfg.controls) {
    const cd = controlData[c];
    if (!cd) continue;
    const at = new Map(cd.dates.map((d, i) => [d, cd.values[i]!]));
    // a control gap on a day whose response is missing too is harmless (that day enters no sum)
    const col = dates.map((d, i) => {
      const v = at.get(d);
      return v !== undefined && Number.isFinite(v) ? v : Number.isFinite(y[i]) ? NaN : 0;
    });
    if (col.every((v) => Number.isFinite(v))) {
      controls.push(c);
      columns.push(col);
    } else {
      notes.push({
        code: 'lift.control_incomplete',
        params: { series: id, control: c, start: dates[0]!, end: dates.at(-1)! },
      });
    }
  }
  const from = dates.findIndex((d) => d >= ctx.period.start && d >= iv.start);
  const toIdx = dates.findIndex((d) => d > ctx.period.end);
  const window = { from: from < 0 ? dates.length : from, to: toIdx < 0 ? dates.length : toIdx };
  let r: ReturnType<typeof analyzeImpact>;
  try {
    r = analyzeImpact(
      { y, controls: columns, controlNames: controls, preLength, dates, effectWindow: window },
      {
        seed,
        niter: cfg.draws,
        alpha: cfg.alpha,
        levelPrior: cfg.levelPrior,
        weeklySeasonality: cfg.weeklySeasonality,
      },
    );
  } catch (e) {
    if (!(e instanceof XroiError)) throw e;
    return { note: { code: 'lift.model_failed', params: { series: id, reason: e.message } } };
  }
  const wd = r.windowEffectDraws;
  const result: LiftSeriesResult = {
    series: id,
    table: TABLE[id],
    controls,
    weeklySeasonality: cfg.weeklySeasonality,
    valued: (cfg.valued as readonly string[]).includes(id),
    prePeriod: { start: dates[0]!, end: dates[preLength - 1]!, days: preLength },
    postPeriod: { start: dates[preLength]!, end: dates.at(-1)!, days: dates.length - preLength },
    summary: r.summary,
    effectInPeriod: {
      value: r.windowPoints > 0 ? mean(wd) : 0,
      low: r.windowPoints > 0 ? quantile(wd, cfg.alpha / 2) : 0,
      high: r.windowPoints > 0 ? quantile(wd, 1 - cfg.alpha / 2) : 0,
      days: r.windowPoints,
    },
    daily: r.points.map((p) => ({
      date: p.t,
      actual: p.actual,
      pred: round(p.pred),
      lower: round(p.lower),
      upper: round(p.upper),
      post: p.post,
    })),
    sigmaObs: r.params.sigmaObs.mean,
    sigmaLevel: r.params.sigmaLevel.mean,
    notes: [
      ...notes,
      ...(r.droppedControls.length > 0
        ? [{ code: 'lift.dropped', params: { controls: r.droppedControls.join(', ') } }]
        : []),
    ],
  };
  return { result, windowDraws: wd };
}
