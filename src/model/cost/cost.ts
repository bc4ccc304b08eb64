/**
 * Full cost of the X program from plain rows (DESIGN §6.7): cash (ads, tools, content, agency,
 * other) + labor (hours × loaded hourly rate) + opportunity cost (benchmark ROI × (cash + labor)).
 *
 * Assumptions
 * - Only rows for channel 'x' count. A row covers its `date`, or the days from `date` to
 *   `period_end` when the sheet gives one (an annual licence, a monthly retainer); it counts for the
 *   share of those days inside the period, spread over the months by days.
 * - Ads = X Ads spend from `ad_daily` plus `costs` rows of category 'ads' (e.g. agency-bought media).
 *   When both exist in the same month, the report warns: they may be the same money.
 * - Labor = Σ hours × (the row's hourly_rate, else economics.loadedHourlyRate); a labor row with an
 *   amount and no hours counts as cost with hours = amount ÷ the config rate. With no time-log rows
 *   at all, labor = labor.people × labor.hoursPerWeek × weeks in the period at the config rate;
 *   with neither, labor is 0 and the section says so.
 * - Rows in another currency than the reporting one are left out and listed (no FX guessing).
 * - Opportunity cost = benchmarkRoi × (cash + labor), only when opportunityCost.enabled.
 */
import type { Config } from '../../config/index.js';
import type { Period } from '../types.js';
import { CASH_CATEGORIES, type CashCategory, type CostSection, type ExcludedCost, type MonthCost } from './types.js';

export interface CostRow {
  /** YYYY-MM-DD */
  date: string;
  /** YYYY-MM-DD: last day the row covers (an annual licence, a monthly retainer); null = the date only */
  periodEnd?: string | null;
  category: string;
  channel: string;
  amount: number | null;
  currency: string | null;
  hours: number | null;
  hourlyRate: number | null;
}

export interface AdSpendRow {
  date: string;
  spend: number;
  currency: string | null;
}

export interface CostData {
  costs: readonly CostRow[];
  adSpend: readonly AdSpendRow[];
}

export interface CostNotes {
  /** months where ad_daily and costs rows of category 'ads' both have spend */
  adsOverlapMonths: string[];
  /** cost rows whose category is not known (counted as 'other') */
  unknownCategories: string[];
  /** rows covering days outside the period, counted for their share of days inside it */
  proratedRows: number;
}

const DAY = 86_400_000;

