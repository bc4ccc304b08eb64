/**
 * The funnel stage: reads people, lifecycle, touchpoints and deals from the store, applies the
 * true-lead rules and returns the FunnelSection. Leads are the people whose lead time falls in the
 * analysis period; their later progress counts whenever it happened (a cohort view). A lead is
 * X-touched when any of their touches is from X (source, referrer, CRM source labels) or is linked
 * to a post (engagement/link.ts).
 */
import { loadDealInfo } from './deals.js';
import { loadLinkedPeople } from '../engagement/link.js';
import type { StageContext } from '../stage.js';
import { jeffreysInterval, wilsonInterval } from '../stats/index.js';
import { dayOf } from '../../time.js';
import {
  cohorts,
  funnelBlock,
  funnelCounts,
  sourceQuality,
  velocity,
  type DealSpan,
  type LeadProgress,
} from './funnel.js';
import { loadPeople, type PersonFacts } from './people.js';
import { activeRules, trueLeadVerdict, type TrueLeadRule } from './true-lead.js';
import type { FunnelSection } from './types.js';

export const LEVEL = 0.95;
const OPPORTUNITY_STAGES = ['opportunity'];
const CUSTOMER_STAGES = ['customer', 'evangelist'];

function firstStage(p: PersonFacts, keys: readonly string[]): { hit: boolean; at: number | null } {
  let hit = false;
  let at: number | null = null;
  for (const k of keys) {
    if (!p.stages.has(k)) continue;
    hit = true;
    const t = p.stages.get(k) ?? null;
    if (t !== null) at = at === null ? t : Math.min(at, t);
  }
  return { hit, at };
}

const minOf = (xs: (number | null)[]): number | null => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? Math.min(...v) : null;
};

/** One person's progress, or null when the person is not a lead. */
export function progressOf(
  p: PersonFacts,
  rules: StageContext['config']['trueLead'],
  timeZone: string,
): LeadProgress | null {
  if (p.leadAt === null) return null;
  const verdict = trueLeadVerdict(p, rules);
  const oppStage = firstStage(p, OPPORTUNITY_STAGES);
  const custStage = firstStage(p, CUSTOMER_STAGES);
  const wonDeals = p.deals.filter((d) => d.isWon);
  const isWon = wonDeals.length > 0 || custStage.hit;
  const wonAt = minOf([...wonDeals.map((d) => d.closedAt), custStage.at]);
  const isOpportunity = p.deals.length > 0 || oppStage.hit || isWon;
  const opportunityAt = minOf([...p.deals.map((d) => d.createdAt), oppStage.at]) ?? wonAt;
  // decided: won, or every new-business deal closed (lost); an opportunity by stage alone cannot tell
  const newBusiness = p.deals.filter((d) => !d.existing);
  const outcomeOpen = isOpportunity && !isWon && (newBusiness.length === 0 || newBusiness.some((d) => !d.isClosed));
  return {
    personId: p.personId,
    leadAt: p.leadAt,
    isTrueLead: verdict.trueLead,
    trueLeadAt: verdict.at,
    isOpportunity,
    opportunityAt,
    isWon,
    wonAt,
    outcomeOpen,
    sourceChannel: p.sourceChannel,
    xTouched: p.xTouched,
    month: dayOf(p.leadAt, timeZone).slice(0, 7),
  };
}

/** Compute the funnel section. Never throws for missing data: an empty funnel says why. */
export async function funnelStage(ctx: StageContext): Promise<FunnelSection> {
  ctx.progress?.('funnel');
  const { config, period } = ctx;
  const deals = await loadDealInfo(ctx.store, config);
  const people = await loadPeople(ctx.store, config, deals);
  // people linked to a post (UTM post id, slug or t.co) were touched by X too
  const linked = await loadLinkedPeople(ctx.store, {
    windowHours: config.engagement.tcoWindowHours,
    slugs: config.engagement.slugs,
  });
  for (const id of linked) {
    const p = people.get(id);
    if (p) p.xTouched = true;
  }
  const leads: LeadProgress[] = [];
  const byRule = new Map<TrueLeadRule, number>();
  let oppNotTrue = 0;
  for (const p of people.values()) {
    if (p.leadAt === null || p.leadAt < period.startMs || p.leadAt >= period.endMs) continue;
    const prog = progressOf(p, config.trueLead, config.timeZone)!;
    leads.push(prog);
    for (const [rule, held] of Object.entries(trueLeadVerdict(p, config.trueLead).rules)) {
      if (held) byRule.set(rule as TrueLeadRule, (byRule.get(rule as TrueLeadRule) ?? 0) + 1);
    }
    if (prog.isOpportunity && !prog.isTrueLead) oppNotTrue++;
  }
  leads.sort((a, b) => a.leadAt - b.leadAt || a.personId.localeCompare(b.personId));
  const periodDeals = deals.filter(
    (d) => !d.existing && d.createdAt !== null && d.createdAt >= period.startMs && d.createdAt < period.endMs,
  );
  const decided = periodDeals.filter((d) => d.isClosed);
  const wonDeals = decided.filter((d) => d.isWon).length;
  const spans: DealSpan[] = periodDeals.map((d) => ({
    createdAt: d.createdAt!,
    closedAt: d.closedAt,
    isWon: d.isWon,
    isClosed: d.isClosed,
  }));
  const active = activeRules(config.trueLead);
  const cohortRows = cohorts(leads, LEVEL);
  let reason: string | undefined;
  if (leads.length === 0) {
    reason = 'reason.no_leads';
    ctx.missing.push({
      section: 'funnel',
      need: 'crm-contacts (with create dates or lifecycle stages) or touchpoints with conversions',
      key: 'missing.funnel',
    });
  }
  return {
    level: LEVEL,
    trueLeadRules: { combine: config.trueLead.combine, active },
    funnel: funnelBlock(leads, LEVEL),
    trueLeads: {
      count: leads.filter((l) => l.isTrueLead).length,
      byRule: active.map((rule) => ({ rule, count: byRule.get(rule) ?? 0 })),
    },
    dealWinRate: {
      decided: decided.length,
      won: wonDeals,
      open: periodDeals.length - decided.length,
      wilson: wilsonInterval(wonDeals, decided.length, LEVEL),
      jeffreys: jeffreysInterval(wonDeals, decided.length, LEVEL),
    },
    opportunitiesNotTrueLead: oppNotTrue,
    velocity: velocity(leads, spans, period.endMs),
    cohorts: cohortRows,
    xSplit: {
      touched: funnelBlock(
        leads.filter((l) => l.xTouched),
        LEVEL,
      ),
      notTouched: funnelBlock(
        leads.filter((l) => !l.xTouched),
        LEVEL,
      ),
      basis: 'correlation',
    },
    sources: sourceQuality(leads, LEVEL),
    chart: {
      funnel: funnelCounts(leads),
      monthly: cohortRows.map((c) => ({
        month: c.month,
        leads: c.leads,
        trueLeadRate: c.trueLeadRate.rate,
        opportunityRate: c.opportunityRate.rate,
        winRate: c.winRate.rate,
      })),
    },
    reason,
  };
}
