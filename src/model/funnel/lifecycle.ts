/**
 * Lifecycle stage names: normalised (no case, spaces, `-` or `_`), with common synonyms folded to one
 * canonical key (HubSpot's "Marketing Qualified Lead" → mql, 商談 → opportunity, 顧客 → customer), and
 * the usual order of the B2B funnel, so that reaching a later stage counts as having passed the
 * earlier ones (a customer whose history skipped "SQL" has still been a sales-qualified lead).
 * Stages below a lead (subscriber) do not make a person a lead.
 */

/** Lower-case and drop spaces, hyphens and underscores (stage and kind names). */
export function normKey(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

const SYNONYMS: Record<string, string> = {
  marketingqualifiedlead: 'mql',
  マーケティング適格リード: 'mql',
  salesqualifiedlead: 'sql',
  セールス適格リード: 'sql',
  営業適格リード: 'sql',
  商談: 'opportunity',
  商談化: 'opportunity',
  opp: 'opportunity',
  顧客: 'customer',
  受注: 'customer',
  closedwon: 'customer',
  リード: 'lead',
  購読者: 'subscriber',
  エバンジェリスト: 'evangelist',
};

/** Canonical key of a stage name. */
export function stageKey(s: string): string {
  const k = normKey(s);
  return SYNONYMS[k] ?? k;
}

/** Rank in the funnel of the known canonical stages (unknown stages have no rank). */
export const STAGE_RANK: Readonly<Record<string, number>> = {
  subscriber: 0,
  lead: 1,
  mql: 2,
  sql: 3,
  opportunity: 4,
  customer: 5,
  evangelist: 6,
};

/** Canonical stages below a lead: entering them does not make a person a lead. */
export const BELOW_LEAD = ['subscriber', 'other', 'その他'];
