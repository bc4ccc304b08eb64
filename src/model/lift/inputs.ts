/**
 * Store queries for the lift stage: daily series from `search_daily`, `web_daily` and `x_daily`
 * (SQL aggregation per day), the first day of X Ads spend from `ad_daily`, and the counts behind the
 * visit → lead → won rates. Each series comes back on a complete calendar between its first and last
 * day; a day with no row at all is missing (NaN), a day with rows but none of the kind is 0.
 */
import type { Store } from '../../store/index.js';
import { addDays } from '../../time.js';
import { brandMatcher } from './brand.js';
import type { LiftControlId, LiftNote, LiftSeriesId } from './types.js';

export interface DailySeries {
  /** consecutive days YYYY-MM-DD */
  dates: string[];
  values: number[];
}

export interface LiftInputs {
  series: Partial<Record<LiftSeriesId, DailySeries>>;
  controls: Partial<Record<LiftControlId, DailySeries>>;
  notes: LiftNote[];
}

/** Sources that count as direct traffic in GA-style exports. */
const DIRECT_SQL = `(lower(coalesce(source, '')) IN ('(direct)', 'direct') OR lower(coalesce(channel_raw, '')) = 'direct')`;
/** Sources that count as X referral traffic (DESIGN §6.1: utm_source twitter/x/tw/t.co, referrers t.co/twitter.com/x.com). */
const X_SQL = `(lower(trim(coalesce(source, ''))) IN ('t.co', 'twitter', 'twitter.com', 'mobile.twitter.com', 'x', 'x.com', 'tw')
  OR lower(coalesce(source, '')) LIKE '%twitter%' OR lower(coalesce(channel_raw, '')) LIKE '%twitter%')`;

