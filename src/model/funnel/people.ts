/**
 * What the funnel and the post linking need to know about each person, read from the store with
 * SQL (people, lifecycle, touchpoints, deal_contacts, accounts) and combined with the deals of
 * deals.ts. Times are epoch ms (UTC). The per-person aggregation runs in SQL; JS only classifies
 * the distinct raw source combinations (few) into channels.
 *
 * Lead time: see `leadTimeCte` (people who came in as leads; buying-committee members a sales rep
 * added to a deal are not leads). A person with none of its signals is not a lead. People known only from touchpoints count when they
 * converted.
 */
import type { Config } from '../../config/index.js';
import type { Param, Store } from '../../store/index.js';
import { classifier, type Classifier } from './channel.js';
import type { DealInfo } from './deals.js';
import { X_ORGANIC } from '../types.js';
import { BELOW_LEAD, normKey, RAW_STAGE_NAMES, stageKey } from './lifecycle.js';

export { normKey } from './lifecycle.js';

export interface PersonFacts {
  personId: string;
  leadAt: number | null;
  /** canonical lifecycle stages reached (lifecycle.ts), with the first time each was entered (null: current stage only) */
  stages: Map<string, number | null>;
  /** normalised touch kinds done (only the kinds the true-lead rules ask about), with the first time */
  kinds: Map<string, number>;
  employees: number | null;
  industry: string | null;
  country: string | null;
  /** channel id of the person's original source (fallback: first touch) */
  sourceChannel: string;
  /** any touch from X (or linked to a post), or an X original source */
  xTouched: boolean;
  deals: DealInfo[];
}

/** The same normalisation in SQL. */
const sqlNorm = (col: string) => `regexp_replace(lower(trim(${col})), '[\\s_-]+', '', 'g')`;

export const CONVERSION_KINDS = ['form', 'demo', 'demo_request', 'webinar', 'trial'];

const HOST = `coalesce(regexp_extract(referrer, '^(?:[A-Za-z][A-Za-z0-9+.-]*://)?([^/?#:]+)', 1), '')`;

/** Classify the distinct raw touch sources; returns a VALUES table `cls(s, m, h, c, channel, is_x)`. */
async function touchClasses(store: Store, c: Classifier): Promise<{ sql: string; params: Param[] }> {
  const combos = await store.query<{ s: string; m: string; h: string; c: string }>(
    `SELECT DISTINCT coalesce(source, '') AS s, coalesce(medium, '') AS m, ${HOST} AS h, coalesce(channel_raw, '') AS c
     FROM touchpoints WHERE person_id IS NOT NULL ORDER BY ALL`,
  );
  if (combos.length === 0) {
    return {
      sql: 'SELECT NULL AS s, NULL AS m, NULL AS h, NULL AS c, NULL AS channel, false AS is_x WHERE false',
      params: [],
    };
  }
  const params: Param[] = [];
  for (const k of combos) {
    const raw = { source: k.s || null, medium: k.m || null, referrer: k.h || null, channel: k.c || null };
    const channel = c.channelOf(raw);
    params.push(k.s, k.m, k.h, k.c, channel, c.isX(raw));
  }
  return {
    sql: `SELECT * FROM (VALUES ${combos.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}) v(s, m, h, c, channel, is_x)`,
    params,
  };
}

/**
 * Original sources that say a sales rep typed the contact into the CRM (HubSpot Original Source
 * "Offline Sources" with drill-down 1 CRM_UI, the sales extension, BCC / forward to CRM, the
 * connected inbox or the mobile app), compared without case, spaces, `-` or `_`. Such a contact is a
 * buying-committee member added to a deal, not someone who came in as a lead.
 */
export const SALES_ENTERED_SOURCES = ['offlinesources', 'offline', 'オフラインソース'];
export const SALES_ENTERED_DRILLDOWNS = [
  'crmui',
  'extension',
  'salesextension',
  'bcctocrm',
  'forwardtocrm',
  'emailintegration',
  'mobileios',
  'mobileandroid',
];

/** Canonical stages a CRM sets on deal contacts: entering them alone does not show a lead came in. */
export const DEAL_STAGES = ['opportunity', 'customer', 'evangelist'];

const quoted = (xs: readonly string[]) => xs.map((k) => `'${k}'`).join(',');

/** Every raw spelling (normalised) of the given canonical stages. */
function spellings(canonical: readonly string[]): string[] {
  return [...new Set([...canonical, ...stageSynonyms(canonical)].map(normKey))];
}

