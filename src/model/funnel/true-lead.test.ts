import { describe, it, expect } from 'vitest';
import { parseConfig } from '../../config/index.js';
import { activeRules, fitsIcp, trueLeadVerdict } from './true-lead.js';
import { stageKey } from './lifecycle.js';

const T0 = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;

function person(o: {
  stages?: [string, number | null][];
  kinds?: [string, number][];
  employees?: number | null;
  industry?: string | null;
  country?: string | null;
  leadAt?: number | null;
}) {
  return {
    leadAt: o.leadAt === undefined ? T0 : o.leadAt,
    stages: new Map(o.stages ?? []),
    kinds: new Map(o.kinds ?? []),
    employees: o.employees ?? null,
    industry: o.industry ?? null,
    country: o.country ?? null,
  };
}

const rules = (trueLead: Record<string, unknown>) => parseConfig({ trueLead }).trueLead;

describe('true-lead rules', () => {
  it('default rules: a stage reached or a high-intent action; a plain form fill is not enough', () => {
    const r = parseConfig({}).trueLead;
    expect(activeRules(r)).toEqual(['stage', 'action']);
    expect(trueLeadVerdict(person({ kinds: [['form', T0]] }), r).trueLead).toBe(false);
    expect(trueLeadVerdict(person({ kinds: [['demorequest', T0 + DAY]] }), r)).toEqual({
      trueLead: true,
      at: T0 + DAY,
      rules: { stage: false, action: true },
    });
    expect(trueLeadVerdict(person({ stages: [['mql', T0 + 2 * DAY]] }), r).at).toBe(T0 + 2 * DAY);
  });

  it('compares stage names without case, spaces, hyphens or underscores', () => {
    const r = rules({ stages: ['Marketing Qualified Lead'], actions: [] });
    expect(stageKey('Marketing Qualified Lead')).toBe('mql');
    expect(stageKey('商談')).toBe('opportunity');
    expect(trueLeadVerdict(person({ stages: [['mql', null]] }), r)).toEqual({
      trueLead: true,
      at: T0,
      rules: { stage: true },
    });
  });

  it('any takes the earliest rule that held, all needs every rule and takes the latest', () => {
    const p = person({ stages: [['sql', T0 + 5 * DAY]], kinds: [['meeting', T0 + 2 * DAY]], employees: 10 });
    expect(trueLeadVerdict(p, rules({ combine: 'any' })).at).toBe(T0 + 2 * DAY);
    expect(trueLeadVerdict(p, rules({ combine: 'all' })).at).toBe(T0 + 5 * DAY);
    const withIcp = rules({ combine: 'all', icp: { employeesMin: 50 } });
    expect(trueLeadVerdict(p, withIcp)).toEqual({
      trueLead: false,
      at: null,
      rules: { stage: true, action: true, icp: false },
    });
  });

  it('ideal customer profile: size range, industry substring, country; a missing value does not fit', () => {
    const icp = rules({
      icp: { employeesMin: 50, employeesMax: 1000, industries: ['SaaS', '製造'], countries: ['JP', 'Japan'] },
    }).icp;
    expect(fitsIcp({ employees: 200, industry: 'B2B SaaS', country: 'jp' }, icp)).toBe(true);
    expect(fitsIcp({ employees: 200, industry: '製造業', country: 'Japan' }, icp)).toBe(true);
    expect(fitsIcp({ employees: 20, industry: 'SaaS', country: 'JP' }, icp)).toBe(false);
    expect(fitsIcp({ employees: 2000, industry: 'SaaS', country: 'JP' }, icp)).toBe(false);
    expect(fitsIcp({ employees: 200, industry: 'Retail', country: 'JP' }, icp)).toBe(false);
    expect(fitsIcp({ employees: 200, industry: 'SaaS', country: 'US' }, icp)).toBe(false);
    expect(fitsIcp({ employees: null, industry: 'SaaS', country: 'JP' }, icp)).toBe(false);
  });

  it('with no rule configured every lead is a true lead; a non-lead never is', () => {
    const none = rules({ stages: [], actions: [] });
    expect(activeRules(none)).toEqual([]);
    expect(trueLeadVerdict(person({}), none).trueLead).toBe(true);
    expect(trueLeadVerdict(person({ leadAt: null }), none).trueLead).toBe(false);
  });

  it('an action before the lead was created dates the true lead at the lead time', () => {
    const p = person({ kinds: [['webinar', T0 - 3 * DAY]] });
    expect(trueLeadVerdict(p, parseConfig({}).trueLead).at).toBe(T0);
  });

  it('a stage counts only when listed: a later stage does not imply an earlier one', () => {
    const r = rules({ stages: ['SQL'], actions: [] });
    expect(trueLeadVerdict(person({ stages: [['sql', T0 + 9 * DAY]] }), r).at).toBe(T0 + 9 * DAY);
    expect(trueLeadVerdict(person({ stages: [['opportunity', T0]] }), r).trueLead).toBe(false);
    expect(trueLeadVerdict(person({ stages: [['mql', T0]] }), r).trueLead).toBe(false);
  });
});