/** Put (date → value) pairs on a complete calendar from the first to the last date. */
export function onCalendar(pairs: Map<string, number>): DailySeries {
  const keys = [...pairs.keys()].sort();
  if (keys.length === 0) return { dates: [], values: [] };
  const dates: string[] = [];
  const values: number[] = [];
  for (let d = keys[0]!; d <= keys.at(-1)!; d = addDays(d, 1)) {
    dates.push(d);
    values.push(pairs.get(d) ?? NaN);
  }
  return { dates, values };
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** Read every daily series the lift stage can use. */
export async function loadLiftInputs(store: Store, brandPatterns: readonly string[]): Promise<LiftInputs> {
  const notes: LiftNote[] = [];
  const series: LiftInputs['series'] = {};
  const controls: LiftInputs['controls'] = {};

  // search_daily: branded vs non-branded clicks per day
  const search = await store.query<{ d: string; query: string | null; clicks: number | null; imps: number | null }>(
    `SELECT CAST(date AS VARCHAR) AS d, query, sum(clicks) AS clicks, sum(impressions) AS imps
       FROM search_daily GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  if (search.length > 0) {
    const hasQueries = search.some((r) => r.query !== null && r.query !== '');
    const branded = new Map<string, number>();
    const nonBranded = new Map<string, number>();
    const imps = new Map<string, number>();
    const isBrand = brandMatcher(brandPatterns);
    for (const r of search) {
      if (hasQueries && (r.query === null || r.query === '')) continue;
      imps.set(r.d, (imps.get(r.d) ?? 0) + num(r.imps));
      if (!hasQueries) {
        branded.set(r.d, (branded.get(r.d) ?? 0) + num(r.clicks));
        continue;
      }
      const b = isBrand ? isBrand(r.query!) : false;
      if (!branded.has(r.d)) branded.set(r.d, 0);
      if (!nonBranded.has(r.d)) nonBranded.set(r.d, 0);
      const m = b ? branded : nonBranded;
      m.set(r.d, m.get(r.d)! + num(r.clicks));
    }
    if (!hasQueries) {
      notes.push({ code: 'lift.total_clicks' });
      series.branded_search = onCalendar(branded);
    } else if (!isBrand) {
      notes.push({ code: 'lift.no_brand_patterns' });
    } else {
      series.branded_search = onCalendar(branded);
      controls.nonbranded_search = onCalendar(nonBranded);
    }
    controls.search_impressions = onCalendar(imps);
  }

  // web_daily: direct and X referral sessions per day
  const web = await store.query<{ d: string; direct: number | null; xref: number | null }>(
    `SELECT CAST(date AS VARCHAR) AS d,
            sum(sessions) FILTER (WHERE ${DIRECT_SQL}) AS direct,
            sum(sessions) FILTER (WHERE ${X_SQL}) AS xref
       FROM web_daily WHERE date IS NOT NULL GROUP BY 1 ORDER BY 1`,
  );
  if (web.length > 0) {
    const direct = new Map(web.map((r) => [r.d, num(r.direct)]));
    const xref = new Map(web.map((r) => [r.d, num(r.xref)]));
    if ([...direct.values()].some((v) => v > 0)) series.direct = onCalendar(direct);
    if ([...xref.values()].some((v) => v > 0)) series.x_referral = onCalendar(xref);
  }

  // x_daily: new followers per day (or the day-to-day change of the follower count)
  const x = await store.query<{ d: string; nf: number | null; fol: number | null }>(
    `SELECT CAST(date AS VARCHAR) AS d, sum(new_follows) AS nf, max(followers) AS fol FROM x_daily GROUP BY 1 ORDER BY 1`,
  );
  if (x.some((r) => r.nf !== null)) {
    series.x_followers = onCalendar(new Map(x.filter((r) => r.nf !== null).map((r) => [r.d, num(r.nf)])));
  } else if (x.filter((r) => r.fol !== null).length > 1) {
    const withCount = x.filter((r) => r.fol !== null);
    const m = new Map<string, number>();
    for (let i = 1; i < withCount.length; i++) {
      const prev = withCount[i - 1]!;
      const cur = withCount[i]!;
      if (addDays(prev.d, 1) === cur.d) m.set(cur.d, num(cur.fol) - num(prev.fol));
    }
    if (m.size > 0) series.x_followers = onCalendar(m);
  }
  return { series, controls, notes };
}

/** First day with X Ads spend, or null. */
export async function firstAdDay(store: Store): Promise<string | null> {
  const d = await store.scalar<string>(`SELECT CAST(min(date) AS VARCHAR) FROM ad_daily WHERE spend > 0`);
  return d ?? null;
}

/** X Ads campaign windows (first and last day with spend), in start order. */
export async function adCampaignWindows(store: Store): Promise<{ name: string; start: string; end: string }[]> {
  const rows = await store.query<{ name: string | null; start: string; end: string }>(
    `SELECT coalesce(campaign_name, campaign_id) AS name, CAST(min(date) AS VARCHAR) AS start, CAST(max(date) AS VARCHAR) AS "end"
       FROM ad_daily WHERE spend > 0 GROUP BY 1 ORDER BY 2, 1`,
  );
  return rows.map((r) => ({ name: r.name ?? 'X Ads', start: r.start, end: r.end }));
}

export interface FunnelCounts {
  sessions: number;
  leads: number;
  won: number;
}

/** Sessions, people created and won deals in [startDay, endDay] / [startMs, endMs). */
export async function funnelCounts(
  store: Store,
  period: { start: string; end: string; startMs: number; endMs: number },
): Promise<FunnelCounts> {
  const ts = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
  const sessions = await store.scalar<number>(
    `SELECT sum(sessions) FROM web_daily WHERE date BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)`,
    [period.start, period.end],
  );
  const leads = await store.scalar<number>(
    `SELECT count(*) FROM people WHERE created_at >= CAST(? AS TIMESTAMP) AND created_at < CAST(? AS TIMESTAMP)`,
    [ts(period.startMs), ts(period.endMs)],
  );
  const won = await store.scalar<number>(
    `SELECT count(*) FROM deals WHERE is_won AND closed_at >= CAST(? AS TIMESTAMP) AND closed_at < CAST(? AS TIMESTAMP)`,
    [ts(period.startMs), ts(period.endMs)],
  );
  return { sessions: num(sessions), leads: num(leads), won: num(won) };
}
