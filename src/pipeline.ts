/**
 * analyze(): the whole model side of xroi, from the store to one result object.
 *
 *   store ──► 1 period ──► 2 channels + deals ──► 3 LTV ──► 4 journeys → attribution ──► 5 cost
 *         ──► 6 funnel, engagement, self-report ──► 7 brand lift ──► 8 ROI bridge, metrics,
 *             break-even ──► 9 uncertainty (Monte Carlo) ──► AnalysisResult ──► report/*
 *
 * Ingest (src/ingest) fills the store before this runs; renderers (src/report) only read the result.
 * Every stage is a function of (store, config, period); a what-if is the same call with a new config.
 * Stages never throw for missing data: they note what to import in result.dataQuality.missing.
 */
import type { Config } from './config/index.js';
import type { Issue } from './issues.js';
import { t, type Locale, type MessageKey } from './messages/index.js';
import type { Store } from './store/index.js';
import { VERSION } from './version.js';
import {
  RESULT_SCHEMA_VERSION,
  resultAttribution,
  resultLift,
  type AnalysisResult,
  type ImportSummary,
} from './model/result.js';
import type { StageContext } from './model/stage.js';
import { resolvePeriod } from './model/period.js';
import { periodCoverage, outOfPeriodIssues } from './model/coverage.js';
import { catalogIssue } from './model/issue.js';
import { loadDeals, stageWinRates, isOneOff, isRenewal, type DealRecord } from './model/deals/load.js';
import { channelGrouper } from './model/channels/index.js';
import { isXChannel, type DealFacts } from './model/types.js';
import { attributionStage } from './model/attribution/stage.js';
import { ltvStage } from './model/ltv/index.js';
import { costStage } from './model/cost/index.js';
import { funnelStage, type FunnelSection } from './model/funnel/index.js';
import { engagementStage } from './model/engagement/index.js';
import { liftStage } from './model/lift/index.js';
import { selfReportStage } from './model/self-report/index.js';
import { computeRoi, dealLifetimeGrossProfit, type RoiInputs } from './model/roi/bridge.js';
import { roiMetrics } from './model/roi/metrics.js';
import { breakEven } from './model/roi/break-even.js';
import { uncertaintyStage } from './model/uncertainty/index.js';
import { dealEvidence } from './model/deals/evidence.js';

export interface AnalyzeOptions {
  /** Progress messages for long stages (the CLI draws them on a TTY). */
  progress?: (message: string) => void;
  /** Clock for the default period when the store is empty (tests). */
  now?: () => number;
  /** Skip the Monte Carlo (what-if previews). Default false. */
  skipUncertainty?: boolean;
}

const TABLES = [
  'posts',
  'post_daily',
  'x_daily',
  'ad_daily',
  'accounts',
  'people',
  'lifecycle',
  'touchpoints',
  'deals',
  'deal_contacts',
  'deal_stages',
  'web_daily',
  'search_daily',
  'costs',
  'retention',
] as const;

/**
 * Compute the traditional and the true ROI, with every section, from a store.
 *
 * @example
 * const store = await Store.open('.xroi/xroi.duckdb', { readOnly: true });
 * const result = await analyze(store, parseConfig({}));
 * console.log(result.roi.true.roi);
 */
