/**
 * Channel of a raw source signal, for lead quality per source and the X-touched split.
 *
 * TEMPORARY: a minimal private fallback of the default grouping of DESIGN §6.1, used until the
 * channel grouping (src/model/channels, `groupChannel`) lands; then this file only adapts to it.
 * It recognises X (organic / paid) from utm_source, referrer hosts, CRM source labels and Japanese
 * labels; everything else keeps a coarse bucket (paid, social, search, email, referral, direct,
 * other) so that the per-source table is readable.
 */
import { X_ORGANIC, X_PAID, DIRECT } from '../types.js';

export interface RawSource {
  source?: string | null | undefined;
  medium?: string | null | undefined;
  referrer?: string | null | undefined;
  channel?: string | null | undefined;
  campaign?: string | null | undefined;
}

const X_SOURCE = /^(twitter|x|tw|t\.co|x\.com|twitter\.com)$/i;
const X_HOST = /(^|\.)(t\.co|twitter\.com|x\.com)$/i;
const X_LABEL = /twitter|ツイッター|x\s*[(（]\s*旧\s*twitter|^x$|^x[\s_-]|[\s/_-]x$/i;
const PAID = /^(cpc|ppc|paid|paid[_\s-]?social|display|cpm|ads?|sponsored|promoted)$/i;

/** Host of a referrer URL or bare host, lower-cased; null when absent. */
export function referrerHost(referrer: string | null | undefined): string | null {
  if (!referrer) return null;
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/?#:]+)/i.exec(referrer.trim());
  return m ? m[1]!.toLowerCase() : null;
}

/** True when the raw signal is X (organic or paid). */
export function isXSource(raw: RawSource): boolean {
  const host = referrerHost(raw.referrer);
  return (
    (!!raw.source && (X_SOURCE.test(raw.source.trim()) || X_LABEL.test(raw.source.trim()))) ||
    (!!host && X_HOST.test(host)) ||
    (!!raw.channel && X_LABEL.test(raw.channel.trim()))
  );
}

/** Channel id of a raw signal (fallback grouping). */
export function channelOf(raw: RawSource): string {
  const medium = raw.medium?.trim() ?? '';
  if (isXSource(raw)) return PAID.test(medium) ? X_PAID : X_ORGANIC;
  const text = [raw.source, raw.channel, medium].filter(Boolean).join(' ').toLowerCase();
  const host = referrerHost(raw.referrer);
  if (!text && !host) return DIRECT;
  if (PAID.test(medium) || /paid/.test(text)) return 'paid_other';
  if (/organic search|organic_search|google|yahoo|bing|検索/.test(text)) return 'search';
  if (/social|facebook|linkedin|instagram|ソーシャル/.test(text)) return 'social_other';
  if (/e-?mail|newsletter|メール/.test(text)) return 'email';
  if (/direct|\(none\)|ダイレクト/.test(text)) return DIRECT;
  if (/referral|参照/.test(text) || host) return 'referral';
  return 'other';
}
