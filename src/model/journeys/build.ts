/**
 * Journeys from the store (DESIGN §6.4): for a conversion event (lead created, opportunity created,
 * won) and a level (a person, or an account's buying committee per deal), the touches before each
 * conversion within the lookback window, in time order, plus non-converting journeys (for Markov and
 * for open deals). Heavy lifting is SQL: the store returns one row per (journey, touch) already
 * windowed and ordered; channel grouping runs once per distinct combination of raw source fields.
 *
 * Rules:
 * - person level: the conversion time is, for `lead`, the earliest of the person's creation and any
 *   lifecycle stage; for `opportunity`, the earliest lifecycle `opportunity` or creation of a deal the
 *   person is a contact of; for `won`, the earliest lifecycle `customer` or close of a won deal the
 *   person is a contact of (value: that deal's amount). Journey id = person id.
 * - account level (buying committee): one journey per deal, id = deal id. Its touches are those of
 *   the deal's contacts, of every person of the deal's account, and touches recorded on the account.
 *   `won`: converted when won and closed in the period (value: amount); open deals and deals lost in
 *   the period are non-converting journeys (open ones end at the period end). `opportunity`: every
 *   deal created in the period converts at creation. `lead`: the account's first lead. The lookback
 *   window of a deal counts back from its creation (or from the conversion, if earlier), so that an
 *   open or long-running deal keeps the touches that opened it.
 * - touchpoint conversions (`conversions: 'touchpoints'`, the public MTA data layout): every
 *   touchpoint row with is_conversion is one conversion worth its conversion_value; its journey is
 *   the person's touches after the previous conversion, up to and including this one.
 * - converted journeys are those whose conversion falls in the period; non-converting ones are the
 *   people (or deals) with touches in the period and no conversion before its end.
 * - touches after the conversion are excluded; a touch at the conversion instant is kept. Touches
 *   older than `lookbackDays` before the conversion are dropped.
 * - ties in time are ordered by channel, kind, person and post id, so the order never depends on
 *   how the store returns rows.
 * - milestones (for W-shaped / full path): FT the first touch, LC the last touch at or before lead
 *   creation, OC the last at or before opportunity creation, CW the last at or before the win.
 */
import type { Config } from '../../config/index.js';
import type { Param, Store } from '../../store/index.js';
import { channelGrouper, type ChannelGrouper } from '../channels/index.js';
import type { ConversionEvent, Journey, Period } from '../types.js';

export interface JourneyOptions {
  event: ConversionEvent;
  level: 'person' | 'account';
  /** Where conversions come from: the CRM tables (default) or touchpoint rows with is_conversion. */
  conversions?: 'crm' | 'touchpoints';
  /** Grouper to use (and tally into); default: one from config. */
  grouper?: ChannelGrouper;
  /** Days of touches before a conversion that count. Default config.attribution.lookbackDays. */
  lookbackDays?: number;
}

/** SQL parameters: $1 period start, $2 period end (epoch ms), $3 lookback days. */
const START = 'epoch_ms(CAST($1 AS BIGINT))';
const END = 'epoch_ms(CAST($2 AS BIGINT))';
const LOOKBACK = 'to_days(CAST($3 AS INTEGER))';

/** The combination of raw fields that decides a touch's channel, hashed in SQL. */
const COMBO = `hash(coalesce(t.channel_raw, ''), coalesce(t.source, ''), coalesce(t.medium, ''), coalesce(t.campaign, ''), coalesce(t.referrer, ''), coalesce(t.kind, '')) % 9007199254740991`;

interface TouchRow {
  jid: string;
  conv_at: number;
  value: number | null;
  converted: boolean;
  account_id: string | null;
  lc_at: number | null;
  oc_at: number | null;
  t: number;
  combo: number;
  kind: string | null;
  post_id: string | null;
  person_id: string | null;
}

