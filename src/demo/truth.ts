/**
 * The planted truth of the demo company, computed from the simulated world: what each channel
 * really caused, the funnel rates the draws came from, the renewal process, the brand lift, the best
 * posts by pipeline and the ROI inputs. Written as truth.json (for tests) and TRUTH.md (for people)
 * beside the data, so that a model can be checked against what it should recover.
 *
 * Conventions:
 * - A lead's *driver* is the one channel without which the lead would not exist. Removing a channel
 *   removes exactly the leads (and so the deals) it drove; every other touch is a passenger.
 * - Rates are reported as `planted` (the mean of the individual planted probabilities of the units
 *   counted: the expectation of the observed rate) beside `n` units and `k` successes, counted only
 *   over units whose outcome was decided before the data end (so censoring does not bias them).
 */
import { DAY_MS, addDays, dayStartMs, ymd } from './calendar.js';
import {
  BRAND,
  BRANDED_PATTERNS,
  BRANDED_QUERIES,
  DEAL_STAGES,
  DEMO_CHANNELS,
  type DemoChannel,
  winProbabilityFromStage,
} from './params.js';
import type { Series } from './series.js';
import type { DemoContact, DemoDeal, World } from './world.js';
import type { DemoFile } from './files.js';

export const TRUTH_SCHEMA = 'xroi-demo-truth/1';

/** A binomial rate: planted probability (expectation), n decided units, k successes. */
export interface RateTruth {
  planted: number;
  n: number;
  k: number;
}

export interface FunnelTruth {
  leadToTrueLead: RateTruth;
  trueLeadToOpportunity: RateTruth;
  opportunityToWon: RateTruth;
}

export interface ChannelEffect {
  leads: number;
  opportunities: number;
  won: number;
  pipelineAmount: number;
  wonAmount: number;
  shareOfLeads: number;
  shareOfOpportunities: number;
  shareOfWon: number;
  shareOfWonAmount: number;
}

export interface PostTruth {
  postId: string;
  date: string;
  theme: string;
  kind: 'normal' | 'planted' | 'viral';
  likes: number;
  impressions: number;
  leads: number;
  opportunities: number;
  pipelineAmount: number;
  wonAmount: number;
}

