/**
 * Renewal cohorts for the sBG, from the two places they can come from: an imported `retention`
 * table (cohort, period, active), or the renewal deals in the CRM.
 *
 * Assumptions (retention table)
 * - Period 0 is the cohort's acquisition count; later periods are counts still active. A cohort
 *   without period 0 cannot be used and is reported.
 * - The period length is read from the cohort labels: `2024` or `FY2024` → 12 months, `2024-Q1` →
 *   3 months, `2024-01` / `2024/1` → 1 month; anything else → `fallbackPeriodMonths` with a note.
 *
 * Assumptions (CRM renewals)
 * - The unit is the subscription. When some won deals are typed as renewals (deal type matching
 *   renewal / existing business / 更新 / 既存), every other won deal starts a subscription and the
 *   renewal-typed deals of the same account are its renewals. When no deal is typed so, an
 *   account's first won deal is its subscription and its later won deals are renewal candidates.
 * - The k-th renewal of a subscription closed at t0 is due at t0 + k·P (P: the median contract
 *   length of won deals, else economics.defaultContractMonths). It counts as renewed at k when an
 *   unused renewal candidate of the account closed within ± grace of the due date (the closest one
 *   is used, so two subscriptions never share a renewal); the first miss is its churn, and later
 *   deals are ignored (a win-back is not a survival).
 * - A renewal is observable only when due_k + grace is on or before `asOf`; subscriptions are
 *   grouped into cohorts by how many renewals they could have made (the multi-cohort likelihood
 *   needs only that, not calendar cohorts).
 */
export interface RetentionRow {
  segment: string | null;
  cohort: string;
  period: number;
  active: number;
}

export interface RetentionCohort {
  segment: string | null;
  cohort: string;
  active: number[];
}

export interface CohortNote {
  code: 'retention_no_period0' | 'retention_gap' | 'retention_increasing' | 'retention_period_unknown';
  cohort: string;
}

export interface RetentionCohorts {
  cohorts: RetentionCohort[];
  periodMonths: number;
  notes: CohortNote[];
}

/** Months per period read from cohort labels, or null when they do not say. */
export function periodMonthsFromLabels(labels: readonly string[]): number | null {
  const kinds = new Set<number | null>(
    labels.map((l) => {
      const s = l.trim();
      if (/^(FY)?\d{4}$/i.test(s)) return 12;
      if (/^\d{4}[-/ ]?Q[1-4]$/i.test(s)) return 3;
      if (/^\d{4}[-/]\d{1,2}$/.test(s) || /^\d{4}年\d{1,2}月$/.test(s)) return 1;
      return null;
    }),
  );
  return kinds.size === 1 ? [...kinds][0]! : null;
}