export async function analyze(store: Store, config: Config, options: AnalyzeOptions = {}): Promise<AnalysisResult> {
  const issues: Issue[] = [];
  const missing: { section: string; need: string; key?: string }[] = [];
  const progress = options.progress ?? (() => {});

  // 1. period
  const period = await resolvePeriod(store, config, options.now);
  const ctx: StageContext = { store, config, period, issues, missing, progress };
  const tableCoverage = await periodCoverage(store, period);
  issues.push(...outOfPeriodIssues(tableCoverage, period, config.locale));
  const storedTouches = tableCoverage.find((c) => c.table === 'touchpoints')?.rows ?? 0;

  // 2. channels and deals (the CRM's own source fields give the traditional, last-touch view)
  progress('deals');
  const grouper = channelGrouper(config);
  const deals = await loadDeals(store, config);
  for (const d of deals) {
    const r = d.raw;
    const hasCrmSource = r.custom || r.originalSource;
    d.sourceChannel = hasCrmSource
      ? grouper.group({
          customSource: r.custom,
          originalSource: r.originalSource,
          originalSourceD1: r.d1,
          originalSourceD2: r.d2,
        })
      : null;
  }
  if (
    deals.length > 0 &&
    !config.crm.sourceField &&
    !deals.some((d) => d.sourceChannel && isXChannel(d.sourceChannel))
  ) {
    issues.push(catalogIssue(config.locale, 'info', 'no_x_source', { deals: deals.length }));
  }
  if (deals.length === 0)
    missing.push({ section: 'roi', need: 'crm-deals (HubSpot / Salesforce deals export)', key: 'missing.roi' });

  // 3. lifetime value (before attribution: the expected-value model weighs open deals by LTV)
  progress('ltv');
  const ltv = await ltvStage(ctx);
  const ltvOf = (d: DealFacts) =>
    dealLifetimeGrossProfit(
      { monthlyRevenue: d.mrr ?? 0, oneOff: isOneOff(d), amount: d.amount ?? 0 },
      config.economics.grossMargin.value,
      ltv.discountedLifetimeMonths,
    );

  // 4. journeys and attribution (deal level: the buying committee of each deal)
  progress('attribution');
  const attribution = await attributionStage(ctx, { grouper, deals, ltvOf });

  // 5. cost
  progress('cost');
  const cost = await costStage(ctx);

  // 6. funnel, engagement, self-reported source
  progress('funnel');
  const funnel = await funnelStage(ctx);
  progress('engagement');
  const engagement = await engagementStage(ctx);
  const selfReport = await selfReportStage(ctx);

  // 7. brand lift, valued at the LTV gross profit of one customer
  progress('lift');
  const lift = await liftStage(ctx, { ltvGrossProfitPerCustomer: ltv.ltvPerCustomer.value });

  // 8. ROI
  const credit = attribution.primaryShares;
  const winRates = await stageWinRates(store, config, deals);
  const inputs = roiInputs(deals, credit, winRates, period, config, {
    discountedLifetimeMonths: ltv.discountedLifetimeMonths,
    liftValue: lift.value?.value ?? 0,
    cashSpend: cost.cash,
    laborHours: cost.labor.hours,
    hourlyRate: cost.labor.hours > 0 ? cost.labor.hourlyRate : config.economics.loadedHourlyRate.value,
    benchmarkRoi: config.opportunityCost.enabled ? config.opportunityCost.benchmarkRoi : 0,
  });
  if (!attribution.hasTouches && deals.length > 0 && storedTouches === 0) {
    issues.push(catalogIssue(config.locale, 'warning', 'no_touchpoints'));
  }
  const roi = computeRoi(inputs);
  const xTouched = deals.filter((d) => (credit[d.dealId] ?? 0) > 0);
  roi.metrics = roiMetrics({
    roi: inputs,
    trueLeads: xFunnelCount(funnel, 'true_lead'),
    opportunities: xFunnelCount(funnel, 'opportunity'),
    pipelineSourced: sum(deals.filter((d) => d.sourceChannel && isXChannel(d.sourceChannel)).map((d) => d.amount ?? 0)),
    pipelineInfluenced: sum(xTouched.map((d) => d.amount ?? 0)),
    paidX:
      attribution.paidX && cost.adPlatformSpend > 0
        ? { revenue: attribution.paidX.revenue, spend: cost.adPlatformSpend }
        : null,
  });
  roi.breakEven = breakEven(inputs, ltv);

  // 9. uncertainty
  const uncertainty = options.skipUncertainty
    ? undefined
    : await uncertaintyStage(ctx, inputs, ltv, {
        winRates: winRateGroups(deals, winRates, inputs),
        lift: lift.value ? { value: lift.value.value, low: lift.value.low, high: lift.value.high } : null,
      });

  const dealsSection = await dealEvidence(store, deals, credit, ltvOf, attribution.touchesByDeal);

  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    generator: { name: 'xroi', version: VERSION },
    meta: {
      currency: config.currency,
      locale: config.locale,
      timeZone: config.timeZone,
      period: { start: period.start, end: period.end },
      seed: config.uncertainty.seed,
      coverage: await coverage(store),
      imports: await importsOf(store),
    },
    dataQuality: {
      issues: [...(await importWarnings(store, config.locale)), ...issues],
      missing: missing.map((m) => (m.key ? { ...m, need: t(config.locale, m.key as MessageKey) } : m)),
    },
    channels: grouper.tally(),
    roi,
    // per-journey shares and lift draws are working data, not result content (see result.ts)
    attribution: resultAttribution(attribution.section),
    ltv,
    cost,
    funnel,
    engagement,
    lift: resultLift(lift),
    selfReport,
    ...(uncertainty ? { uncertainty } : {}),
    deals: dealsSection,
  };
}

/** People credited to X at a funnel step: the X-touched side of the funnel (an association). */
function xFunnelCount(funnel: FunnelSection, key: string): number | null {
  if (funnel.reason) return null;
  return funnel.xSplit.touched.counts.find((c) => c.key === key)?.count ?? null;
}

