/**
 * Journeys aggregated into paths inside the store, for data too large to hold one object per touch:
 * the same journeys as `buildJourneys` (same SQL, same windows and tie order), but DuckDB joins the
 * channel of each touch, strings each journey's channels together and counts identical paths, so
 * only the distinct paths reach JavaScript. The result is a `PathTable` without touch times or
 * milestones: first, last, linear, position-based, Markov and Shapley run on it; time decay and the
 * milestone models need `buildJourneys`.
 */
import type { Config } from '../../config/index.js';
import type { Store } from '../../store/index.js';
import type { PathTable } from '../attribution/path-table.js';
import { channelGrouper } from '../channels/index.js';
import type { Period } from '../types.js';
import { channelMap, journeySql, type JourneyOptions } from './build.js';

/** Separator of channels in the aggregated path strings (cannot occur in a channel id from the rules). */
const SEP = '\u001f';

/**
 * Paths of one conversion event at one level, counted in SQL.
 * @example const table = await buildPathTable(store, config, period, { event: 'lead', level: 'person' });
 */
export async function buildPathTable(
  store: Store,
  config: Config,
  period: Period,
  options: JourneyOptions,
): Promise<PathTable> {
  const grouper = options.grouper ?? channelGrouper(config);
  const lookback = options.lookbackDays ?? config.attribution.lookbackDays;
  const channelOf = await channelMap(store, grouper);
  const empty: PathTable = {
    channels: [],
    rows: 0,
    codes: new Uint16Array(0),
    offsets: new Uint32Array(1),
    conversions: new Float64Array(0),
    value: new Float64Array(0),
    nulls: new Float64Array(0),
  };
  if (channelOf.size === 0) return empty;
  const entries = [...channelOf.entries()];
  const rowsSql = journeySql(options).replace(/ORDER BY c\.jid, t\.occurred_at\s*$/, '');
  const sql = `
    WITH jt AS (${rowsSql}),
    chan(combo, channel) AS (VALUES ${entries.map((_, i) => `(CAST($${i * 2 + 4} AS UBIGINT), $${i * 2 + 5})`).join(', ')}),
    paths AS (
      SELECT jt.jid, any_value(jt.converted) AS converted, any_value(jt.value) AS value,
        string_agg(coalesce(chan.channel, 'other'), '${SEP}'
          ORDER BY jt.t, coalesce(chan.channel, 'other'), coalesce(jt.kind, ''), coalesce(jt.person_id, ''), coalesce(jt.post_id, '')) AS path
      FROM jt LEFT JOIN chan ON chan.combo = jt.combo
      GROUP BY jt.jid
    )
    SELECT path,
      sum(CASE WHEN converted THEN 1 ELSE 0 END) AS conversions,
      sum(CASE WHEN converted THEN coalesce(value, 0) ELSE 0 END) AS value,
      sum(CASE WHEN converted THEN 0 ELSE 1 END) AS nulls
    FROM paths GROUP BY path ORDER BY path`;
  const params = [period.startMs, period.endMs, lookback, ...entries.flatMap(([combo, channel]) => [combo, channel])];
  const rows = await store.query<{ path: string; conversions: number; value: number; nulls: number }>(sql, params);
  const channels = [...new Set(rows.flatMap((r) => r.path.split(SEP)))].sort();
  const index = new Map(channels.map((c, i) => [c, i] as const));
  const split = rows.map((r) => r.path.split(SEP));
  const total = split.reduce((a, p) => a + p.length, 0);
  const codes = new Uint16Array(total);
  const offsets = new Uint32Array(rows.length + 1);
  let k = 0;
  split.forEach((p, r) => {
    offsets[r] = k;
    for (const ch of p) codes[k++] = index.get(ch)!;
  });
  offsets[rows.length] = k;
  return {
    channels,
    rows: rows.length,
    codes,
    offsets,
    conversions: Float64Array.from(rows, (r) => Number(r.conversions)),
    value: Float64Array.from(rows, (r) => Number(r.value)),
    nulls: Float64Array.from(rows, (r) => Number(r.nulls)),
  };
}
