/**
 * Downstream of each post, aggregated in SQL over a link table (link.ts `withLinkTable`): for each person linked to a
 * post, with f = the person's first linked touch,
 * - a lead when the person's lead time lies in [f − 1 day, f + lookbackDays] (the day of grace
 *   covers CRM records written just before the form touch, and posts known only by date);
 * - their deals created in the same window (or with no create date) are the post's opportunities:
 *   open amounts make its pipeline, won amounts its won value, lost deals neither; all of them
 *   (open, won and lost) its pipeline created. A deal linked to k posts gives each post 1/k of its
 *   open or won amount as credited value. Only new business counts: deals whose type names an
 *   existing customer (renewal, upsell, Existing Business, 更新 …) are no post's doing.
 * Lead time and won/lost follow funnel/people.ts and funnel/deals.ts.
 */
import type { Config } from '../../config/schema.js';
import type { Param, Store } from '../../store/index.js';
import { EXISTING_BUSINESS } from '../funnel/deals.js';
import { leadTimeCte } from '../funnel/people.js';

export interface PostDownstream {
  post_id: string;
  leads: number;
  opportunities: number;
  pipeline: number;
  won_value: number;
  won_deals: number;
  credited: number;
  created_value: number;
}

const norm = (col: string) => `regexp_replace(lower(trim(${col})), '[\\s_-]+', '', 'g')`;
const key = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');

/** Leads, opportunities, pipeline and won value per post (posts with none are absent). */
export async function loadDownstream(
  store: Store,
  config: Config,
  linkTable: string,
): Promise<Map<string, PostDownstream>> {
  const won = config.crm.wonStages.map(key);
  const lost = config.crm.lostStages.map(key);
  const list = (xs: string[]) => (xs.length ? xs.map(() => '?').join(', ') : 'NULL');
  const lookbackMs = config.attribution.lookbackDays * 86_400_000;
  const sql = `
  WITH ${leadTimeCte()},
  pairs AS (
    SELECT post_id, person_id, epoch_ms(min(occurred_at)) AS f FROM ${linkTable}
    WHERE person_id IS NOT NULL AND post_id IS NOT NULL GROUP BY ALL
  ),
  dl AS (
    SELECT d.deal_id, dc.person_id, epoch_ms(d.created_at) AS created, coalesce(d.amount, 0) AS amount,
           coalesce(d.is_won, ${norm('d.stage')} IN (${list(won)})) AS is_won,
           coalesce(d.is_won, ${norm('d.stage')} IN (${list(won)})) OR ${norm('d.stage')} IN (${list(lost)})
             OR coalesce(d.is_closed, false) AS is_closed,
           regexp_matches(coalesce(d.deal_type, ''), '${EXISTING_BUSINESS.source}', 'i') AS existing
    FROM deals d JOIN (SELECT DISTINCT deal_id, person_id FROM deal_contacts) dc ON dc.deal_id = d.deal_id
  ),
  post_leads AS (
    SELECT pr.post_id, count(*) AS leads FROM pairs pr JOIN lead_time l ON l.person_id = pr.person_id
    WHERE l.lead_at >= pr.f - 86400000 AND l.lead_at <= pr.f + ?
    GROUP BY pr.post_id
  ),
  post_deals AS (
    SELECT DISTINCT pr.post_id, dl.deal_id, dl.is_won, dl.is_closed, dl.amount FROM pairs pr JOIN dl ON dl.person_id = pr.person_id
    WHERE (dl.created IS NULL OR (dl.created >= pr.f - 86400000 AND dl.created <= pr.f + ?)) AND NOT dl.existing
  ),
  deal_posts AS (SELECT deal_id, count(*) AS k FROM post_deals GROUP BY deal_id),
  post_money AS (
    SELECT pd.post_id, count(*) AS opportunities,
           sum(CASE WHEN NOT pd.is_closed THEN pd.amount ELSE 0 END) AS pipeline,
           sum(pd.amount) AS created_value,
           sum(CASE WHEN pd.is_won THEN pd.amount ELSE 0 END) AS won_value,
           count(*) FILTER (WHERE pd.is_won) AS won_deals,
           sum(CASE WHEN pd.is_won OR NOT pd.is_closed THEN pd.amount / dp.k ELSE 0 END) AS credited
    FROM post_deals pd JOIN deal_posts dp ON dp.deal_id = pd.deal_id
    GROUP BY pd.post_id
  )
  SELECT coalesce(m.post_id, l.post_id) AS post_id, coalesce(l.leads, 0) AS leads, coalesce(m.opportunities, 0) AS opportunities,
         coalesce(m.pipeline, 0) AS pipeline, coalesce(m.won_value, 0) AS won_value, coalesce(m.won_deals, 0) AS won_deals,
         coalesce(m.credited, 0) AS credited, coalesce(m.created_value, 0) AS created_value
  FROM post_money m FULL OUTER JOIN post_leads l ON l.post_id = m.post_id
  ORDER BY 1`;
  const params: Param[] = [...won, ...won, ...lost, lookbackMs, lookbackMs];
  const rows = await store.query<PostDownstream & Record<string, unknown>>(sql, params);
  return new Map(rows.map((r) => [r.post_id, r]));
}