/** Group retention rows into cohorts (sorted by segment, cohort) and check them. */
export function cohortsFromRetention(rows: readonly RetentionRow[], fallbackPeriodMonths = 1): RetentionCohorts {
  const groups = new Map<string, { segment: string | null; cohort: string; byPeriod: Map<number, number> }>();
  for (const r of rows) {
    const key = `${r.segment ?? ''}\u0000${r.cohort}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { segment: r.segment, cohort: r.cohort, byPeriod: new Map() }));
    g.byPeriod.set(r.period, (g.byPeriod.get(r.period) ?? 0) + r.active);
  }
  const notes: CohortNote[] = [];
  const cohorts: RetentionCohort[] = [];
  const keys = [...groups.keys()].sort();
  for (const key of keys) {
    const g = groups.get(key)!;
    if (!g.byPeriod.has(0)) {
      notes.push({ code: 'retention_no_period0', cohort: g.cohort });
      continue;
    }
    const active: number[] = [];
    for (let t = 0; g.byPeriod.has(t); t++) active.push(g.byPeriod.get(t)!);
    if (active.length < g.byPeriod.size) notes.push({ code: 'retention_gap', cohort: g.cohort });
    if (active.some((v, t) => t > 0 && v > active[t - 1]!)) {
      notes.push({ code: 'retention_increasing', cohort: g.cohort });
      continue;
    }
    cohorts.push({ segment: g.segment, cohort: g.cohort, active });
  }
  let periodMonths = periodMonthsFromLabels(cohorts.map((c) => c.cohort));
  if (periodMonths === null) {
    if (cohorts.length > 0) notes.push({ code: 'retention_period_unknown', cohort: cohorts[0]!.cohort });
    periodMonths = fallbackPeriodMonths;
  }
  return { cohorts, periodMonths, notes };
}

export interface RenewalDeal {
  accountId: string | null;
  /** CRM deal type; renewal-typed deals are matched to subscriptions */
  dealType?: string | null;
  /** booked amount and MRR, for revenue retention at renewals (MRR preferred) */
  amount?: number | null;
  mrr?: number | null;
  /** epoch ms */
  closedAt: number | null;
  isWon: boolean;
  contractMonths: number | null;
}

export interface RenewalOptions {
  /** epoch ms: the end of observation */
  asOf: number;
  /** renewal period in months; default the median contract length of won deals, else 12 */
  periodMonths?: number;
  defaultContractMonths?: number;
  /** days a renewal may close before or after its due date; default 60 */
  graceDays?: number;
  /** deal types that mean "renewal"; default cohortDefaults.renewalPattern */
  renewalPattern?: RegExp;
}

/** Revenue at renewal decisions whose amounts are known on both sides (expansion.ts eqs. 1–3). */
export interface RenewalRevenue {
  /** renewal decisions with a known starting revenue */
  decisions: number;
  /** Σ revenue before each decision */
  start: number;
  /** Σ revenue after each decision (0 for a churn): NRR = renewed ÷ start */
  renewed: number;
  /** Σ min(before, after): GRR = retained ÷ start */
  retained: number;
  /** renewals with both amounts known, and their revenue before and after (survivor growth) */
  matched: number;
  matchedBefore: number;
  matchedAfter: number;
}

export interface RenewalCohorts {
  cohorts: number[][];
  periodMonths: number;
  customers: number;
  renewals: number;
  churned: number;
  revenue: RenewalRevenue;
}

const DAY = 86_400_000;
const MONTH = 30.436875 * DAY;

export const cohortDefaults = {
  renewalPattern: /renew|existing|更新|既存|継続/i,
  graceDays: 60,
} as const;

/** Renewal cohorts from won deals (see the assumptions above). */
export function cohortsFromDeals(deals: readonly RenewalDeal[], options: RenewalOptions): RenewalCohorts {
  const won = deals
    .filter((d) => d.isWon && d.accountId !== null && d.closedAt !== null)
    .slice()
    .sort(
      (a, b) => a.closedAt! - b.closedAt! || (a.accountId! < b.accountId! ? -1 : a.accountId! > b.accountId! ? 1 : 0),
    );
  const months = won
    .map((d) => d.contractMonths)
    .filter((m): m is number => m !== null && m > 0)
    .sort((a, b) => a - b);
  const median = months.length > 0 ? months[Math.floor((months.length - 1) / 2)]! : null;
  const P = options.periodMonths ?? median ?? options.defaultContractMonths ?? 12;
  const grace = (options.graceDays ?? cohortDefaults.graceDays) * DAY;
  const pattern = options.renewalPattern ?? cohortDefaults.renewalPattern;
  const typed = won.some((d) => d.dealType && pattern.test(d.dealType));

  const value = (d: RenewalDeal): number | null =>
    d.mrr != null && d.mrr > 0 ? d.mrr : d.amount != null && d.amount > 0 ? d.amount : null;
  const starts: { account: string; t0: number; value: number | null }[] = [];
  const candidates = new Map<string, { t: number; used: boolean; value: number | null }[]>();
  const seen = new Set<string>();
  for (const d of won) {
    const account = d.accountId!;
    const isRenewal = typed ? !!d.dealType && pattern.test(d.dealType) : seen.has(account);
    seen.add(account);
    if (isRenewal) {
      const list = candidates.get(account) ?? [];
      list.push({ t: d.closedAt!, used: false, value: value(d) });
      candidates.set(account, list);
    } else {
      starts.push({ account, t0: d.closedAt!, value: value(d) });
    }
  }

  const byLength = new Map<number, number[]>();
  let customers = 0;
  let renewals = 0;
  let churned = 0;
  const revenue: RenewalRevenue = {
    decisions: 0,
    start: 0,
    renewed: 0,
    retained: 0,
    matched: 0,
    matchedBefore: 0,
    matchedAfter: 0,
  };
  for (const { account, t0, value: v0 } of starts) {
    let K = 0;
    while (t0 + (K + 1) * P * MONTH + grace <= options.asOf) K++;
    if (K < 1) continue;
    customers++;
    const pool = candidates.get(account) ?? [];
    let alive = 0;
    let before = v0;
    for (let k = 1; k <= K; k++) {
      const due = t0 + k * P * MONTH;
      let best: { t: number; used: boolean; value: number | null } | null = null;
      for (const c of pool) {
        if (c.used || Math.abs(c.t - due) > grace) continue;
        if (!best || Math.abs(c.t - due) < Math.abs(best.t - due)) best = c;
      }
      if (before !== null) {
        revenue.decisions++;
        revenue.start += before;
      }
      if (!best) break;
      best.used = true;
      alive = k;
      if (before !== null && best.value !== null) {
        revenue.renewed += best.value;
        revenue.retained += Math.min(before, best.value);
        revenue.matched++;
        revenue.matchedBefore += before;
        revenue.matchedAfter += best.value;
      } else if (before !== null) {
        // renewed at an unknown amount: count it as flat so that NRR is not understated
        revenue.renewed += before;
        revenue.retained += before;
      }
      before = best.value;
    }
    renewals += alive;
    if (alive < K) churned++;
    const counts = byLength.get(K) ?? new Array<number>(K + 1).fill(0);
    for (let t = 0; t <= alive; t++) counts[t]! += 1;
    byLength.set(K, counts);
  }
  const cohorts = [...byLength.keys()].sort((a, b) => a - b).map((k) => byLength.get(k)!);
  return { cohorts, periodMonths: P, customers, renewals, churned, revenue };
}
