/**
 * Lifecycle stage names: normalised (no case, spaces, `-` or `_`), with common synonyms folded to one
 * canonical key (HubSpot's "Marketing Qualified Lead" → mql, 商談 → opportunity, 顧客 → customer).
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

/** Raw (normalised) stage names with a synonym, for SQL that compares raw names. */
export const RAW_STAGE_NAMES: readonly string[] = Object.keys(SYNONYMS);

/** Canonical key of a stage name. */
export function stageKey(s: string): string {
  const k = normKey(s);
  return SYNONYMS[k] ?? k;
}

/** Canonical stages below a lead: entering them does not make a person a lead. */
export const BELOW_LEAD = ['subscriber', 'other', 'その他'];