/**
 * A CTE `lead_time(person_id, lead_at)` (lead_at in epoch ms), people who are no lead being absent.
 * A person is a lead when they came in as one; the lead time is the earliest of:
 * - the first conversion-like touch (is_conversion, or kind form / demo / demo_request / webinar / trial);
 * - the first lifecycle entry into a lead stage (lead, MQL, SQL, any stage between a subscriber and
 *   an opportunity);
 * - unless the contact was entered by sales (SALES_ENTERED_SOURCES / _DRILLDOWNS): the first
 *   lifecycle entry into a deal stage (opportunity, customer), and, for people without lifecycle
 *   history whose current stage is not below a lead, the contact's creation.
 * So a buying-committee member a rep added straight to a deal (no lead date, no form, a CRM_UI
 * source) is not a lead, while a marketing-sourced contact whose CRM skipped the lead stages is.
 */
export function leadTimeCte(): string {
  const convKinds = quoted(CONVERSION_KINDS);
  const below = quoted(spellings(BELOW_LEAD));
  const dealStages = quoted(spellings(DEAL_STAGES));
  const salesEntered = (alias: string) =>
    `EXISTS (SELECT 1 FROM people se WHERE se.person_id = ${alias}.person_id
       AND coalesce(${sqlNorm('se.original_source')}, '') IN ('', ${quoted(SALES_ENTERED_SOURCES)})
       AND ${sqlNorm('se.original_source_d1')} IN (${quoted(SALES_ENTERED_DRILLDOWNS)}))`;
  return `lead_time AS (
    SELECT person_id, epoch_ms(min(t)) AS lead_at FROM (
      SELECT p.person_id, p.created_at AS t FROM people p
        WHERE p.created_at IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM lifecycle l WHERE l.person_id = p.person_id)
          AND coalesce(${sqlNorm('p.lifecycle_stage')}, '') NOT IN (${below})
          AND (NOT ${salesEntered('p')}
               OR coalesce(${sqlNorm('p.lifecycle_stage')}, '') NOT IN ('', ${dealStages}))
      UNION ALL SELECT lc.person_id, lc.entered_at FROM lifecycle lc
        WHERE ${sqlNorm('lc.stage')} NOT IN (${below})
          AND (${sqlNorm('lc.stage')} NOT IN (${dealStages}) OR NOT ${salesEntered('lc')})
      UNION ALL SELECT person_id, occurred_at FROM touchpoints
        WHERE person_id IS NOT NULL AND (is_conversion OR lower(kind) IN (${convKinds}))
    ) GROUP BY person_id
  )`;
}

/** Raw spellings that fold to one of the canonical stages (e.g. 購読者 → subscriber, 商談 → opportunity). */
function stageSynonyms(canonical: readonly string[]): string[] {
  return RAW_STAGE_NAMES.filter((raw) => canonical.includes(stageKey(raw)));
}

interface PersonRow {
  person_id: string;
  lead_at: number | null;
  lifecycle_stage: string | null;
  employees: number | null;
  industry: string | null;
  country: string | null;
  src: string | null;
  x_touch: boolean | null;
  first_channel: string | null;
}

