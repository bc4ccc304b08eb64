/**
 * The funnel model (DESIGN §6.3): lead → true lead → opportunity → won, as pure functions of each
 * lead's progress. Counts are nested (a step counts people who reached it and every earlier step),
 * so they never increase along the funnel. Rates carry Wilson and Jeffreys intervals (model/stats).
 *
 * Rates into "won" are computed over decided units: an opportunity whose new-business deals are
 * still open (no win yet) has no outcome, so it is censored (left out of the trials and counted in
 * `open`) instead of counting as a loss, which would pull the win rate down by the share of young
 * deals. The nested counts keep every unit.
 *
 * Velocity: lead → true lead, lead → opportunity and lead → won are medians over the people who got
 * there ("observed"); opportunity → won is a Kaplan–Meier median over deals, with deals still open
 * entering as censored at the end of observation and lost deals left out (they can no longer be
 * won), so slow open deals pull the median up instead of vanishing.
 */
import { jeffreysInterval, kaplanMeier, median, wilsonInterval, type Proportion } from '../stats/index.js';
import type { CohortRow, FunnelBlock, FunnelCount, SourceQuality, StepConversion, VelocityStage } from './types.js';

const DAY = 86_400_000;

/** One lead's way through the funnel. Times are epoch ms. */
export interface LeadProgress {
  personId: string;
  leadAt: number;
  trueLeadAt: number | null;
  isTrueLead: boolean;
  opportunityAt: number | null;
  isOpportunity: boolean;
  wonAt: number | null;
  isWon: boolean;
  /** an opportunity not won whose outcome is still open (a new-business deal not closed, or no deal to tell) */
  outcomeOpen: boolean;
  sourceChannel: string;
  xTouched: boolean;
  /** lead-creation month YYYY-MM */
  month: string;
}

/** A deal as velocity sees it. */
export interface DealSpan {
  createdAt: number;
  closedAt: number | null;
  isWon: boolean;
  isClosed: boolean;
}

/** Conversion from one count to the next; `open` units of `from` are censored (left out of the trials). */
export function conversion(from: FunnelCount, to: FunnelCount, level = 0.95, open = 0): StepConversion {
  const trials = from.count - open;
  return {
    from: from.key,
    to: to.key,
    wilson: wilsonInterval(to.count, trials, level),
    jeffreys: jeffreysInterval(to.count, trials, level),
    open,
  };
}

/** Nested opportunities (true lead and opportunity) whose outcome is still open. */
export function openOpportunities(leads: readonly LeadProgress[]): number {
  return leads.filter((l) => l.isTrueLead && l.isOpportunity && !l.isWon && l.outcomeOpen).length;
}

/** Nested counts of a set of leads. */
export function funnelCounts(leads: readonly LeadProgress[]): FunnelCount[] {
  let tl = 0;
  let opp = 0;
  let won = 0;
  for (const l of leads) {
    if (!l.isTrueLead) continue;
    tl++;
    if (!l.isOpportunity) continue;
    opp++;
    if (l.isWon) won++;
  }
  return [
    { key: 'lead', count: leads.length },
    { key: 'true_lead', count: tl },
    { key: 'opportunity', count: opp },
    { key: 'won', count: won },
  ];
}

export function funnelBlock(leads: readonly LeadProgress[], level = 0.95): FunnelBlock {
  const counts = funnelCounts(leads);
  const open = openOpportunities(leads);
  const steps = [
    conversion(counts[0]!, counts[1]!, level),
    conversion(counts[1]!, counts[2]!, level),
    conversion(counts[2]!, counts[3]!, level, open),
  ];
  return { counts, steps, overall: conversion(counts[0]!, counts[3]!, level, open) };
}

interface Tally {
  leads: number;
  trueLeads: number;
  opportunities: number;
  won: number;
  /** nested opportunities whose outcome is still open (censored in the win rate) */
  openOpportunities: number;
}

