/**
 * What the funnel and the post linking need to know about each person, read from the store with
 * SQL (people, lifecycle, touchpoints, deal_contacts, accounts) and combined with the deals of
 * deals.ts. Times are epoch ms (UTC).
 *
 * Lead time: the earliest of the contact's creation, its first lifecycle entry and its first
 * conversion-like touch (is_conversion, or kind form / demo / demo_request / webinar / trial). A
 * person with none of these is not a lead. People known only from touchpoints count when they
 * converted.
 */
import type { Config } from '../../config/index.js';
import type { Store } from '../../store/index.js';
import type { DealInfo } from './deals.js';
import { channelOf, isXSource } from './channel.js';

export interface PersonFacts {
  personId: string;
  leadAt: number | null;
  /** normalised lifecycle stages reached, with the first time each was entered (null: current stage only) */
  stages: Map<string, number | null>;
  /** normalised touch kinds done, with the first time */
  kinds: Map<string, number>;
  employees: number | null;
  industry: string | null;
  country: string | null;
  /** channel id of the person's original source (fallback: first touch) */
  sourceChannel: string;
  /** any touch from X, or an X original source */
  xTouched: boolean;
  deals: DealInfo[];
}

/** Lower-case and drop spaces, hyphens and underscores (stage and kind names). */
export function normKey(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

export const CONVERSION_KINDS = ['form', 'demo', 'demo_request', 'webinar', 'trial'];

const ms = (v: unknown): number | null => (typeof v === 'string' ? Date.parse(v) : null);

interface PersonRow {
  person_id: string;
  created_at: string | null;
  lifecycle_stage: string | null;
  employees: number | null;
  industry: string | null;
  country: string | null;
  original_source: string | null;
  original_source_d1: string | null;
  original_source_d2: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  custom_source: string | null;
  first_conv: string | null;
}

/** Load the facts of every person in the store. */
export async function loadPeople(
  store: Store,
  _config: Config,
  deals: readonly DealInfo[],
): Promise<Map<string, PersonFacts>> {
  const convKinds = CONVERSION_KINDS.map((k) => `'${k}'`).join(',');
  const rows = await store.query<PersonRow & Record<string, unknown>>(`
    WITH ids AS (
      SELECT person_id FROM people
      UNION SELECT person_id FROM lifecycle
      UNION SELECT person_id FROM deal_contacts
      UNION SELECT person_id FROM touchpoints
        WHERE person_id IS NOT NULL AND (is_conversion OR lower(kind) IN (${convKinds}))
    ),
    conv AS (
      SELECT person_id, min(occurred_at) AS first_conv FROM touchpoints
      WHERE person_id IS NOT NULL AND (is_conversion OR lower(kind) IN (${convKinds}))
      GROUP BY person_id
    )
    SELECT ids.person_id, p.created_at, p.lifecycle_stage,
           coalesce(p.employees, a.employees) AS employees, coalesce(p.industry, a.industry) AS industry,
           coalesce(p.country, a.country) AS country,
           p.original_source, p.original_source_d1, p.original_source_d2, p.utm_source, p.utm_medium, p.custom_source,
           conv.first_conv
    FROM ids
    LEFT JOIN people p ON p.person_id = ids.person_id
    LEFT JOIN accounts a ON a.account_id = p.account_id
    LEFT JOIN conv ON conv.person_id = ids.person_id
    ORDER BY ids.person_id`);
  const out = new Map<string, PersonFacts>();
  for (const r of rows) {
    const leadTimes = [ms(r.created_at), ms(r.first_conv)].filter((t): t is number => t !== null);
    const stages = new Map<string, number | null>();
    if (r.lifecycle_stage) stages.set(normKey(r.lifecycle_stage), null);
    const sourceRaw = {
      source: r.utm_source ?? r.custom_source ?? r.original_source_d2 ?? r.original_source_d1 ?? r.original_source,
      medium: r.utm_medium,
      channel: r.original_source,
    };
    const hasSource = !!(sourceRaw.source || sourceRaw.channel);
    const xBySource =
      isXSource(sourceRaw) ||
      [r.original_source_d1, r.original_source_d2, r.custom_source].some((v) => !!v && isXSource({ source: v }));
    out.set(r.person_id, {
      personId: r.person_id,
      leadAt: leadTimes.length ? Math.min(...leadTimes) : null,
      stages,
      kinds: new Map(),
      employees: r.employees,
      industry: r.industry,
      country: r.country,
      sourceChannel: xBySource ? channelOf({ ...sourceRaw, source: 'x' }) : hasSource ? channelOf(sourceRaw) : '',
      xTouched: xBySource,
      deals: [],
    });
  }

  for (const l of await store.query<{ person_id: string; stage: string; first_at: string }>(
    'SELECT person_id, stage, min(entered_at) AS first_at FROM lifecycle GROUP BY person_id, stage',
  )) {
    const p = out.get(l.person_id);
    if (!p) continue;
    const k = normKey(l.stage);
    const t = Date.parse(l.first_at);
    const prev = p.stages.get(k);
    p.stages.set(k, prev === undefined || prev === null ? t : Math.min(prev, t));
    if (p.leadAt === null || t < p.leadAt) p.leadAt = t;
  }

  for (const k of await store.query<{ person_id: string; kind: string; first_at: string }>(
    `SELECT person_id, lower(kind) AS kind, min(occurred_at) AS first_at FROM touchpoints
     WHERE person_id IS NOT NULL AND kind IS NOT NULL GROUP BY person_id, lower(kind)`,
  )) {
    const p = out.get(k.person_id);
    if (p) p.kinds.set(normKey(k.kind), Date.parse(k.first_at));
  }

  // X touches and first-touch channel per person: distinct raw combinations, classified in JS
  const firstTouch = new Map<string, { t: number; channel: string }>();
  for (const c of await store.query<{
    person_id: string;
    source: string | null;
    medium: string | null;
    referrer: string | null;
    channel_raw: string | null;
    has_post: boolean;
    first_at: string;
  }>(
    `SELECT person_id, source, medium, regexp_extract(referrer, '^(?:[A-Za-z][A-Za-z0-9+.-]*://)?([^/?#:]+)', 1) AS referrer,
            channel_raw, (post_id IS NOT NULL) AS has_post, min(occurred_at) AS first_at
     FROM touchpoints WHERE person_id IS NOT NULL GROUP BY ALL`,
  )) {
    const p = out.get(c.person_id);
    if (!p) continue;
    const raw = { source: c.source, medium: c.medium, referrer: c.referrer, channel: c.channel_raw };
    const x = isXSource(raw) || c.has_post === true;
    if (x) p.xTouched = true;
    const t = Date.parse(c.first_at);
    const f = firstTouch.get(c.person_id);
    if (!f || t < f.t)
      firstTouch.set(c.person_id, { t, channel: x ? channelOf({ ...raw, source: 'x' }) : channelOf(raw) });
  }
  for (const p of out.values())
    if (!p.sourceChannel) p.sourceChannel = firstTouch.get(p.personId)?.channel ?? 'unknown';

  const byId = new Map(deals.map((d) => [d.dealId, d]));
  for (const dc of await store.query<{ deal_id: string; person_id: string }>(
    'SELECT DISTINCT deal_id, person_id FROM deal_contacts ORDER BY deal_id, person_id',
  )) {
    const d = byId.get(dc.deal_id);
    const p = out.get(dc.person_id);
    if (d && p) p.deals.push(d);
  }
  return out;
}
