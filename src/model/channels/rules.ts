/**
 * The built-in channel rules (DESIGN §6.1), as data: an ordered list, first match wins. Each rule
 * names the channel id and a test over the normalised raw fields. User rules from config
 * (`channels.rules`) run before these. X is recognised from UTM values, referrers, HubSpot's source
 * fields, Salesforce lead sources and Japanese labels; X paid and X organic are separate channels.
 */

/** Raw source fields of a touch, person or deal, as imported. */
export interface RawSource {
  source?: string | null | undefined;
  medium?: string | null | undefined;
  campaign?: string | null | undefined;
  referrer?: string | null | undefined;
  /** A channel label from the export (GA default channel group, MA "channel", …). */
  channel?: string | null | undefined;
  /** CRM original source and its drill-downs (HubSpot), or the lead source (Salesforce). */
  originalSource?: string | null | undefined;
  originalSourceD1?: string | null | undefined;
  originalSourceD2?: string | null | undefined;
  /** The CRM column named by config crm.sourceField. */
  customSource?: string | null | undefined;
  /** Touch kind (visit, form, ad_click, webinar, …). */
  kind?: string | null | undefined;
}

/** Normalised fields: lower case, NFKC (full-width → half-width), blanks collapsed; '' when missing. */
export interface NormalizedSource {
  source: string;
  medium: string;
  campaign: string;
  referrer: string;
  /** Host of the referrer without www./m./mobile. */
  referrerHost: string;
  channel: string;
  originalSource: string;
  d1: string;
  d2: string;
  customSource: string;
  kind: string;
  /** Every label-like field: source, channel, original source, drill-downs, custom source. */
  labels: string[];
}