export interface DemoTruth {
  schema: typeof TRUTH_SCHEMA;
  seed: number;
  scale: number;
  months: number;
  currency: 'JPY';
  timeZone: 'Asia/Tokyo';
  dates: {
    historyStart: string;
    windowStart: string;
    programStart: string;
    adsStart: string;
    end: string;
    analysisPeriod: { start: string; end: string };
  };
  brand: {
    name: string;
    company: string;
    handle: string;
    site: string;
    brandedQueries: string[];
    /** case-insensitive patterns, applied after NFKC folding (full-width → ASCII) */
    brandedPatterns: string[];
  };
  files: { name: string; kind: string; layout: string; encoding: string; rows: number }[];
  volumes: {
    accounts: number;
    contacts: number;
    leads: number;
    /** contacts a sales rep added straight to a deal (buying committee; HubSpot Offline Sources / CRM_UI, no lead date) */
    salesAddedContacts: number;
    deals: number;
    newBusinessDeals: number;
    renewalDeals: number;
    posts: number;
    postsWithTrackedSessions: number;
    touchpoints: number;
  };
  /** How each channel shows up in the raw data (the grouping a model should apply). */
  channelSignals: Record<DemoChannel, string>;
  /** What each channel caused in the analysis period (leads created, deals created, deals won then). */
  channelEffects: {
    period: { start: string; end: string };
    byChannel: Record<DemoChannel, ChannelEffect>;
    /** X-driven won deals whose people never clicked a post (they came by branded search or direct). */
    xWonWithoutXTouch: number;
    xWonWithXTouch: number;
  };
  funnel: {
    definitions: Record<keyof FunnelTruth, string>;
    /** units counted: entered their stage on or before these days (Japan), so every outcome is decided */
    cutoffs: { leadCreatedBy: string; trueLeadBy: string; dealCreatedBy: string };
    all: FunnelTruth;
    analysisPeriod: FunnelTruth;
    byChannel: Record<DemoChannel, FunnelTruth>;
  };
  /** Ideal customer profile (contacts export: Industry, Number of Employees): P(true lead | lead) by fit. */
  icp: {
    employeesMin: number;
    employeesMax: number;
    industries: string[];
    fitMultiplier: number;
    otherMultiplier: number;
    leadToTrueLead: { fit: RateTruth; notFit: RateTruth };
  };
  /** P(won | the deal entered this stage): stage 0 by channel, later stages shared. */
  stageWinProbability: { stages: string[]; byChannel: Record<DemoChannel, number[]> };
  retention: {
    period: 'contract year (12 months)';
    alpha: number;
    beta: number;
    meanAnnualChurn: number;
    impliedMonthlyChurn: number;
    expansion: { probability: number; low: number; high: number };
    subscriptions: number;
    renewalsObserved: number;
    churnsObserved: number;
    /** individual-level sBG data: subscriptions by renewals made and whether the last decision was a churn */
    decisions: { renewals: number; churned: boolean; count: number }[];
    /** fiscal-year cohorts (April): customers still active at each fully observed renewal */
    cohorts: { cohort: string; active: number[] }[];
  };
  brandLift: {
    programStart: string;
    rampDays: number;
    brandedClicksPerDay: LiftTruth;
    directSessionsPerDay: LiftTruth;
    /** realized mean branded clicks per day before the program (no lift) */
    preProgramBrandedClicksPerDay: number;
    /**
     * New follows per day in the X account overview before and during the program (realized). The
     * program changes posting volume too, so this is the program's total effect on follows, not a
     * lift at constant activity.
     */
    newFollowsPerDay: { beforeProgram: number; program: number };
  };
  posts: {
    definition: string;
    planted: string[];
    viral: string[];
    topByPipeline: PostTruth[];
    topByLikes: PostTruth[];
  };
  selfReported: {
    filled: number;
    /** answers naming X, by the channel that really drove the lead */
    namingXByDriver: Record<DemoChannel, { filled: number; namingX: number }>;
  };
  costs: CostTruth;
  economics: {
    grossMargin: number;
    annualDiscountRate: number;
    loadedHourlyRate: number;
    plantedMrrMedian: number;
    meanNewMrr: number;
    /** Σ_t S(t)/(1+d)^t over contract years with the planted α, β (Fader & Hardie 2010 DEL) */
    discountedExpectedLifetimeYears: number;
  };
  roi: {
    convention: string;
    xDrivenWonDeals: number;
    xDrivenFirstYearRevenue: number;
    xDrivenLifetimeGrossProfit: number;
    xOpenPipelineExpectedGrossProfit: number;
    /**
     * The part no click records: X-driven deals won in the period with no X touch by anyone on the
     * deal (they arrived by branded search or direct). Only brand lift and self-reports can see it.
     */
    xUntrackedWonDeals: number;
    xUntrackedLifetimeGrossProfit: number;
    trueReturn: number;
    fullCost: number;
    trueRoi: number;
  };
}

export interface LiftTruth {
  /** planted mean extra per day once the ramp is complete */
  fullEffect: number;
  /** planted mean extra per day averaged over the whole post-period (ramp included) */
  expectedAverage: number;
  /** realized extra per day averaged over the post-period, and its total */
  realizedAverage: number;
  realizedTotal: number;
  postDays: number;
}

export interface CostTruth {
  period: { start: string; end: string };
  xAdsSpend: number;
  xCash: { tools: number; agency: number; content: number; ads: number; total: number };
  otherChannels: Record<string, number>;
  hours: { total: number; byRole: Record<string, number> };
  laborCost: number;
  fullCost: number;
  window: { xCashTotal: number; hours: number };
}

const round = (x: number, digits = 6) => Math.round(x * 10 ** digits) / 10 ** digits;

function rate(units: { p: number; success: boolean }[]): RateTruth {
  const n = units.length;
  const planted = n ? units.reduce((s, u) => s + u.p, 0) / n : 0;
  return { planted: round(planted), n, k: units.filter((u) => u.success).length };
}