/** Load the facts of every person in the store (touch kinds: only those the true-lead rules ask about). */
export async function loadPeople(
  store: Store,
  config: Config,
  deals: readonly DealInfo[],
): Promise<Map<string, PersonFacts>> {
  const convKinds = CONVERSION_KINDS.map((k) => `'${k}'`).join(',');
  const c = classifier(config);
  const cls = await touchClasses(store, c);
  const rows = await store.query<PersonRow & Record<string, unknown>>(
    `
    WITH cls AS (${cls.sql}),
    ids AS (
      SELECT person_id FROM people
      UNION SELECT person_id FROM lifecycle
      UNION SELECT person_id FROM deal_contacts
      UNION SELECT person_id FROM touchpoints
        WHERE person_id IS NOT NULL AND (is_conversion OR lower(kind) IN (${convKinds}))
    ),
    ${leadTimeCte()},
    tx AS (
      SELECT t.person_id,
             bool_or(cls.is_x OR t.post_id IS NOT NULL) AS x_touch,
             arg_min(CASE WHEN t.post_id IS NOT NULL AND NOT cls.is_x THEN '${X_ORGANIC}' ELSE cls.channel END, t.occurred_at) AS first_channel
      FROM touchpoints t
      JOIN cls ON cls.s = coalesce(t.source, '') AND cls.m = coalesce(t.medium, '') AND cls.h = ${HOST.replace('referrer', 't.referrer')}
              AND cls.c = coalesce(t.channel_raw, '')
      WHERE t.person_id IS NOT NULL
      GROUP BY t.person_id
    )
    SELECT ids.person_id,
           lt.lead_at,
           p.lifecycle_stage,
           coalesce(p.employees, a.employees) AS employees, coalesce(p.industry, a.industry) AS industry,
           coalesce(p.country, a.country) AS country,
           CASE WHEN coalesce(p.utm_source, p.custom_source, p.original_source_d2, p.original_source_d1, p.original_source) IS NOT NULL
                THEN concat_ws(chr(1), coalesce(p.utm_source, ''), coalesce(p.utm_medium, ''), coalesce(p.custom_source, ''),
                               coalesce(p.original_source, ''), coalesce(p.original_source_d1, ''), coalesce(p.original_source_d2, ''))
           END AS src,
           tx.x_touch, tx.first_channel
    FROM ids
    LEFT JOIN people p ON p.person_id = ids.person_id
    LEFT JOIN accounts a ON a.account_id = p.account_id
    LEFT JOIN lead_time lt ON lt.person_id = ids.person_id
    LEFT JOIN tx ON tx.person_id = ids.person_id
    ORDER BY ids.person_id`,
    cls.params,
  );

  const sourceCache = new Map<string, { channel: string; x: boolean }>();
  const classifySource = (src: string) => {
    let hit = sourceCache.get(src);
    if (!hit) {
      const [utmSource, utmMedium, custom, original, d1, d2] = src.split('\u0001');
      const raw = {
        source: utmSource || null,
        medium: utmMedium || null,
        customSource: custom || null,
        originalSource: original || null,
        originalSourceD1: d1 || null,
        originalSourceD2: d2 || null,
      };
      hit = { channel: c.channelOf(raw), x: c.isX(raw) };
      sourceCache.set(src, hit);
    }
    return hit;
  };

  const out = new Map<string, PersonFacts>();
  for (const r of rows) {
    const stages = new Map<string, number | null>();
    if (r.lifecycle_stage) stages.set(stageKey(r.lifecycle_stage), null);
    const src = r.src ? classifySource(r.src) : null;
    out.set(r.person_id, {
      personId: r.person_id,
      leadAt: r.lead_at,
      stages,
      kinds: new Map(),
      employees: r.employees,
      industry: r.industry,
      country: r.country,
      sourceChannel: src?.channel ?? r.first_channel ?? 'unknown',
      xTouched: !!src?.x || !!r.x_touch,
      deals: [],
    });
  }

  for (const l of await store.query<{ person_id: string; stage: string; first_at: number }>(
    'SELECT person_id, stage, epoch_ms(min(entered_at)) AS first_at FROM lifecycle GROUP BY person_id, stage',
  )) {
    const p = out.get(l.person_id);
    if (!p) continue;
    const k = stageKey(l.stage);
    const prev = p.stages.get(k);
    p.stages.set(k, prev === undefined || prev === null ? l.first_at : Math.min(prev, l.first_at));
  }

  const wanted = [...new Set(config.trueLead.actions.map(normKey))];
  if (wanted.length > 0) {
    for (const k of await store.query<{ person_id: string; kind: string; first_at: number }>(
      `SELECT person_id, ${sqlNorm('kind')} AS kind, epoch_ms(min(occurred_at)) AS first_at FROM touchpoints
       WHERE person_id IS NOT NULL AND kind IS NOT NULL AND ${sqlNorm('kind')} IN (${wanted.map(() => '?').join(', ')})
       GROUP BY ALL`,
      wanted,
    )) {
      const p = out.get(k.person_id);
      if (p) p.kinds.set(k.kind, k.first_at);
    }
  }

  const byId = new Map(deals.map((d) => [d.dealId, d]));
  for (const dc of await store.query<{ deal_id: string; person_id: string }>(
    'SELECT DISTINCT deal_id, person_id FROM deal_contacts ORDER BY deal_id, person_id',
  )) {
    const d = byId.get(dc.deal_id);
    const p = out.get(dc.person_id);
    if (d && p) p.deals.push(d);
  }
  // a deal means the person reached the opportunity stage, whatever the lifecycle field says
  for (const p of out.values()) {
    const created = p.deals.map((d) => d.createdAt).filter((t): t is number => t !== null);
    if (p.deals.length > 0 && !p.stages.has('opportunity'))
      p.stages.set('opportunity', created.length ? Math.min(...created) : null);
  }
  return out;
}
