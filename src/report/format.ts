/**
 * Number formatting for the reports, per language. Headlines round to what a manager reads at a
 * glance (Japanese: 万/億, e.g. 1.2億円, 3,400万円; English: K/M/B, e.g. ¥120.5M); tables show exact
 * values with thousands separators. The output is plain ASCII digits and does not depend on the
 * platform's ICU data, so golden files are stable.
 */
import type { Locale } from '../messages/index.js';

/** Placeholder shown for a value that could not be computed. */
export const NOT_AVAILABLE = '—';

const currencySymbols: Record<string, string> = { JPY: '¥', USD: '$', EUR: '€', GBP: '£', CNY: 'CN¥', KRW: '₩' };

/** Digits with comma thousands separators: 1234567.891 → "1,234,567.89" (with `digits` decimals). */
export function groupDigits(value: number, digits = 0): string {
  const fixed = Math.abs(value).toFixed(digits);
  const [int = '0', frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${grouped}${frac ? `.${frac}` : ''}`;
}

/** Trim a trailing ".0" so 3.0 reads 3 but 1.2 stays 1.2. */
function oneDecimal(value: number): string {
  const s = value.toFixed(1);
  return s.endsWith('.0') ? s.slice(0, -2) : s;
}

/** Fraction digits a currency uses in tables (JPY and KRW have none). */
function currencyDigits(currency: string): number {
  return currency === 'JPY' || currency === 'KRW' ? 0 : 2;
}

/**
 * An exact money amount for tables: Japanese "1,234,567円" (JPY) or "1,234.50 USD";
 * English "¥1,234,567" or "$1,234.50".
 */
export function formatMoney(value: number | null | undefined, locale: Locale, currency: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NOT_AVAILABLE;
  const digits = groupDigits(value, currencyDigits(currency));
  if (locale === 'ja') return currency === 'JPY' ? `${digits}円` : `${digits} ${currency}`;
  const symbol = currencySymbols[currency];
  if (!symbol) return `${digits} ${currency}`;
  return digits.startsWith('-') ? `-${symbol}${digits.slice(1)}` : `${symbol}${digits}`;
}

/**
 * A rounded money amount for headlines and chart labels.
 * Japanese: ≥ 1億 → "1.2億円", ≥ 1万 → "3,400万円", below → exact. English: K, M, B with one decimal.
 * @example formatMoneyShort(123_000_000, 'ja', 'JPY') // "1.2億円"
 */
export function formatMoneyShort(value: number | null | undefined, locale: Locale, currency: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NOT_AVAILABLE;
  const abs = Math.abs(value);
  const sign = value < 0 ? '-' : '';
  if (locale === 'ja') {
    let body: string;
    if (abs >= 1e8) body = `${oneDecimal(abs / 1e8)}億`;
    else if (abs >= 1e4) {
      const man = Math.round(abs / 1e4);
      body = man >= 10_000 ? `${oneDecimal(man / 1e4)}億` : `${groupDigits(man)}万`;
    } else body = groupDigits(abs, currencyDigits(currency));
    return currency === 'JPY' ? `${sign}${body}円` : `${sign}${body} ${currency}`;
  }
  let body: string;
  if (abs >= 1e9) body = `${oneDecimal(abs / 1e9)}B`;
  else if (abs >= 1e6) body = `${oneDecimal(abs / 1e6)}M`;
  else if (abs >= 1e3) body = `${oneDecimal(abs / 1e3)}K`;
  else body = groupDigits(abs, currencyDigits(currency));
  // 999.96K rounds to "1000K": promote to the next unit
  body = body.replace(/^1000K$/, '1M').replace(/^1000M$/, '1B');
  const symbol = currencySymbols[currency];
  return symbol ? `${sign}${symbol}${body}` : `${sign}${body} ${currency}`;
}

/** A ratio as a percentage: 0.352 → "35%" (or "35.2%" with digits = 1); sign shown when `signed`. */
export function formatPercent(
  value: number | null | undefined,
  options: { digits?: number; signed?: boolean } = {},
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NOT_AVAILABLE;
  const digits = options.digits ?? 0;
  const text = groupDigits(value * 100, digits);
  const plus = options.signed && Number(text.replace(/,/g, '')) > 0 ? '+' : '';
  return `${plus}${text}%`;
}

/** A plain count or measure: 1234.5 → "1,234.5" with the given decimals (default 0). */
export function formatNumber(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NOT_AVAILABLE;
  return groupDigits(value, digits);
}

/** A multiple such as LTV:CAC: 4.25 → "4.3×". */
export function formatMultiple(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NOT_AVAILABLE;
  return `${groupDigits(value, 1)}×`;
}

/** An epoch-ms instant or a YYYY-MM-DD string as a calendar day in `timeZone` (YYYY-MM-DD). */
export function formatDay(value: number | string | null | undefined, timeZone: string): string {
  if (value === null || value === undefined) return NOT_AVAILABLE;
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) return value;
    value = ms;
  }
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date(value))
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}