/** Person-level conversion times for an event, as SQL producing (person_id, at, value). */
function personConversions(event: ConversionEvent): string {
  if (event === 'lead') {
    return `SELECT person_id, min(conv_at) AS conv_at, 0.0 AS value FROM (
        SELECT person_id, created_at AS conv_at FROM people WHERE created_at IS NOT NULL
        UNION ALL SELECT person_id, entered_at FROM lifecycle
      ) GROUP BY person_id`;
  }
  if (event === 'opportunity') {
    return `SELECT person_id, min(conv_at) AS conv_at, arg_min(value, conv_at) AS value FROM (
        SELECT person_id, entered_at AS conv_at, 0.0 AS value FROM lifecycle WHERE lower(stage) IN ('opportunity', '商談')
        UNION ALL SELECT dc.person_id, d.created_at, coalesce(d.amount, 0) FROM deal_contacts dc JOIN deals d USING (deal_id)
          WHERE d.created_at IS NOT NULL
      ) GROUP BY person_id`;
  }
  return `SELECT person_id, min(conv_at) AS conv_at, arg_min(value, conv_at) AS value FROM (
      SELECT person_id, entered_at AS conv_at, 0.0 AS value FROM lifecycle WHERE lower(stage) IN ('customer', '顧客', '受注')
      UNION ALL SELECT dc.person_id, d.closed_at, coalesce(d.amount, 0) FROM deal_contacts dc JOIN deals d USING (deal_id)
        WHERE d.is_won AND d.closed_at IS NOT NULL
    ) GROUP BY person_id`;
}

const LEAD_AT = `SELECT person_id, min(conv_at) AS conv_at FROM (
    SELECT person_id, created_at AS conv_at FROM people WHERE created_at IS NOT NULL
    UNION ALL SELECT person_id, entered_at FROM lifecycle
  ) GROUP BY person_id`;

const OPP_AT = `SELECT person_id, min(conv_at) AS conv_at FROM (
    SELECT person_id, entered_at AS conv_at FROM lifecycle WHERE lower(stage) IN ('opportunity', '商談')
    UNION ALL SELECT dc.person_id, d.created_at FROM deal_contacts dc JOIN deals d USING (deal_id) WHERE d.created_at IS NOT NULL
  ) GROUP BY person_id`;

function personSql(event: ConversionEvent): string {
  return `
    WITH conv AS (${personConversions(event)}),
    lead_at AS (${LEAD_AT}),
    opp_at AS (${OPP_AT}),
    cand AS (
      SELECT person_id AS jid, person_id, conv_at, value, true AS converted FROM conv WHERE conv_at >= ${START} AND conv_at < ${END}
      UNION ALL
      SELECT t.person_id, t.person_id, ${END}, 0.0, false FROM touchpoints t
        WHERE t.person_id IS NOT NULL AND t.occurred_at >= ${START} AND t.occurred_at < ${END}
          AND NOT EXISTS (SELECT 1 FROM conv c WHERE c.person_id = t.person_id AND c.conv_at < ${END})
        GROUP BY t.person_id
    )
    SELECT c.jid, epoch_ms(c.conv_at) AS conv_at, c.value, c.converted, p.account_id,
      epoch_ms(l.conv_at) AS lc_at, epoch_ms(o.conv_at) AS oc_at,
      epoch_ms(t.occurred_at) AS t, ${COMBO} AS combo, t.kind, t.post_id, t.person_id
    FROM cand c
    JOIN touchpoints t ON t.person_id = c.person_id AND t.occurred_at <= c.conv_at AND t.occurred_at >= c.conv_at - ${LOOKBACK}
    LEFT JOIN people p ON p.person_id = c.person_id
    LEFT JOIN lead_at l ON l.person_id = c.person_id
    LEFT JOIN opp_at o ON o.person_id = c.person_id
    ORDER BY c.jid, t.occurred_at`;
}

