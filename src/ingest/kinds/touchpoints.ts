/**
 * touchpoints: one row per marketing or sales touch (docs/formats.md), including the public
 * multi-touch attribution layout (customer_id,time,interaction,conversion,conversion_value,channel)
 * and Salesforce campaign members.
 */
import { idFromUrl } from './x-posts.js';
import type { KindSpec } from './types.js';

const text = (...aliases: string[]) => ({ type: 'text' as const, aliases });

const KIND_WORDS: [RegExp, string][] = [
  [/webinar|ウェビナー/i, 'webinar'],
  [/event|trade ?show|conference|seminar|イベント|展示会|セミナー/i, 'event'],
  [/e-?mail|メール/i, 'email_click'],
  [/meeting|商談|打ち合わせ/i, 'meeting'],
  [/form|download|フォーム|資料/i, 'form'],
  [/\bdm\b|direct message/i, 'dm'],
  [/ad|paid|広告/i, 'ad_click'],
  [/impression/i, 'impression'],
  [/conversion|コンバージョン/i, 'conversion'],
  [/visit|session|page ?view|訪問/i, 'visit'],
];

export function touchKind(raw: string | null): string | null {
  if (!raw) return null;
  const s = raw.trim().toLowerCase();
  if (
    [
      'visit',
      'form',
      'dm',
      'webinar',
      'event',
      'email_click',
      'meeting',
      'ad_click',
      'impression',
      'conversion',
    ].includes(s)
  )
    return s;
  for (const [re, k] of KIND_WORDS) if (re.test(s)) return k;
  return s;
}

function utm(url: string | null, key: string): string | null {
  if (!url) return null;
  const m = new RegExp(`[?&]${key}=([^&#]*)`).exec(url);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]!.replace(/\+/g, ' ')) || null;
  } catch {
    return m[1]! || null;
  }
}

export const touchpoints: KindSpec = {
  kind: 'touchpoints',
  tables: ['touchpoints'],
  fields: {
    person_id: { type: 'id', aliases: ['person_id', 'contact_id', 'customer_id', 'record id', 'contact id'] },
    /** A second person id column (Salesforce campaign members carry a Lead ID or a Contact ID). */
    lead_id: { type: 'id', aliases: ['lead id', 'lead_id'] },
    email: { type: 'email', aliases: ['email', 'メールアドレス', 'e-mail'] },
    occurred_at: {
      type: 'instant',
      aliases: ['occurred_at', 'time', 'timestamp', '日時', 'first responded date', 'created date', 'date'],
    },
    /** When the touch time is empty (a campaign member who has not responded): when the member was added. */
    occurred_fallback: { type: 'instant', aliases: ['created date', 'member created date'] },
    kind: text('kind', 'interaction', 'type', '種類', 'campaign type', 'member status'),
    channel_raw: text('channel', 'チャネル', 'campaign type'),
    source: text('source', 'utm_source'),
    medium: text('medium', 'utm_medium'),
    campaign: text('campaign', 'utm_campaign', 'campaign name', 'キャンペーン'),
    content: text('content', 'utm_content'),
    referrer: text('referrer', 'リファラー'),
    landing_page: text('landing_page', 'landing page'),
    post_id: { type: 'id', aliases: ['post_id', 'post id', 'tweet id'] },
    account_id: { type: 'id', aliases: ['account_id', 'company_id', 'account id'] },
    is_conversion: { type: 'bool', aliases: ['conversion', 'is_conversion'] },
    conversion_value: { type: 'money', aliases: ['conversion_value', 'conversion value'] },
  },
  requireOneOf: [['person_id', 'lead_id', 'email'], ['occurred_at']],
  presets: [
    {
      id: 'mta-public',
      kind: 'touchpoints',
      signature: ['customer_id', 'time', 'interaction', 'channel'],
      description: 'public multi-touch attribution data set layout',
    },
    {
      id: 'salesforce-campaign-members',
      kind: 'touchpoints',
      signature: ['campaign name', ['member status', 'first responded date'], ['lead id', 'contact id', 'email']],
      description: 'Salesforce campaign members report',
    },
    {
      id: 'touchpoints',
      kind: 'touchpoints',
      signature: [
        ['person_id', 'contact_id', 'customer_id', 'email', 'メールアドレス'],
        ['occurred_at', 'timestamp', '日時', 'time'],
        ['channel', 'source', 'utm_source', 'kind', 'referrer', 'landing_page'],
      ],
      description: 'generic touchpoints (docs/formats.md)',
    },
  ],
  hasId: (raw) => [raw('person_id'), raw('lead_id'), raw('email')].some((x) => (x ?? '').trim() !== ''),
  map(ctx) {
    const v = ctx.values;
    const email = v.email as string | null;
    const person =
      (v.person_id as string | null) ?? (v.lead_id as string | null) ?? (email ? ctx.hashEmail(email) : null);
    if (!person) return ctx.issue('warning', 'row_without_id', 'person_id', ctx.raw('person_id') ?? '');
    const at = (v.occurred_at ?? v.occurred_fallback) as { at: string } | null;
    if (!at) return ctx.issue('error', 'missing_value', 'occurred_at', ctx.raw('occurred_at') ?? '');
    const landing = v.landing_page as string | null;
    const kind = touchKind(v.kind as string | null);
    const conv = (v.is_conversion as boolean | null) ?? kind === 'conversion';
    ctx.emit('touchpoints', {
      person_id: person,
      account_id: v.account_id as string | null,
      occurred_at: at.at,
      kind,
      channel_raw: v.channel_raw as string | null,
      source: (v.source as string | null) ?? utm(landing, 'utm_source'),
      medium: (v.medium as string | null) ?? utm(landing, 'utm_medium'),
      campaign: (v.campaign as string | null) ?? utm(landing, 'utm_campaign'),
      content: (v.content as string | null) ?? utm(landing, 'utm_content'),
      referrer: v.referrer as string | null,
      landing_page: landing,
      post_id: (v.post_id as string | null) ?? idFromUrl(landing ?? undefined),
      is_conversion: conv,
      conversion_value: v.conversion_value as number | null,
    });
  },
};
