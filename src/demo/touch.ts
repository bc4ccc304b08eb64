/**
 * How each channel's touch looks in the data a user has: UTM values, referrer and landing page as
 * an MA tool or GA4 would record them. The simulation knows the channel; the files only carry
 * these raw values, which the channel grouping must map back.
 */
import { BRAND, type DemoChannel } from './params.js';
import type { Rng } from './random.js';

export type TouchKind = 'visit' | 'form' | 'ad_click' | 'email_click' | 'webinar' | 'event' | 'meeting';

export interface DemoTouch {
  personId: string;
  accountId: string;
  at: number;
  kind: TouchKind;
  /** the channel the simulation used (not written to files) */
  trueChannel: DemoChannel | 'sales';
  channelLabel: string;
  source: string;
  medium: string;
  campaign: string;
  content: string;
  referrer: string;
  landingPage: string;
  postId: string;
  /** GA4 "Session source / medium" of a web session, '' for offline touches */
  ga4Key: string;
}

export interface TouchPost {
  id: string;
  tco: string | null;
  landingPath: string;
  theme: string;
}

export interface TouchOptions {
  post?: TouchPost | undefined;
  campaign?: string | undefined;
  /** an X click whose link carried no UTM parameters (only the t.co referrer remains) */
  noUtm?: boolean | undefined;
}

const PAGES = [
  '/',
  '/pricing',
  '/features',
  '/blog/pipeline-basics',
  '/blog/roi-guide',
  '/case-studies',
  '/demo',
  '/contact',
];
const PARTNERS = ['partner-kaikei.example.jp', 'saas-hikaku.example.jp', 'dx-media.example.com'];

function withUtm(path: string, source: string, medium: string, campaign: string, content: string): string {
  const q = [`utm_source=${source}`, `utm_medium=${medium}`];
  if (campaign) q.push(`utm_campaign=${encodeURIComponent(campaign)}`);
  if (content) q.push(`utm_content=${encodeURIComponent(content)}`);
  return `${BRAND.site}${path}?${q.join('&')}`;
}