function accountSql(event: ConversionEvent): string {
  const cand =
    event === 'won'
      ? `SELECT deal_id AS jid, deal_id, account_id, closed_at AS conv_at, coalesce(amount, 0) AS value, true AS converted, created_at
           FROM deals WHERE is_won AND closed_at >= ${START} AND closed_at < ${END}
         UNION ALL
         SELECT deal_id, deal_id, account_id, ${END}, 0.0, false, created_at FROM deals
           WHERE NOT coalesce(is_closed, false) AND NOT coalesce(is_won, false) AND (created_at IS NULL OR created_at < ${END})
         UNION ALL
         SELECT deal_id, deal_id, account_id, closed_at, 0.0, false, created_at FROM deals
           WHERE coalesce(is_closed, false) AND NOT coalesce(is_won, false) AND closed_at >= ${START} AND closed_at < ${END}`
      : event === 'opportunity'
        ? `SELECT deal_id AS jid, deal_id, account_id, created_at AS conv_at, coalesce(amount, 0) AS value, true AS converted, created_at
             FROM deals WHERE created_at >= ${START} AND created_at < ${END}`
        : `SELECT account_id AS jid, NULL AS deal_id, account_id, min(l.conv_at) AS conv_at, 0.0 AS value, true AS converted, NULL::TIMESTAMP AS created_at
             FROM people p JOIN (${LEAD_AT}) l USING (person_id) WHERE account_id IS NOT NULL
             GROUP BY account_id HAVING min(l.conv_at) >= ${START} AND min(l.conv_at) < ${END}`;
  return `
    WITH cand AS (${cand}),
    members AS (
      SELECT c.jid, dc.person_id FROM cand c JOIN deal_contacts dc ON dc.deal_id = c.deal_id
      UNION
      SELECT c.jid, p.person_id FROM cand c JOIN people p ON p.account_id = c.account_id WHERE c.account_id IS NOT NULL
    ),
    lead_at AS (${LEAD_AT}),
    committee_lead AS (SELECT m.jid, min(l.conv_at) AS conv_at FROM members m JOIN lead_at l USING (person_id) GROUP BY m.jid),
    linked AS (
      SELECT m.jid, t.occurred_at, t.kind, t.post_id, t.person_id, t.channel_raw, t.source, t.medium, t.campaign, t.referrer
        FROM members m JOIN touchpoints t ON t.person_id = m.person_id
      UNION
      SELECT c.jid, t.occurred_at, t.kind, t.post_id, t.person_id, t.channel_raw, t.source, t.medium, t.campaign, t.referrer
        FROM cand c JOIN touchpoints t ON t.account_id = c.account_id WHERE c.account_id IS NOT NULL
    )
    SELECT c.jid, epoch_ms(c.conv_at) AS conv_at, c.value, c.converted, c.account_id,
      epoch_ms(cl.conv_at) AS lc_at, epoch_ms(c.created_at) AS oc_at,
      epoch_ms(t.occurred_at) AS t, ${COMBO} AS combo, t.kind, t.post_id, t.person_id
    FROM cand c
    JOIN linked t ON t.jid = c.jid AND t.occurred_at <= c.conv_at
      AND t.occurred_at >= coalesce(least(c.created_at, c.conv_at), c.conv_at) - ${LOOKBACK}
    LEFT JOIN committee_lead cl ON cl.jid = c.jid
    ORDER BY c.jid, t.occurred_at`;
}

function touchpointSql(): string {
  return `
    WITH conv AS (
      SELECT person_id, occurred_at AS conv_at, coalesce(conversion_value, 0) AS value,
        lag(occurred_at) OVER w AS prev, row_number() OVER w AS n
      FROM touchpoints WHERE is_conversion AND person_id IS NOT NULL
      WINDOW w AS (PARTITION BY person_id ORDER BY occurred_at, conversion_value, channel_raw)
    ),
    cand AS (
      SELECT person_id || '#' || n AS jid, person_id, conv_at, prev, value, true AS converted FROM conv
        WHERE conv_at >= ${START} AND conv_at < ${END}
      UNION ALL
      SELECT t.person_id, t.person_id, ${END}, NULL, 0.0, false FROM touchpoints t
        WHERE t.person_id IS NOT NULL AND t.occurred_at >= ${START} AND t.occurred_at < ${END}
          AND NOT EXISTS (SELECT 1 FROM conv c WHERE c.person_id = t.person_id AND c.conv_at < ${END})
        GROUP BY t.person_id
    )
    SELECT c.jid, epoch_ms(c.conv_at) AS conv_at, c.value, c.converted, t0.account_id,
      NULL AS lc_at, NULL AS oc_at,
      epoch_ms(t.occurred_at) AS t, ${COMBO} AS combo, t.kind, t.post_id, t.person_id
    FROM cand c
    JOIN touchpoints t ON t.person_id = c.person_id AND t.occurred_at <= c.conv_at
      AND (c.prev IS NULL OR t.occurred_at > c.prev) AND t.occurred_at >= c.conv_at - ${LOOKBACK}
    LEFT JOIN (SELECT person_id, any_value(account_id) AS account_id FROM touchpoints GROUP BY person_id) t0 ON t0.person_id = c.person_id
    ORDER BY c.jid, t.occurred_at`;
}

/**
 * Build the journeys of one conversion event at one level for the period.
 * @example const journeys = await buildJourneys(store, config, period, { event: 'won', level: 'account' });
 */