function meanFollows(rows: Series['xDaily']): number {
  return rows.length ? round(rows.reduce((s, r) => s + r.newFollows, 0) / rows.length) : 0;
}

/** DEL = Σ_{t≥0} S(t)/(1+d)^t with S(t) = Π_{i=1..t} (β+i−1)/(α+β+i−1). */
export function discountedExpectedLifetime(alpha: number, beta: number, d: number): number {
  let s = 1;
  let total = 1;
  for (let t = 1; t < 5000; t++) {
    s *= (beta + t - 1) / (alpha + beta + t - 1);
    const term = s / Math.pow(1 + d, t);
    total += term;
    if (term < 1e-14) break;
  }
  return total;
}

/** Last days (in Japan) on which a unit must have entered its stage for its outcome to be decided by the data end. */
export function funnelCutoffs(end: string): { leadCreatedBy: string; trueLeadBy: string; dealCreatedBy: string } {
  return { leadCreatedBy: addDays(end, -15), trueLeadBy: addDays(end, -31), dealCreatedBy: addDays(end, -131) };
}

function funnelOf(world: World, leads: DemoContact[]): FunnelTruth {
  const cut = funnelCutoffs(world.dates.end);
  const deals = world.deals.filter((d) => d.type === 'new');
  const leadIds = new Set(leads.map((c) => c.id));
  return {
    leadToTrueLead: rate(
      leads
        .filter((c) => ymd(c.createdAt) <= cut.leadCreatedBy)
        .map((c) => ({ p: c.pTrueLead, success: c.becomesTrueLead })),
    ),
    trueLeadToOpportunity: rate(
      leads
        .filter((c) => c.becomesTrueLead && c.trueLeadAt !== null && ymd(c.trueLeadAt) <= cut.trueLeadBy)
        .map((c) => ({ p: c.pOpportunity, success: c.becomesOpportunity })),
    ),
    opportunityToWon: rate(
      deals
        .filter((d) => leadIds.has(d.primaryContactId) && ymd(d.createdAt) <= cut.dealCreatedBy)
        .map((d) => ({ p: d.pWin, success: d.outcome === 'won' })),
    ),
  };
}

const SIGNALS: Record<DemoChannel, string> = {
  x_organic:
    'utm_source x|twitter + utm_medium social (utm_content = post id), or only a t.co referrer; HubSpot Social Media / Twitter',
  x_paid:
    'utm_source x|twitter + utm_medium paid_social, utm_campaign xads-<campaign id>; HubSpot Paid Social / Twitter',
  organic_search: 'google|yahoo|bing / organic; HubSpot Organic Search',
  paid_search: 'google|yahoo / cpc; HubSpot Paid Search',
  email: 'hs_email / email; HubSpot Email Marketing',
  events:
    'touch kind webinar (zoom / webinar) or event (expo / offline); HubSpot Offline Sources / INTEGRATION / Zoom Webinar or IMPORT / expo-YYYY-MM (the demo config maps these to events)',
  referral: 'partner domains / referral; HubSpot Referrals',
  linkedin: 'linkedin / social; HubSpot Social Media / LinkedIn',
  direct: '(direct) / (none), no referrer; HubSpot Direct Traffic',
};

const X_PATTERN = /(^|[^a-z])x([^a-z]|$)|twitter|ツイッター|@nexaro/i;

