/**
 * crm-contacts: HubSpot contacts (with `Became a … Date` lifecycle columns), Salesforce leads /
 * contacts, or a generic sheet. E-mail addresses are hashed with `privacy.salt`; names are stored
 * only with `privacy.storeNames`.
 */
import { pick } from './pick.js';
import type { KindSpec } from './types.js';

const text = (...aliases: string[]) => ({ type: 'text' as const, aliases });

const LIFECYCLE: Record<string, string> = {
  subscriber: 'subscriber',
  lead: 'lead',
  'marketing qualified lead': 'mql',
  mql: 'mql',
  'sales qualified lead': 'sql',
  sql: 'sql',
  opportunity: 'opportunity',
  customer: 'customer',
  evangelist: 'evangelist',
  other: 'other',
};

export function lifecycleStage(label: string): string {
  const k = label.trim().toLowerCase();
  return LIFECYCLE[k] ?? k.replace(/\s+/g, '_');
}

export const crmContacts: KindSpec = {
  kind: 'crm-contacts',
  tables: ['people', 'lifecycle'],
  fields: {
    person_id: {
      type: 'id',
      aliases: ['record id', 'contact id', 'lead id', 'person_id', 'contact_id', 'id', 'コンタクトid'],
    },
    email: { type: 'email', aliases: ['email', 'e-mail', 'email address', 'メールアドレス', 'メール'] },
    first_name: text('first name', 'first_name', '名'),
    last_name: text('last name', 'last_name', '姓'),
    full_name: text('name', 'full name', '氏名'),
    account_id: {
      type: 'first-id',
      aliases: [
        'associated company ids (primary)',
        'associated company ids',
        'associated company id',
        'account id',
        'company id',
        'account_id',
      ],
    },
    company: text('company name', 'company', 'account name', '会社名'),
    domain: text('company domain name', 'website url', 'website', 'domain'),
    job_title: text('job title', 'title', '役職'),
    industry: text('industry', '業種'),
    employees: { type: 'count', aliases: ['number of employees', 'employees', '従業員数'] },
    country: text('country/region', 'country', '国'),
    created_at: { type: 'instant', aliases: ['create date', 'created date', 'created_at', '作成日'] },
    lifecycle_stage: text('lifecycle stage', 'lifecycle_stage', 'ライフサイクルステージ'),
    lead_status: text('lead status', 'lead_status', 'status', 'リードステータス'),
    original_source: text(
      'original source',
      'original traffic source',
      'lead source',
      'original_source',
      'リードソース',
    ),
    original_source_d1: text(
      'original source drill-down 1',
      'original traffic source drill-down 1',
      'original_source_d1',
    ),
    original_source_d2: text(
      'original source drill-down 2',
      'original traffic source drill-down 2',
      'original_source_d2',
    ),
    latest_source: text('latest source', 'latest traffic source', 'latest_source'),
    custom_source: text(),
    self_reported_source: text(
      'how did you hear about us?',
      'how did you hear about us',
      'self reported source',
      'self_reported_source',
      'どこで知りましたか',
      '当社を知ったきっかけ',
    ),
    utm_source: text('utm_source', 'utm source'),
    utm_medium: text('utm_medium', 'utm medium'),
    utm_campaign: text('utm_campaign', 'utm campaign'),
    utm_content: text('utm_content', 'utm content'),
  },
  requireOneOf: [['person_id', 'email']],
  presets: [
    {
      id: 'hubspot-contacts',
      kind: 'crm-contacts',
      signature: [
        'record id',
        ['email', 'first name', 'lifecycle stage'],
        ['lifecycle stage', 'create date', 'original source'],
      ],
      description: 'HubSpot contacts export',
    },
    {
      id: 'salesforce-leads-contacts',
      kind: 'crm-contacts',
      signature: [
        ['lead id', 'contact id'],
        ['email', 'first name', 'last name'],
        ['lead source', 'lead status', 'created date'],
      ],
      description: 'Salesforce leads or contacts report',
    },
    {
      id: 'generic-contacts',
      kind: 'crm-contacts',
      signature: [
        ['person_id', 'contact_id', 'email'],
        ['lifecycle_stage', 'created_at', 'company', 'original_source'],
      ],
      description: 'generic contacts sheet',
    },
  ],
  dynamic(h) {
    const m = /^became an? (.+) date$/.exec(h);
    return m ? { group: 'lifecycle', tag: lifecycleStage(m[1]!), type: 'instant' } : null;
  },
  hasId: (raw) => (raw('person_id') ?? '').trim() !== '' || (raw('email') ?? '').trim() !== '',
  map(ctx) {
    const v = ctx.values;
    const email = v.email as string | null;
    const hash = email ? ctx.hashEmail(email) : null;
    const crmId = v.person_id as string | null;
    const id = crmId ?? hash;
    if (!id) return ctx.issue('warning', 'row_without_id', 'person_id', ctx.raw('person_id') ?? '');
    let name: string | null = null;
    if (ctx.config.privacy.storeNames) {
      name = (v.full_name as string | null) ?? ([v.first_name, v.last_name].filter(Boolean).join(' ') || null);
    }
    ctx.emit('people', {
      ...pick(v, [
        'account_id',
        'company',
        'domain',
        'job_title',
        'industry',
        'employees',
        'country',
        'lifecycle_stage',
        'lead_status',
        'original_source',
        'original_source_d1',
        'original_source_d2',
        'latest_source',
        'custom_source',
        'self_reported_source',
        'utm_source',
        'utm_medium',
        'utm_campaign',
        'utm_content',
      ]),
      person_id: id,
      email_hash: hash,
      crm_id: crmId,
      name,
      created_at: (v.created_at as { at: string } | null)?.at ?? null,
    });
    for (const d of ctx.dynamic) {
      const at = d.value as { at: string } | null;
      if (at) ctx.emit('lifecycle', { person_id: id, stage: d.col.tag, entered_at: at.at });
    }
  },
};
