/**
 * True leads (DESIGN §6.3): a lead counts as "true" by rules in config.trueLead, not by any form
 * fill. Three rules, each on only when configured:
 *  - stage:  the person reached one of `stages` (lifecycle history, current stage, or a deal = the
 *            opportunity stage). A later stage does not imply an earlier one: CRMs move the contacts
 *            of a deal's buying committee to "opportunity" without their ever being qualified, so
 *            list every stage that qualifies (the default lists MQL, SQL and opportunity);
 *  - action: the person did a touch whose kind is one of `actions` (demo request, meeting, webinar, DM…);
 *  - icp:    the company fits the ideal customer profile (employees within [min, max], industry
 *            containing one of `industries`, country equal to one of `countries`; each given field must
 *            hold, and a missing company value does not fit).
 * `combine: any` needs one configured rule to hold, `all` needs every configured rule. With no rule
 * configured every lead is a true lead. Names are compared without case, spaces, `-` or `_`, with
 * synonyms folded (Marketing Qualified Lead = MQL, 商談 = opportunity).
 *
 * The time a person became a true lead: with `any`, the earliest time one rule held; with `all`,
 * the latest. The ICP holds from the lead time; a stage known only as the current stage has no time
 * and falls back to the lead time.
 */
import type { TrueLeadRules } from '../../config/schema.js';
import { normKey, stageKey } from './lifecycle.js';
import type { PersonFacts } from './people.js';

export type TrueLeadRule = 'stage' | 'action' | 'icp';

export interface TrueLeadVerdict {
  trueLead: boolean;
  /** epoch ms the person became a true lead, when known */
  at: number | null;
  /** the configured rules and whether each held */
  rules: Partial<Record<TrueLeadRule, boolean>>;
}

type Facts = Pick<PersonFacts, 'leadAt' | 'stages' | 'kinds' | 'employees' | 'industry' | 'country'>;

/** Which rules are switched on by the config. */
export function activeRules(rules: TrueLeadRules): TrueLeadRule[] {
  const out: TrueLeadRule[] = [];
  if (rules.stages.length > 0) out.push('stage');
  if (rules.actions.length > 0) out.push('action');
  const icp = rules.icp;
  if (
    icp.employeesMin !== undefined ||
    icp.employeesMax !== undefined ||
    icp.industries.length ||
    icp.countries.length
  ) {
    out.push('icp');
  }
  return out;
}

/** Does the company fit the ideal customer profile? */
export function fitsIcp(f: Pick<Facts, 'employees' | 'industry' | 'country'>, icp: TrueLeadRules['icp']): boolean {
  if (icp.employeesMin !== undefined && !(f.employees !== null && f.employees >= icp.employeesMin)) return false;
  if (icp.employeesMax !== undefined && !(f.employees !== null && f.employees <= icp.employeesMax)) return false;
  if (icp.industries.length > 0) {
    const ind = f.industry?.toLowerCase() ?? '';
    if (!ind || !icp.industries.some((i) => ind.includes(i.toLowerCase()))) return false;
  }
  if (icp.countries.length > 0) {
    const c = f.country?.trim().toLowerCase() ?? '';
    if (!c || !icp.countries.some((x) => x.trim().toLowerCase() === c)) return false;
  }
  return true;
}

/** Apply the true-lead rules to one lead. */
export function trueLeadVerdict(f: Facts, rules: TrueLeadRules): TrueLeadVerdict {
  const active = activeRules(rules);
  if (f.leadAt === null) return { trueLead: false, at: null, rules: {} };
  if (active.length === 0) return { trueLead: true, at: f.leadAt, rules: {} };
  const times: Partial<Record<TrueLeadRule, number | null>> = {};
  if (active.includes('stage')) {
    const wanted = new Set(rules.stages.map(stageKey));
    let best: number | null | undefined;
    for (const [stage, t] of f.stages) {
      if (!wanted.has(stage)) continue;
      const at = t ?? f.leadAt;
      best = best === undefined || best === null ? at : Math.min(best, at);
    }
    times.stage = best === undefined ? null : best;
  }
  if (active.includes('action')) {
    const wanted = new Set(rules.actions.map(normKey));
    let best: number | null = null;
    for (const [kind, t] of f.kinds) if (wanted.has(kind)) best = best === null ? t : Math.min(best, t);
    times.action = best;
  }
  if (active.includes('icp')) times.icp = fitsIcp(f, rules.icp) ? f.leadAt : null;
  const verdicts: Partial<Record<TrueLeadRule, boolean>> = {};
  for (const r of active) verdicts[r] = times[r] !== null && times[r] !== undefined;
  const held = active.filter((r) => verdicts[r]).map((r) => Math.max(times[r]!, f.leadAt!));
  const ok = rules.combine === 'all' ? held.length === active.length : held.length > 0;
  if (!ok) return { trueLead: false, at: null, rules: verdicts };
  return { trueLead: true, at: rules.combine === 'all' ? Math.max(...held) : Math.min(...held), rules: verdicts };
}