function tally(leads: readonly LeadProgress[]): Tally {
  const c = funnelCounts(leads);
  return {
    leads: c[0]!.count,
    trueLeads: c[1]!.count,
    opportunities: c[2]!.count,
    won: c[3]!.count,
    openOpportunities: openOpportunities(leads),
  };
}

function rates(
  t: Tally,
  level: number,
): { trueLeadRate: Proportion; opportunityRate: Proportion; winRate: Proportion } {
  return {
    trueLeadRate: wilsonInterval(t.trueLeads, t.leads, level),
    opportunityRate: wilsonInterval(t.opportunities, t.leads, level),
    winRate: wilsonInterval(t.won, t.leads - t.openOpportunities, level),
  };
}

function groupBy<K>(leads: readonly LeadProgress[], key: (l: LeadProgress) => K): Map<K, LeadProgress[]> {
  const m = new Map<K, LeadProgress[]>();
  for (const l of leads) {
    const k = key(l);
    const arr = m.get(k);
    if (arr) arr.push(l);
    else m.set(k, [l]);
  }
  return m;
}

/** Monthly cohorts by lead-creation month, in month order. */
export function cohorts(leads: readonly LeadProgress[], level = 0.95): CohortRow[] {
  const g = groupBy(leads, (l) => l.month);
  return [...g.keys()].sort().map((month) => {
    const t = tally(g.get(month)!);
    return { month, ...t, ...rates(t, level) };
  });
}

/** Lead quality per source channel, most leads first. */
export function sourceQuality(leads: readonly LeadProgress[], level = 0.95): SourceQuality[] {
  const g = groupBy(leads, (l) => l.sourceChannel);
  return [...g.entries()]
    .map(([channel, ls]) => {
      const t = tally(ls);
      return { channel, ...t, ...rates(t, level) };
    })
    .sort((a, b) => b.leads - a.leads || a.channel.localeCompare(b.channel));
}

function observed(key: VelocityStage['key'], days: number[]): VelocityStage {
  const m = median(days);
  return {
    key,
    medianDays: m,
    method: 'observed',
    n: days.length,
    events: days.length,
    censored: 0,
    completedOnlyMedianDays: m,
  };
}

/**
 * Median days per stage. `observedUntil` is the end of observation (epoch ms): open deals are
 * censored there.
 */
export function velocity(
  leads: readonly LeadProgress[],
  deals: readonly DealSpan[],
  observedUntil: number,
): VelocityStage[] {
  const days = (a: number, b: number) => Math.max(0, b - a) / DAY;
  const tl = leads.filter((l) => l.isTrueLead && l.trueLeadAt !== null).map((l) => days(l.leadAt, l.trueLeadAt!));
  const opp = leads
    .filter((l) => l.isOpportunity && l.opportunityAt !== null)
    .map((l) => days(l.leadAt, l.opportunityAt!));
  const won = leads.filter((l) => l.isWon && l.wonAt !== null).map((l) => days(l.leadAt, l.wonAt!));
  const spans: { time: number; event: boolean }[] = [];
  const wonDays: number[] = [];
  for (const d of deals) {
    if (d.isClosed && !d.isWon) continue; // lost: can no longer be won
    if (d.isWon && d.closedAt !== null) {
      const t = days(d.createdAt, d.closedAt);
      spans.push({ time: t, event: true });
      wonDays.push(t);
    } else if (!d.isClosed && d.createdAt <= observedUntil) {
      spans.push({ time: days(d.createdAt, observedUntil), event: false });
    }
  }
  const km = kaplanMeier(spans);
  return [
    observed('lead_to_true_lead', tl),
    observed('lead_to_opportunity', opp),
    {
      key: 'opportunity_to_won',
      medianDays: km.median,
      method: 'kaplan-meier',
      n: km.n,
      events: km.events,
      censored: km.censored,
      completedOnlyMedianDays: median(wonDays),
    },
    observed('lead_to_won', won),
  ];
}