/** One touch through the given channel (person and account are filled in by the caller). */
export function makeTouch(
  rng: Rng,
  channel: DemoChannel | 'sales',
  at: number,
  kind: TouchKind,
  o: TouchOptions = {},
): Omit<DemoTouch, 'personId' | 'accountId'> {
  const base = {
    at,
    kind,
    trueChannel: channel,
    channelLabel: '',
    source: '',
    medium: '',
    campaign: '',
    content: '',
    referrer: '',
    landingPage: '',
    postId: '',
    ga4Key: '',
  };
  const page = rng.pick(PAGES);
  switch (channel) {
    case 'x_organic': {
      const post = o.post;
      if (!post || !post.tco) throw new RangeError('an X organic touch needs a post with a link');
      const referrer = `https://t.co/${post.tco}`;
      if (o.noUtm) {
        return { ...base, referrer, landingPage: `${BRAND.site}${post.landingPath}`, ga4Key: 't.co / referral' };
      }
      const source = rng.next() < 0.6 ? 'x' : 'twitter';
      const campaign = `x-${post.theme.replace('_', '-')}`;
      return {
        ...base,
        source,
        medium: 'social',
        campaign,
        content: post.id,
        referrer,
        landingPage: withUtm(post.landingPath, source, 'social', campaign, post.id),
        ga4Key: `${source} / social`,
      };
    }
    case 'x_paid': {
      const post = o.post;
      if (!post || !post.tco) throw new RangeError('an X paid touch needs a promoted post with a link');
      const source = rng.next() < 0.7 ? 'x' : 'twitter';
      const campaign = o.campaign ?? 'xads';
      return {
        ...base,
        kind: kind === 'visit' ? 'ad_click' : kind,
        source,
        medium: 'paid_social',
        campaign,
        content: post.id,
        referrer: `https://t.co/${post.tco}`,
        landingPage: withUtm(post.landingPath, source, 'paid_social', campaign, post.id),
        ga4Key: `${source} / paid_social`,
      };
    }
    case 'organic_search': {
      const r = rng.next();
      const [source, referrer] =
        r < 0.8
          ? ['google', 'https://www.google.com/']
          : r < 0.97
            ? ['yahoo', 'https://search.yahoo.co.jp/']
            : ['bing', 'https://www.bing.com/'];
      return {
        ...base,
        source,
        medium: 'organic',
        referrer,
        landingPage: `${BRAND.site}${page}`,
        ga4Key: `${source} / organic`,
      };
    }
    case 'paid_search': {
      const source = rng.next() < 0.8 ? 'google' : 'yahoo';
      const campaign = rng.pick(['brand', 'generic-sfa', 'generic-roi']);
      return {
        ...base,
        kind: kind === 'visit' ? 'ad_click' : kind,
        source,
        medium: 'cpc',
        campaign,
        referrer: source === 'google' ? 'https://www.google.com/' : 'https://search.yahoo.co.jp/',
        landingPage: withUtm('/demo', source, 'cpc', campaign, ''),
        ga4Key: `${source} / cpc`,
      };
    }
    case 'email': {
      const campaign = o.campaign ?? 'newsletter';
      return {
        ...base,
        kind: kind === 'visit' ? 'email_click' : kind,
        source: 'hs_email',
        medium: 'email',
        campaign,
        landingPage: withUtm(page, 'hs_email', 'email', campaign, ''),
        ga4Key: 'hs_email / email',
      };
    }
    case 'events': {
      const webinar = kind === 'webinar';
      return {
        ...base,
        channelLabel: webinar ? 'Webinar' : 'Event',
        source: webinar ? 'zoom' : 'expo',
        medium: webinar ? 'webinar' : 'offline',
        campaign: o.campaign ?? '',
      };
    }
    case 'referral': {
      const host = rng.pick(PARTNERS);
      return {
        ...base,
        source: host,
        medium: 'referral',
        referrer: `https://${host}/articles/${rng.int(100, 999)}`,
        landingPage: `${BRAND.site}${page}`,
        ga4Key: `${host} / referral`,
      };
    }
    case 'linkedin':
      return {
        ...base,
        source: 'linkedin',
        medium: 'social',
        campaign: 'li-organic',
        referrer: 'https://www.linkedin.com/',
        landingPage: withUtm(page, 'linkedin', 'social', 'li-organic', ''),
        ga4Key: 'linkedin / social',
      };
    case 'direct':
      // the MA tool records direct sessions the GA way
      return {
        ...base,
        source: '(direct)',
        medium: '(none)',
        landingPage: `${BRAND.site}${rng.pick(['/', '/', '/pricing', '/login'])}`,
        ga4Key: '(direct) / (none)',
      };
    case 'sales':
      return { ...base, kind: 'meeting', channelLabel: 'Sales' };
  }
}

/** HubSpot's "Original Source" and drill-downs for a first touch through the given channel. */
export function hubspotSource(
  t: Pick<DemoTouch, 'trueChannel' | 'source' | 'campaign' | 'kind'>,
): [string, string, string] {
  switch (t.trueChannel) {
    case 'x_organic':
      return ['Social Media', 'Twitter', ''];
    case 'x_paid':
      return ['Paid Social', 'Twitter', t.campaign];
    case 'organic_search':
      return ['Organic Search', t.source.toUpperCase(), 'unknown keywords (SSL)'];
    case 'paid_search':
      return ['Paid Search', t.source.toUpperCase(), t.campaign];
    case 'email':
      return ['Email Marketing', t.campaign, ''];
    case 'events':
      return t.kind === 'webinar'
        ? ['Offline Sources', 'INTEGRATION', 'Zoom Webinar']
        : ['Offline Sources', 'IMPORT', t.campaign];
    case 'referral':
      return ['Referrals', t.source, ''];
    case 'linkedin':
      return ['Social Media', 'LinkedIn', ''];
    case 'direct':
      return ['Direct Traffic', '', ''];
    case 'sales':
      return ['Offline Sources', 'CRM_UI', ''];
  }
}