/** Render a stored issue again in `locale` when it carries its catalog key (import-time language otherwise). */
export function localizeIssue(issue: Issue, locale: Locale): Issue {
  if (!issue.key) return issue;
  const key = issue.key as MessageKey;
  const message = t(locale, key, issue.params ?? {});
  if (message === key) return issue;
  const hintKey = `${issue.key}.hint` as MessageKey;
  const hint = t(locale, hintKey, issue.params ?? {});
  return { ...issue, message, ...(hint !== hintKey ? { hint } : {}) };
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

/**
 * X's credit share of every new-business deal (x_organic + x_paid) → the bridge inputs. Deals won
 * in the period count at their booked amount (traditional) and their LTV (true); open deals at
 * P(won | stage) × LTV. Renewals are left out: their revenue is part of the first deal's LTV.
 */
export function roiInputs(
  deals: DealRecord[],
  xCredit: Record<string, number>,
  winRates: Map<string, { pWin: number }>,
  period: { startMs: number; endMs: number },
  config: Config,
  rest: Omit<RoiInputs, 'wonInPeriod' | 'openXDeals' | 'grossMargin'>,
): RoiInputs {
  const wonInPeriod: RoiInputs['wonInPeriod'] = [];
  const openXDeals: RoiInputs['openXDeals'] = [];
  for (const d of deals) {
    // a renewal's revenue is already inside the LTV of the customer's first deal
    if (isRenewal(d)) continue;
    const share = xCredit[d.dealId] ?? 0;
    const lastTouchX = !!d.sourceChannel && isXChannel(d.sourceChannel);
    const oneOff = isOneOff(d);
    if (d.isWon && d.closedAt !== null && d.closedAt >= period.startMs && d.closedAt < period.endMs) {
      wonInPeriod.push({
        dealId: d.dealId,
        amount: d.amount ?? 0,
        monthlyRevenue: d.mrr ?? 0,
        oneOff,
        lastTouchX,
        xCredit: share,
      });
    } else if (!d.isClosed && share > 0) {
      const pWin = d.stage ? (winRates.get(d.stage)?.pWin ?? 0) : 0;
      openXDeals.push({
        dealId: d.dealId,
        amount: d.amount ?? 0,
        monthlyRevenue: d.mrr ?? 0,
        oneOff,
        xCredit: share,
        pWin,
      });
    }
  }
  return { wonInPeriod, openXDeals, grossMargin: config.economics.grossMargin.value, ...rest };
}

function winRateGroups(
  deals: DealRecord[],
  rates: Map<string, { reached: number; won: number; source: string }>,
  inputs: RoiInputs,
): { groups: { key: string; won: number; lost: number }[]; groupOf: Record<string, string> } | null {
  const groupOf: Record<string, string> = {};
  const stageOf = new Map(deals.map((d) => [d.dealId, d.stage ?? '']));
  const groups = new Map<string, { key: string; won: number; lost: number }>();
  for (const o of inputs.openXDeals) {
    const s = stageOf.get(o.dealId) ?? '';
    const r = rates.get(s);
    if (!r || r.source !== 'history') continue;
    groupOf[o.dealId] = s;
    groups.set(s, { key: s, won: r.won, lost: r.reached - r.won });
  }
  return groups.size > 0 ? { groups: [...groups.values()], groupOf } : null;
}

async function coverage(store: Store): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const rows = await store.query<{ t: string; n: number }>(
    TABLES.map((t) => `SELECT '${t}' AS t, count(*) AS n FROM ${t}`).join(' UNION ALL '),
  );
  for (const t of TABLES) out[t] = rows.find((r) => r.t === t)?.n ?? 0;
  return out;
}

async function importsOf(store: Store): Promise<ImportSummary[]> {
  const rows = await store.query<{
    file_name: string;
    kind: string;
    rows_stored: number;
    warnings: number;
    imported_at: string;
  }>('SELECT file_name, kind, rows_stored, warnings, imported_at FROM imports ORDER BY import_id');
  return rows.map((r) => ({
    file: r.file_name,
    kind: r.kind,
    rows: r.rows_stored,
    warnings: r.warnings,
    importedAt: r.imported_at,
  }));
}

/** Warnings recorded at import time (duplicates skipped, rows without id, …) belong in the report. */
async function importWarnings(store: Store, locale: Locale): Promise<Issue[]> {
  const rows = await store.query<{ issues_json: string | null }>(
    'SELECT issues_json FROM imports WHERE issues_json IS NOT NULL ORDER BY import_id',
  );
  const out: Issue[] = [];
  for (const r of rows) {
    try {
      const parsed = JSON.parse(r.issues_json ?? '[]') as Issue[];
      if (Array.isArray(parsed)) out.push(...parsed.map((i) => localizeIssue(i, locale)));
    } catch {
      // a ledger row from an older version: nothing to show
    }
  }
  return out;
}