export function computeTruth(world: World, series: Series, files: DemoFile[]): DemoTruth {
  const { dates, options } = world;
  const P = options.params;
  const endMs = dayStartMs(dates.end) + DAY_MS;
  const periodStartMs = dayStartMs(dates.analysisStart);
  const inPeriod = (ms: number | null) => ms !== null && ms >= periodStartMs && ms < endMs;
  const leads = world.contacts.filter((c) => c.isLead);
  const newDeals = world.deals.filter((d) => d.type === 'new');
  const byChannel = <T>(f: (ch: DemoChannel) => T) =>
    Object.fromEntries(DEMO_CHANNELS.map((ch) => [ch, f(ch)])) as Record<DemoChannel, T>;

  // channel effects --------------------------------------------------------------------------------
  const effects = byChannel(() => ({ leads: 0, opportunities: 0, won: 0, pipelineAmount: 0, wonAmount: 0 }));
  for (const c of leads) if (inPeriod(c.createdAt)) effects[c.driver as DemoChannel].leads++;
  for (const d of newDeals) {
    const e = effects[d.driver as DemoChannel];
    if (inPeriod(d.createdAt)) {
      e.opportunities++;
      e.pipelineAmount += d.amount;
    }
    if (d.outcome === 'won' && inPeriod(d.closedAt)) {
      e.won++;
      e.wonAmount += d.amount;
    }
  }
  const sum = (k: 'leads' | 'opportunities' | 'won' | 'wonAmount') =>
    DEMO_CHANNELS.reduce((s, ch) => s + effects[ch][k], 0);
  const totals = {
    leads: sum('leads'),
    opportunities: sum('opportunities'),
    won: sum('won'),
    wonAmount: sum('wonAmount'),
  };
  const share = (a: number, b: number) => (b > 0 ? round(a / b) : 0);
  const channelEffects = byChannel((ch) => {
    const e = effects[ch];
    return {
      ...e,
      shareOfLeads: share(e.leads, totals.leads),
      shareOfOpportunities: share(e.opportunities, totals.opportunities),
      shareOfWon: share(e.won, totals.won),
      shareOfWonAmount: share(e.wonAmount, totals.wonAmount),
    };
  });
  const xTouched = new Set(
    world.touches.filter((t) => t.trueChannel === 'x_organic' || t.trueChannel === 'x_paid').map((t) => t.personId),
  );
  const xWon = newDeals.filter(
    (d) => (d.driver === 'x_organic' || d.driver === 'x_paid') && d.outcome === 'won' && inPeriod(d.closedAt),
  );
  const xUntracked = xWon.filter((d) => !d.contactIds.some((id) => xTouched.has(id)));
  const xWonWithXTouch = xWon.length - xUntracked.length;

  // funnel -----------------------------------------------------------------------------------------
  const funnel = {
    definitions: {
      leadToTrueLead:
        'contacts with a "Became a Lead Date" (marketing leads) → "Became a Sales Qualified Lead Date" (the true lead); units: leads created by cutoffs.leadCreatedBy',
      trueLeadToOpportunity:
        'true leads → opened a New Business deal as its first contact; units: true leads qualified by cutoffs.trueLeadBy',
      opportunityToWon:
        'New Business deals (all are opened by a lead) → Closed Won; units: deals created by cutoffs.dealCreatedBy (all decided)',
    },
    cutoffs: funnelCutoffs(dates.end),
    all: funnelOf(world, leads),
    analysisPeriod: funnelOf(
      world,
      leads.filter((c) => inPeriod(c.createdAt)),
    ),
    byChannel: byChannel((ch) =>
      funnelOf(
        world,
        leads.filter((c) => c.driver === ch),
      ),
    ),
  };

  // ideal customer profile ----------------------------------------------------------------------------
  const fitAccounts = new Set(world.accounts.filter((a) => a.icpFit).map((a) => a.id));
  const cut = funnelCutoffs(dates.end);
  const icpRate = (fit: boolean) =>
    rate(
      leads
        .filter((c) => fitAccounts.has(c.accountId) === fit && ymd(c.createdAt) <= cut.leadCreatedBy)
        .map((c) => ({ p: c.pTrueLead, success: c.becomesTrueLead })),
    );
  const icp = {
    ...P.icp,
    industries: [...P.icp.industries],
    leadToTrueLead: { fit: icpRate(true), notFit: icpRate(false) },
  };

  // retention ---------------------------------------------------------------------------------------
  const subs = world.subscriptions;
  const decisions = new Map<string, number>();
  for (const s of subs) {
    const key = `${s.renewals}|${s.churned}`;
    decisions.set(key, (decisions.get(key) ?? 0) + 1);
  }
  const fiscalYear = (ms: number) => {
    const day = ymd(ms);
    const y = Number(day.slice(0, 4));
    return Number(day.slice(5, 7)) >= 4 ? y : y - 1;
  };
  const cohortMap = new Map<number, typeof subs>();
  for (const s of subs) {
    const fy = fiscalYear(s.start);
    cohortMap.set(fy, [...(cohortMap.get(fy) ?? []), s]);
  }
  const cohorts = [...cohortMap.entries()]
    .sort(([a], [b]) => a - b)
    .map(([fy, members]) => {
      const active = [members.length];
      for (let k = 1; ; k++) {
        // the k-th renewal of every member (cohort ends 31 March fy+1) must lie before the data end
        const lastAnniversary = dayStartMs(`${fy + 1 + k}-03-31`) + DAY_MS;
        if (lastAnniversary > endMs) break;
        active.push(members.filter((s) => s.renewals >= k).length);
      }
      return { cohort: `FY${fy}`, active };
    });
  const meanChurn = P.sbg.alpha / (P.sbg.alpha + P.sbg.beta);
  const del = discountedExpectedLifetime(P.sbg.alpha, P.sbg.beta, P.annualDiscountRate);

  // brand lift -------------------------------------------------------------------------------------
  const postDays = series.lift.length;
  const liftOf = (full: number, realized: number[], expected: number[]): LiftTruth => ({
    fullEffect: full,
    expectedAverage: round(expected.reduce((a, b) => a + b, 0) / Math.max(1, postDays)),
    realizedAverage: round(realized.reduce((a, b) => a + b, 0) / Math.max(1, postDays)),
    realizedTotal: realized.reduce((a, b) => a + b, 0),
    postDays,
  });
  const pre = series.search.filter((r) => r.branded && r.day < dates.programStart);
  const preDays = new Set(pre.map((r) => r.day)).size;

  // posts --------------------------------------------------------------------------------------------
  const postStats = new Map<
    string,
    { leads: number; opportunities: number; pipelineAmount: number; wonAmount: number }
  >();
  const stat = (id: string) => {
    let s = postStats.get(id);
    if (!s) postStats.set(id, (s = { leads: 0, opportunities: 0, pipelineAmount: 0, wonAmount: 0 }));
    return s;
  };
  for (const c of leads) if (c.entryPostId) stat(c.entryPostId).leads++;
  for (const d of newDeals) {
    if (!d.entryPostId) continue;
    const s = stat(d.entryPostId);
    s.opportunities++;
    s.pipelineAmount += d.amount;
    if (d.outcome === 'won') s.wonAmount += d.amount;
  }
  const postTruth = world.posts.map((p): PostTruth => ({
    postId: p.id,
    date: p.day,
    theme: p.theme,
    kind: p.kind,
    likes: p.metrics.likes,
    impressions: p.metrics.impressions,
    ...(postStats.get(p.id) ?? { leads: 0, opportunities: 0, pipelineAmount: 0, wonAmount: 0 }),
  }));
  const byId = (a: PostTruth, b: PostTruth) => (a.postId < b.postId ? -1 : 1);
  const topByPipeline = postTruth
    .slice()
    .sort((a, b) => b.pipelineAmount - a.pipelineAmount || byId(a, b))
    .slice(0, 5);
  const topByLikes = postTruth
    .slice()
    .sort((a, b) => b.likes - a.likes || byId(a, b))
    .slice(0, 5);
  const sessionPosts = new Set<string>();
  const postByTco = new Map(world.posts.filter((p) => p.tco).map((p) => [p.tco as string, p.id]));
  for (const t of world.touches) {
    if (t.trueChannel !== 'x_organic' && t.trueChannel !== 'x_paid') continue;
    sessionPosts.add(t.content || postByTco.get(t.referrer.slice('https://t.co/'.length)) || '');
  }

  // self-reported ----------------------------------------------------------------------------------
  const namingXByDriver = byChannel(() => ({ filled: 0, namingX: 0 }));
  let filled = 0;
  for (const c of leads) {
    if (!c.selfReport) continue;
    filled++;
    const e = namingXByDriver[c.driver as DemoChannel];
    e.filled++;
    if (X_PATTERN.test(c.selfReport)) e.namingX++;
  }

  // costs --------------------------------------------------------------------------------------------
  const inPeriodDay = (day: string) => day >= dates.analysisStart && day <= dates.end;
  const xAdsSpend = world.adRows.filter((r) => inPeriodDay(r.day)).reduce((s, r) => s + r.spend, 0);
  const xCash = { tools: 0, agency: 0, content: 0, ads: xAdsSpend, total: 0 };
  const otherChannels: Record<string, number> = {};
  let windowXCash = world.adRows.reduce((s, r) => s + r.spend, 0);
  for (const c of series.costs) {
    if (c.channel === 'x') windowXCash += c.amount;
    if (!inPeriodDay(c.start)) continue;
    if (c.channel === 'x') xCash[c.category as 'tools' | 'agency' | 'content'] += c.amount;
    else otherChannels[c.channel] = (otherChannels[c.channel] ?? 0) + c.amount;
  }
  xCash.total = xCash.tools + xCash.agency + xCash.content + xCash.ads;
  const byRole: Record<string, number> = {};
  let hours = 0;
  for (const r of series.timeLog) {
    if (!inPeriodDay(r.weekStart)) continue;
    byRole[r.role] = (byRole[r.role] ?? 0) + r.hours;
    hours += r.hours;
  }
  const laborCost = hours * P.loadedHourlyRate;
  const costs: CostTruth = {
    period: { start: dates.analysisStart, end: dates.end },
    xAdsSpend,
    xCash,
    otherChannels,
    hours: { total: hours, byRole },
    laborCost,
    fullCost: xCash.total + laborCost,
    window: { xCashTotal: windowXCash, hours: series.timeLog.reduce((s, r) => s + r.hours, 0) },
  };

  // ROI under the planted process ---------------------------------------------------------------
  const isX = (d: DemoDeal) => d.driver === 'x_organic' || d.driver === 'x_paid';
  const xDrivenFirstYearRevenue = xWon.reduce((s, d) => s + d.amount, 0);
  const xDrivenLifetimeGrossProfit = xDrivenFirstYearRevenue * P.grossMargin * del;
  const openX = newDeals.filter((d) => isX(d) && d.outcome === 'open');
  const xOpenPipelineExpectedGrossProfit = openX.reduce(
    (s, d) => s + d.amount * P.grossMargin * del * winProbabilityFromStage(P, d.driver as DemoChannel, d.currentStage),
    0,
  );
  const trueReturn = xDrivenLifetimeGrossProfit + xOpenPipelineExpectedGrossProfit;
  const newMrr = newDeals.map((d) => d.mrr);

  return {
    schema: TRUTH_SCHEMA,
    seed: options.seed,
    scale: options.scale,
    months: options.months,
    currency: 'JPY',
    timeZone: 'Asia/Tokyo',
    dates: {
      historyStart: dates.historyStart,
      windowStart: dates.windowStart,
      programStart: dates.programStart,
      adsStart: dates.adsStart,
      end: dates.end,
      analysisPeriod: { start: dates.analysisStart, end: dates.end },
    },
    brand: {
      name: BRAND.name,
      company: BRAND.company,
      handle: BRAND.handle,
      site: BRAND.site,
      brandedQueries: BRANDED_QUERIES.map(([q]) => q),
      brandedPatterns: [...BRANDED_PATTERNS],
    },
    files: files.map((f) => ({ name: f.name, kind: f.kind, layout: f.layout, encoding: f.encoding, rows: f.rows })),
    volumes: {
      accounts: new Set(world.contacts.map((c) => c.accountId)).size,
      contacts: world.contacts.length,
      leads: leads.length,
      salesAddedContacts: world.contacts.length - leads.length,
      deals: world.deals.length,
      newBusinessDeals: newDeals.length,
      renewalDeals: world.deals.length - newDeals.length,
      posts: world.posts.length,
      postsWithTrackedSessions: world.posts.filter((p) => sessionPosts.has(p.id)).length,
      touchpoints: world.touches.length,
    },
    channelSignals: SIGNALS,
    channelEffects: {
      period: { start: dates.analysisStart, end: dates.end },
      byChannel: channelEffects,
      xWonWithoutXTouch: xWon.length - xWonWithXTouch,
      xWonWithXTouch,
    },
    funnel,
    icp,
    stageWinProbability: {
      stages: [...DEAL_STAGES],
      byChannel: byChannel((ch) => DEAL_STAGES.map((_, k) => round(winProbabilityFromStage(P, ch, k)))),
    },
    retention: {
      period: 'contract year (12 months)',
      alpha: P.sbg.alpha,
      beta: P.sbg.beta,
      meanAnnualChurn: round(meanChurn),
      impliedMonthlyChurn: round(1 - Math.pow(1 - meanChurn, 1 / 12)),
      expansion: { ...P.expansion },
      subscriptions: subs.length,
      renewalsObserved: subs.reduce((s, x) => s + x.renewals, 0),
      churnsObserved: subs.filter((s) => s.churned).length,
      decisions: [...decisions.entries()]
        .map(([k, count]) => {
          const [r, ch] = k.split('|');
          return { renewals: Number(r), churned: ch === 'true', count };
        })
        .sort((a, b) => a.renewals - b.renewals || Number(a.churned) - Number(b.churned)),
      cohorts,
    },
    brandLift: {
      programStart: dates.programStart,
      rampDays: P.brandLift.rampDays,
      brandedClicksPerDay: liftOf(
        P.brandLift.brandedClicksPerDay,
        series.lift.map((l) => l.brandedClicks),
        series.lift.map((l) => l.expectedBranded),
      ),
      directSessionsPerDay: liftOf(
        P.brandLift.directSessionsPerDay,
        series.lift.map((l) => l.directSessions),
        series.lift.map((l) => l.expectedDirect),
      ),
      preProgramBrandedClicksPerDay: round(pre.reduce((s, r) => s + r.clicks, 0) / Math.max(1, preDays)),
      newFollowsPerDay: {
        beforeProgram: meanFollows(series.xDaily.filter((r) => r.day < dates.programStart)),
        program: meanFollows(series.xDaily.filter((r) => r.day >= dates.programStart)),
      },
    },
    posts: {
      definition:
        'a deal is credited to the post through which its opening lead first arrived (organic or promoted); pipeline = Amount of those New Business deals, won = the Closed Won part',
      planted: world.posts.filter((p) => p.kind === 'planted').map((p) => p.id),
      viral: world.posts.filter((p) => p.kind === 'viral').map((p) => p.id),
      topByPipeline,
      topByLikes,
    },
    selfReported: { filled, namingXByDriver },
    costs,
    economics: {
      grossMargin: P.grossMargin,
      annualDiscountRate: P.annualDiscountRate,
      loadedHourlyRate: P.loadedHourlyRate,
      plantedMrrMedian: P.mrrMedian,
      meanNewMrr: round(newMrr.reduce((a, b) => a + b, 0) / Math.max(1, newMrr.length), 2),
      discountedExpectedLifetimeYears: round(del),
    },
    roi: {
      convention:
        'return = Σ over X-driven New Business deals won in the analysis period of Amount × gross margin × DEL (contract years, planted α β, annual discount rate) + Σ over X-driven deals open at the end of the same × P(won | current stage); cost = X cash (x-ads spend + X rows of the cost sheet) + staff hours × loaded rate, all in the analysis period. Brand lift is already inside: X-driven leads that arrived by branded search or direct are counted as X-driven.',
      xDrivenWonDeals: xWon.length,
      xDrivenFirstYearRevenue,
      xDrivenLifetimeGrossProfit: round(xDrivenLifetimeGrossProfit, 0),
      xOpenPipelineExpectedGrossProfit: round(xOpenPipelineExpectedGrossProfit, 0),
      xUntrackedWonDeals: xUntracked.length,
      xUntrackedLifetimeGrossProfit: round(xUntracked.reduce((s, d) => s + d.amount, 0) * P.grossMargin * del, 0),
      trueReturn: round(trueReturn, 0),
      fullCost: costs.fullCost,
      trueRoi: round((trueReturn - costs.fullCost) / costs.fullCost),
    },
  };
}