export function normalize(v: string | null | undefined): string {
  if (v === null || v === undefined) return '';
  return v.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

export function referrerHost(ref: string): string {
  if (!ref) return '';
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/?#:]+)/.exec(ref);
  return (m?.[1] ?? '').replace(/^(www|m|mobile)\./, '');
}

export function normalizeSource(raw: RawSource): NormalizedSource {
  const n = {
    source: normalize(raw.source),
    medium: normalize(raw.medium),
    campaign: normalize(raw.campaign),
    referrer: normalize(raw.referrer),
    channel: normalize(raw.channel),
    originalSource: normalize(raw.originalSource),
    d1: normalize(raw.originalSourceD1),
    d2: normalize(raw.originalSourceD2),
    customSource: normalize(raw.customSource),
    kind: normalize(raw.kind),
  };
  return {
    ...n,
    referrerHost: referrerHost(n.referrer),
    labels: [n.source, n.channel, n.originalSource, n.d1, n.d2, n.customSource].filter((s) => s !== ''),
  };
}

const X_SOURCES = new Set([
  'twitter',
  'x',
  'tw',
  't.co',
  'twitter.com',
  'x.com',
  'mobile.twitter.com',
  'x (旧twitter)',
  'x(旧twitter)',
  'x/twitter',
  'twitter/x',
  'ツイッター',
  'エックス',
  'sns',
]);
const X_HOSTS = new Set([
  't.co',
  'twitter.com',
  'x.com',
  'tweetdeck.twitter.com',
  'pro.x.com',
  'ads.x.com',
  'ads.twitter.com',
]);
/** Mediums that mean a paid placement. */
export const PAID_MEDIUMS = new Set([
  'cpc',
  'ppc',
  'paid',
  'paid_social',
  'paidsocial',
  'paid-social',
  'paid social',
  'display',
  'ad',
  'ads',
  'cpm',
  'cpv',
  'banner',
  'sponsored',
  'promoted',
  'paid_search',
  'paidsearch',
]);
const SEARCH_SOURCES = /^(google|bing|yahoo|yahoo!? ?japan|duckduckgo|baidu|naver|ecosia|yandex)(\.[a-z.]+)?$/;
const SEARCH_HOSTS = /(^|\.)(google|bing|yahoo|duckduckgo|baidu|naver|ecosia|yandex)\.[a-z.]+$/;

function isXLabel(v: string): boolean {
  if (X_SOURCES.has(v)) return true;
  return (
    /(^|[^a-z])twitter([^a-z]|$)/.test(v) ||
    v.includes('ツイッター') ||
    v.includes('旧twitter') ||
    /^x ?(ads|広告|organic|オーガニック)$/.test(v)
  );
}

function isPaid(n: NormalizedSource): boolean {
  if (PAID_MEDIUMS.has(n.medium)) return true;
  if (n.kind === 'ad_click' || n.campaign === 'ad_click') return true;
  if (n.labels.some((l) => /(^|[^a-z])(ads?|paid|promoted)([^a-z]|$)|広告/.test(l))) return true;
  return n.originalSource === 'paid social' || n.originalSource === 'paid_social';
}

export interface BuiltInRule {
  name: string;
  channel: string;
  test: (n: NormalizedSource) => boolean;
}

function isX(n: NormalizedSource): boolean {
  if (X_HOSTS.has(n.referrerHost)) return true;
  if (n.source && isXLabel(n.source)) return true;
  if (n.channel && isXLabel(n.channel)) return true;
  if (n.customSource && isXLabel(n.customSource)) return true;
  // HubSpot: "Social media" / "Paid social" with drill-down Twitter/X; Salesforce lead source Twitter/X/SNS
  if (n.originalSource && isXLabel(n.originalSource)) return true;
  const social = /^(social media|social_media|organic social|organic_social|paid social|paid_social|social)$/.test(
    n.originalSource,
  );
  return social && (isXLabel(n.d1) || isXLabel(n.d2));
}

const any = (n: NormalizedSource, re: RegExp) => n.labels.some((l) => re.test(l));

/** Ordered built-in rules; the first match wins. */
export const BUILT_IN_RULES: readonly BuiltInRule[] = [
  { name: 'x-paid', channel: 'x_paid', test: (n) => isX(n) && isPaid(n) },
  { name: 'x-organic', channel: 'x_organic', test: (n) => isX(n) },
  {
    name: 'linkedin',
    channel: 'linkedin',
    test: (n) =>
      /(^|\.)(linkedin\.com|lnkd\.in)$/.test(n.referrerHost) ||
      any(n, /^(linkedin|lnkd\.in|li|linkedin\.com|リンクトイン)( ads)?$/),
  },
  {
    name: 'facebook',
    channel: 'facebook',
    test: (n) =>
      /(^|\.)(facebook\.com|fb\.com|fb\.me|instagram\.com)$/.test(n.referrerHost) ||
      any(n, /^(facebook|fb|fbig|meta|instagram|ig|facebook\.com|フェイスブック|インスタグラム)( ads)?$/),
  },
  {
    name: 'paid-search',
    channel: 'paid_search',
    test: (n) =>
      (PAID_MEDIUMS.has(n.medium) && (SEARCH_SOURCES.test(n.source) || n.medium.includes('search'))) ||
      any(n, /^(paid search|paid_search|google ads|adwords|sem|リスティング広告|検索広告)$/),
  },
  {
    name: 'organic-search',
    channel: 'organic_search',
    test: (n) =>
      n.medium === 'organic' ||
      (n.medium === '' && n.source === '' && SEARCH_HOSTS.test(n.referrerHost)) ||
      any(n, /^(organic search|organic_search|seo|自然検索|オーガニック検索)$/),
  },
  {
    name: 'email',
    channel: 'email',
    test: (n) =>
      /^(e-?mail|newsletter|mail|メール|メルマガ)$/.test(n.medium) ||
      n.kind === 'email_click' ||
      any(n, /^(e-?mail|email marketing|email_marketing|newsletter|メール|メルマガ|メールマガジン)$/),
  },
  {
    name: 'events',
    channel: 'events',
    test: (n) =>
      n.kind === 'webinar' ||
      n.kind === 'event' ||
      any(n, /^(events?|webinars?|seminars?|trade ?shows?|conference|展示会|セミナー|ウェビナー|イベント)$/) ||
      /^(events?|webinars?|seminars?)$/.test(n.medium),
  },
  {
    name: 'partner',
    channel: 'partner',
    test: (n) =>
      /^(partner|partners|affiliate|reseller)$/.test(n.medium) ||
      any(n, /^(partners?|affiliates?|reseller|パートナー|代理店|紹介パートナー)$/),
  },
  {
    name: 'offline',
    channel: 'offline',
    test: (n) =>
      n.kind === 'meeting' ||
      any(
        n,
        /^(offline|offline sources|offline_sources|sales|outbound|cold call|phone|trade show|営業|テレアポ|電話|飛び込み|展示会以外のオフライン)$/,
      ),
  },
  {
    name: 'direct',
    channel: 'direct',
    test: (n) =>
      ((n.source === '(direct)' || n.source === 'direct') &&
        (n.medium === '' || n.medium === '(none)' || n.medium === 'none')) ||
      any(n, /^(direct|direct traffic|direct_traffic|\(direct\)|直接|ダイレクト)$/) ||
      // a web visit or form fill with no source, medium, referrer or label: GA's rule for sessions
      // without a referrer
      (/^(visit|pageview|page_view|session|form|form_submission)$/.test(n.kind) &&
        n.labels.length === 0 &&
        n.medium === '' &&
        n.referrer === '' &&
        n.campaign === ''),
  },
  {
    name: 'referral',
    channel: 'referral',
    test: (n) =>
      n.medium === 'referral' ||
      any(n, /^(referral|referrals|紹介|被リンク)$/) ||
      (n.referrerHost !== '' && n.source === ''),
  },
];
