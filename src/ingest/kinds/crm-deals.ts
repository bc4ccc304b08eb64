/**
 * crm-deals: HubSpot deals export (incl. `Date entered "<stage> (<pipeline>)"` stage-history
 * columns and `Associated Contact IDs`), Salesforce opportunity report, or a generic sheet.
 * The column named by `crm.sourceField` fills `custom_source`.
 */
import { isFailure, parseId } from '../values.js';
import { pick } from './pick.js';
import type { KindSpec } from './types.js';

const text = (...aliases: string[]) => ({ type: 'text' as const, aliases });
const money = (...aliases: string[]) => ({ type: 'money' as const, aliases });

function matches(list: readonly string[], stage: string | null): boolean {
  if (!stage) return false;
  const s = stage.toLowerCase().replace(/\s+/g, '');
  return list.some((w) => w.toLowerCase().replace(/\s+/g, '') === s);
}

export const crmDeals: KindSpec = {
  kind: 'crm-deals',
  tables: ['deals', 'deal_stages', 'deal_contacts'],
  fields: {
    deal_id: {
      type: 'id',
      required: true,
      aliases: ['record id', 'deal id', 'opportunity id', 'deal_id', 'id', '取引id', '商談id'],
    },
    name: text('deal name', 'opportunity name', 'name', '取引名', '商談名'),
    account_id: {
      type: 'first-id',
      aliases: ['associated company ids (primary)', 'associated company ids', 'account id', 'company id', 'account_id'],
    },
    account_name: text(
      'account name',
      'associated company (primary)',
      'associated company',
      'company',
      'account',
      '取引先名',
      '会社名',
    ),
    created_at: { type: 'instant', aliases: ['create date', 'created date', 'created_at', 'created', '作成日'] },
    closed_at: {
      type: 'instant',
      aliases: ['close date', 'closed_at', 'closed date', '完了予定日', '成約日', 'クローズ日'],
    },
    stage: text('deal stage', 'stage', 'stage_name', '取引ステージ', 'フェーズ'),
    is_closed: { type: 'bool', aliases: ['is deal closed?', 'closed', 'is_closed', 'is closed'] },
    is_won: { type: 'bool', aliases: ['is closed won', 'won', 'is_won', 'is won'] },
    amount: money('amount', 'amount in company currency', 'amount_jpy', '金額', '取引金額'),
    currency: text('currency', 'amount currency', 'opportunity currency', 'deal currency code', '通貨'),
    mrr: money('monthly recurring revenue', 'mrr'),
    arr: money('annual recurring revenue', 'arr'),
    acv: money('annual contract value', 'acv'),
    tcv: money('total contract value', 'tcv'),
    contract_months: {
      type: 'number',
      aliases: ['contract length (months)', 'contract months', 'contract_months', 'contract term', '契約月数'],
    },
    deal_type: text('deal type', 'type', 'deal_type', '取引タイプ'),
    pipeline: text('pipeline', 'パイプライン'),
    probability: { type: 'number', aliases: ['deal probability', 'probability (%)', 'probability', '確度'] },
    original_source: text(
      'original traffic source',
      'original source',
      'lead source',
      'original_source',
      'リードソース',
    ),
    original_source_d1: text(
      'original traffic source drill-down 1',
      'original source drill-down 1',
      'original_source_d1',
    ),
    original_source_d2: text(
      'original traffic source drill-down 2',
      'original source drill-down 2',
      'original_source_d2',
    ),
    latest_source: text('latest traffic source', 'latest source', 'latest_source'),
    custom_source: text(),
    contacts: { type: 'raw', aliases: ['associated contact ids', 'contact ids', 'contact_ids'] },
  },
  presets: [
    {
      id: 'hubspot-deals',
      kind: 'crm-deals',
      signature: ['record id', 'deal name', 'deal stage'],
      description: 'HubSpot deals export',
    },
    {
      id: 'salesforce-opportunities',
      kind: 'crm-deals',
      signature: ['opportunity name', 'stage', ['amount', 'close date']],
      description: 'Salesforce opportunity report',
    },
    {
      id: 'generic-deals',
      kind: 'crm-deals',
      signature: [
        ['deal_id', 'deal id', 'opportunity id'],
        ['amount', 'stage', 'deal stage'],
      ],
      description: 'generic deals sheet (docs/formats.md names)',
    },
  ],
  dynamic(_h, original) {
    // Date entered "Closed Won (Sales Pipeline)"  |  Date entered Closed Won (Sales Pipeline)
    const o = original.normalize('NFKC').trim();
    const m = /^date entered "?(.+?)\s*\(([^()]+)\)"?$/i.exec(o) ?? /^date entered "?(.+?)"?$/i.exec(o);
    if (!m) return null;
    return { group: 'deal_stage', tag: m[1]!.trim(), type: 'instant' };
  },
  hasId: (raw) => (raw('deal_id') ?? '').trim() !== '',
  map(ctx) {
    const v = ctx.values;
    const id = v.deal_id as string | null;
    if (!id) return ctx.issue('warning', 'row_without_id', 'deal_id', ctx.raw('deal_id') ?? '');
    const stage = v.stage as string | null;
    const won = (v.is_won as boolean | null) ?? (stage ? matches(ctx.config.crm.wonStages, stage) : null);
    const lost = stage ? matches(ctx.config.crm.lostStages, stage) : false;
    const closed = (v.is_closed as boolean | null) ?? (won === true || lost ? true : stage ? false : null);
    let probability = v.probability as number | null;
    if (probability !== null && probability > 1) {
      if (probability <= 100) probability = probability / 100;
      else {
        ctx.issue('warning', 'out_of_range', 'probability', ctx.raw('probability'));
        probability = null;
      }
    }
    ctx.emit('deals', {
      ...pick(v, [
        'name',
        'account_id',
        'account_name',
        'created_at',
        'closed_at',
        'stage',
        'amount',
        'mrr',
        'arr',
        'acv',
        'tcv',
        'contract_months',
        'deal_type',
        'pipeline',
        'original_source',
        'original_source_d1',
        'original_source_d2',
        'latest_source',
        'custom_source',
      ]),
      created_at: (v.created_at as { at: string } | null)?.at ?? null,
      closed_at: (v.closed_at as { at: string } | null)?.at ?? null,
      deal_id: id,
      is_won: won,
      is_closed: closed,
      probability,
      currency: (v.currency as string | null) ?? ctx.config.currency,
    });
    for (const d of ctx.dynamic) {
      const at = d.value as { at: string } | null;
      if (at) ctx.emit('deal_stages', { deal_id: id, stage: d.col.tag, entered_at: at.at });
    }
    const contacts = (v.contacts as string | null) ?? '';
    const seen = new Set<string>();
    for (const part of contacts.split(/[;,]/)) {
      const pid = parseId(part);
      if (pid === null) continue;
      if (isFailure(pid)) {
        ctx.issue('error', 'excel_id', 'contacts', part.trim());
        continue;
      }
      if (seen.has(pid)) continue;
      seen.add(pid);
      ctx.emit('deal_contacts', { deal_id: id, person_id: pid });
    }
  },
};