/** Compute the cost section for a period. */
export function computeCost(
  data: CostData,
  config: Config,
  period: Period,
): { section: CostSection; notes: CostNotes } {
  const rate = config.economics.loadedHourlyRate.value;
  const currency = config.currency;
  const inPeriod = (d: string) => d >= period.start && d <= period.end;
  const months = new Map<string, MonthCost>();
  const month = (d: string) => {
    const key = d.slice(0, 7);
    let m = months.get(key);
    if (!m)
      months.set(key, (m = { month: key, ads: 0, tools: 0, content: 0, agency: 0, other: 0, labor: 0, total: 0 }));
    return m;
  };
  const excluded = new Map<string, ExcludedCost>();
  const exclude = (cur: string, amount: number) => {
    const e = excluded.get(cur) ?? { currency: cur, rows: 0, amount: 0 };
    e.rows++;
    e.amount += amount;
    excluded.set(cur, e);
  };
  const byCategory: Record<CashCategory, number> = { ads: 0, tools: 0, content: 0, agency: 0, other: 0 };
  const adMonths = new Set<string>();
  const costAdMonths = new Set<string>();
  const unknown = new Set<string>();

  let adPlatformSpend = 0;
  for (const r of data.adSpend) {
    if (!inPeriod(r.date) || !(r.spend > 0)) continue;
    if (r.currency !== null && r.currency !== '' && r.currency.toUpperCase() !== currency) {
      exclude(r.currency.toUpperCase(), r.spend);
      continue;
    }
    adPlatformSpend += r.spend;
    byCategory.ads += r.spend;
    month(r.date).ads += r.spend;
    adMonths.add(r.date.slice(0, 7));
  }

  let hours = 0;
  let laborCost = 0;
  let hoursAtConfigRate = 0;
  let laborRows = 0;
  let prorated = 0;
  for (const r of data.costs) {
    if (r.channel.toLowerCase() !== 'x') continue;
    const share = allocate(r.date, r.periodEnd ?? null, period);
    if (share.fraction === 0) continue;
    if (share.fraction < 1) prorated++;
    const cat = r.category.toLowerCase();
    if (
      r.currency !== null &&
      r.currency !== '' &&
      r.currency.toUpperCase() !== currency &&
      (r.amount !== null || r.hourlyRate !== null)
    ) {
      exclude(r.currency.toUpperCase(), share.fraction * (r.amount ?? (r.hours ?? 0) * (r.hourlyRate ?? 0)));
      continue;
    }
    if (cat === 'labor') {
      laborRows++;
      let h: number;
      let c: number;
      if (r.hours !== null && r.hours > 0) {
        h = r.hours;
        const rowRate = r.hourlyRate !== null && r.hourlyRate > 0 ? r.hourlyRate : null;
        if (rowRate === null) hoursAtConfigRate += h;
        c = h * (rowRate ?? rate);
      } else if (r.amount !== null && r.amount > 0) {
        c = r.amount;
        h = rate > 0 ? c / rate : 0;
      } else continue;
      hours += h * share.fraction;
      laborCost += c * share.fraction;
      for (const [m, f] of share.months) month(`${m}-01`).labor += c * f;
      continue;
    }
    const amount = r.amount ?? 0;
    if (!(amount !== 0)) continue;
    const key: CashCategory = (CASH_CATEGORIES as readonly string[]).includes(cat) ? (cat as CashCategory) : 'other';
    if (key === 'other' && cat !== 'other') unknown.add(r.category);
    byCategory[key] += amount * share.fraction;
    for (const [m, f] of share.months) {
      month(`${m}-01`)[key] += amount * f;
      if (key === 'ads') costAdMonths.add(m);
    }
  }

  let source: CostSection['labor']['source'] = laborRows > 0 ? 'time_log' : 'none';
  let assumption: CostSection['labor']['assumption'] = null;
  if (laborRows === 0 && config.labor.people !== undefined && config.labor.hoursPerWeek !== undefined) {
    const weeks = (period.endMs - period.startMs) / (7 * DAY);
    assumption = { people: config.labor.people, hoursPerWeek: config.labor.hoursPerWeek, weeks };
    hours = config.labor.people * config.labor.hoursPerWeek * weeks;
    laborCost = hours * rate;
    hoursAtConfigRate = hours;
    source = 'assumption';
    spreadOverMonths(period, laborCost, (key, share) => {
      month(`${key}-01`).labor += share;
    });
  }

  const cash = CASH_CATEGORIES.reduce((s, k) => s + byCategory[k], 0);
  const oppEnabled = config.opportunityCost.enabled;
  const benchmarkRoi = oppEnabled ? config.opportunityCost.benchmarkRoi : 0;
  const opportunity = benchmarkRoi * (cash + laborCost);
  const byMonth = [...months.values()].sort((a, b) => (a.month < b.month ? -1 : 1));
  for (const m of byMonth) m.total = m.ads + m.tools + m.content + m.agency + m.other + m.labor;

  return {
    section: {
      currency,
      byCategory,
      adPlatformSpend,
      cash,
      labor: {
        source,
        hours,
        cost: laborCost,
        hourlyRate: hours > 0 ? laborCost / hours : rate,
        hoursAtConfigRate,
        assumption,
      },
      opportunity: { enabled: oppEnabled, benchmarkRoi, amount: opportunity },
      full: cash + laborCost + opportunity,
      byMonth,
      excluded: [...excluded.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1)),
    },
    notes: {
      adsOverlapMonths: [...adMonths].filter((m) => costAdMonths.has(m)).sort(),
      unknownCategories: [...unknown].sort(),
      proratedRows: prorated,
    },
  };
}

/**
 * The share of a row's days that fall inside the period, and per month the share of the row's
 * days in that month and inside the period. A row without period_end covers its date only.
 */
export function allocate(
  date: string,
  periodEnd: string | null,
  period: Period,
): { fraction: number; months: [string, number][] } {
  const start = Date.parse(`${date}T00:00:00Z`);
  const end = periodEnd && periodEnd > date ? Date.parse(`${periodEnd}T00:00:00Z`) : start;
  const p0 = Date.parse(`${period.start}T00:00:00Z`);
  const p1 = Date.parse(`${period.end}T00:00:00Z`);
  const total = Math.round((end - start) / DAY) + 1;
  const counts = new Map<string, number>();
  let inside = 0;
  for (let t = Math.max(start, p0); t <= Math.min(end, p1); t += DAY) {
    const m = new Date(t).toISOString().slice(0, 7);
    counts.set(m, (counts.get(m) ?? 0) + 1);
    inside++;
  }
  return { fraction: inside / total, months: [...counts].map(([m, n]) => [m, n / total]) };
}

/** Split an amount over the calendar months of the period in proportion to their days in it. */
function spreadOverMonths(period: Period, amount: number, add: (month: string, share: number) => void): void {
  const start = Date.parse(`${period.start}T00:00:00Z`);
  const end = Date.parse(`${period.end}T00:00:00Z`) + DAY;
  const total = (end - start) / DAY;
  if (!(total > 0)) return;
  const counts = new Map<string, number>();
  for (let t = start; t < end; t += DAY) {
    const k = new Date(t).toISOString().slice(0, 7);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  for (const [k, n] of counts) add(k, (amount * n) / total);
}
