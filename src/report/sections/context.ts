/**
 * What every section builder receives: the result, the language, a translator and formatters
 * bound to the report currency. Builders are pure functions of it.
 */
import type { Locale } from '../../messages/index.js';
import type { AnalysisResult } from '../../model/result.js';
import { formatMoney, formatMoneyShort, formatNumber, formatPercent } from '../format.js';
import { hasMessage, lookupMessage, reportTranslator, type Translate } from '../messages/index.js';
import type { Block, Section, SectionId } from '../spec.js';

export interface BuildContext {
  result: AnalysisResult;
  lang: Locale;
  tr: Translate;
  currency: string;
  timeZone: string;
  /** exact money for tables */
  money: (v: number | null | undefined) => string;
  /** rounded money for headlines (万/億, K/M) */
  moneyShort: (v: number | null | undefined) => string;
  percent: (v: number | null | undefined, digits?: number) => string;
  number: (v: number | null | undefined, digits?: number) => string;
  /** a message key stored in the result (reason codes, bridge steps), translated; unknown keys as is */
  message: (key: string, params?: Record<string, string | number>) => string;
  /** a channel id as a label ("x_organic" → "X (organic)") */
  channel: (id: string) => string;
}

const channelLabels: Record<Locale, Record<string, string>> = {
  en: {
    x_organic: 'X (organic)',
    x_paid: 'X (paid)',
    direct: 'Direct',
    organic_search: 'Organic search',
    paid_search: 'Paid search',
    email: 'Email',
    referral: 'Referral',
    social_other: 'Other social',
    events: 'Events',
    sales: 'Sales outreach',
    partner: 'Partner',
    facebook: 'Facebook',
    linkedin: 'LinkedIn',
    offline: 'Offline / sales',
    other: 'Other',
  },
  ja: {
    x_organic: 'X（オーガニック）',
    x_paid: 'X（広告）',
    direct: 'ダイレクト',
    organic_search: '自然検索',
    paid_search: '検索広告',
    email: 'メール',
    referral: '参照サイト',
    social_other: 'その他SNS',
    events: 'イベント',
    sales: '営業活動',
    partner: 'パートナー',
    facebook: 'Facebook',
    linkedin: 'LinkedIn',
    offline: 'オフライン・営業',
    other: 'その他',
  },
};

export function buildContext(result: AnalysisResult, lang: Locale): BuildContext {
  const currency = result.meta.currency;
  return {
    result,
    lang,
    tr: reportTranslator(lang),
    currency,
    timeZone: result.meta.timeZone,
    money: (v) => formatMoney(v, lang, currency),
    moneyShort: (v) => formatMoneyShort(v, lang, currency),
    percent: (v, digits = 0) => formatPercent(v, { digits }),
    number: (v, digits = 0) => formatNumber(v, digits),
    message: (key, params) => lookupMessage(lang, key, params),
    channel: (id) => channelLabels[lang][id] ?? lookupMessage(lang, `channel.${id}`).replace(/^channel\./, ''),
  };
}

/**
 * The "what to import" box for a section: the entries of result.dataQuality.missing for any of
 * `sources` (need texts that are message keys are translated). Empty when nothing is missing.
 */
export function missingBlocks(ctx: BuildContext, sources: readonly string[], absent: boolean): Block[] {
  const needs = ctx.result.dataQuality.missing
    .filter((m) => sources.includes(m.section))
    .map((m) => (hasMessage(ctx.lang, `need.${m.need}`) ? ctx.message(`need.${m.need}`) : ctx.message(m.need)));
  const unique = [...new Set(needs)];
  if (unique.length === 0 && !absent) return [];
  return [{ kind: 'missing', needs: unique }];
}

/** A section that only says what is missing. */
export function missingSection(ctx: BuildContext, id: SectionId, sources: readonly string[]): Section {
  return { id, title: ctx.tr(`section.${id}`), blocks: missingBlocks(ctx, sources, true) };
}