export async function buildJourneys(
  store: Store,
  config: Config,
  period: Period,
  options: JourneyOptions,
): Promise<Journey[]> {
  const grouper = options.grouper ?? channelGrouper(config);
  const lookback = options.lookbackDays ?? config.attribution.lookbackDays;
  // 1. channel of every distinct combination of raw fields; 2. journeys × touches, windowed and ordered in SQL
  const channelOf = await channelMap(store, grouper);
  const sql = journeySql(options);
  const params: Param[] = [period.startMs, period.endMs, lookback];
  const rows = await store.query<TouchRow & Record<string, unknown>>(sql, params);
  // 3. assemble
  const journeys: Journey[] = [];
  let current: Journey | undefined;
  let meta: { lc: number | null; oc: number | null } = { lc: null, oc: null };
  const finish = () => {
    if (current) journeys.push(finalize(current, meta.lc, meta.oc));
  };
  for (const r of rows) {
    if (!current || current.id !== r.jid) {
      finish();
      current = {
        id: String(r.jid),
        event: options.event,
        converted: !!r.converted,
        at: Number(r.conv_at),
        value: r.converted ? Number(r.value ?? 0) : 0,
        touches: [],
        accountId: r.account_id ?? undefined,
      };
      meta = { lc: r.lc_at === null ? null : Number(r.lc_at), oc: r.oc_at === null ? null : Number(r.oc_at) };
    }
    current.touches.push({
      t: Number(r.t),
      channel: channelOf.get(Number(r.combo)) ?? 'other',
      kind: r.kind ?? undefined,
      postId: r.post_id ?? undefined,
      personId: r.person_id ?? undefined,
    });
  }
  finish();
  return journeys;
}

const cmp = (a: string | undefined, b: string | undefined) =>
  (a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0;

/** Order ties deterministically and mark milestones. */
function finalize(j: Journey, lcAt: number | null, ocAt: number | null): Journey {
  const touches = j.touches.sort(
    (a, b) =>
      a.t - b.t ||
      cmp(a.channel, b.channel) ||
      cmp(a.kind, b.kind) ||
      cmp(a.personId, b.personId) ||
      cmp(a.postId, b.postId),
  );
  const lastAtOrBefore = (at: number | null) => {
    if (at === null) return -1;
    let idx = -1;
    for (let i = 0; i < touches.length; i++) if (touches[i]!.t <= at) idx = i;
    return idx;
  };
  const mark = (i: number, m: 'LC' | 'OC') => {
    if (i < 0) return;
    const t = touches[i]!;
    if (!t.milestone) t.milestone = m;
    else t.moreMilestones = [...(t.moreMilestones ?? []), m];
  };
  // the event's own milestone is the last touch (milestonePositions adds it); mark the earlier ones
  if (j.event !== 'lead') mark(lastAtOrBefore(lcAt), 'LC');
  if (j.event === 'won') mark(lastAtOrBefore(ocAt), 'OC');
  return { ...j, touches };
}

/** SQL of the (journey, touch) rows for the options: parameters $1 start, $2 end, $3 lookback days. */
export function journeySql(options: Pick<JourneyOptions, 'event' | 'level' | 'conversions'>): string {
  return options.conversions === 'touchpoints'
    ? touchpointSql()
    : options.level === 'account'
      ? accountSql(options.event)
      : personSql(options.event);
}

/** The SQL expression that keys a touch's raw source fields (alias `t` for touchpoints). */
export const COMBO_SQL = COMBO;

/**
 * Channel of every distinct combination of raw source fields in the store, keyed by COMBO_SQL:
 * grouped once per combination and tallied by its touch count.
 */
export async function channelMap(store: Store, grouper: ChannelGrouper): Promise<Map<number, string>> {
  const combos = await store.query<{
    combo: number;
    channel_raw: string | null;
    source: string | null;
    medium: string | null;
    campaign: string | null;
    referrer: string | null;
    kind: string | null;
    n: number;
  }>(
    `SELECT ${COMBO} AS combo, any_value(t.channel_raw) AS channel_raw, any_value(t.source) AS source,
       any_value(t.medium) AS medium, any_value(t.campaign) AS campaign, any_value(t.referrer) AS referrer,
       any_value(t.kind) AS kind, count(*) AS n
     FROM touchpoints t GROUP BY ALL ORDER BY combo`,
  );
  const channelOf = new Map<number, string>();
  for (const c of combos) {
    channelOf.set(
      c.combo,
      grouper.group(
        {
          channel: c.channel_raw,
          source: c.source,
          medium: c.medium,
          campaign: c.campaign,
          referrer: c.referrer,
          kind: c.kind,
        },
        c.n,
      ),
    );
  }
  return channelOf;
}
