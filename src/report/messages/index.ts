/**
 * The report's message catalog (HTML, PDF, CSV, XLSX), Japanese and English. Keys of the shared
 * catalog (bridge step labels, reason codes) are looked up in src/messages.
 */
import { catalogs, type Locale } from '../../messages/index.js';
import { reportEn, type ReportMessageKey } from './en.js';
import { reportJa } from './ja.js';

export type { ReportMessageKey };
export const reportCatalogs: Record<Locale, Record<ReportMessageKey, string>> = { en: reportEn, ja: reportJa };

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** A report translator: `tr('section.cost')`, `tr('cost.laborNote', { hours: 10, … })`. */
export type Translate = (key: ReportMessageKey, params?: Record<string, string | number>) => string;

/** Bind the report catalog to one language. */
export function reportTranslator(locale: Locale): Translate {
  const catalog = reportCatalogs[locale];
  return (key, params = {}) => fill(catalog[key] ?? reportEn[key], params);
}

/**
 * Look up a key that comes from data (a bridge step, a reason code, a message key stored in the
 * result): the report catalog first, then the shared catalog; an unknown key is shown as is.
 */
export function lookupMessage(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const own = (reportCatalogs[locale] as Record<string, string>)[key];
  if (own !== undefined) return fill(own, params);
  const shared = (catalogs[locale] as Record<string, string>)[key];
  if (shared !== undefined) return fill(shared, params);
  return key;
}

/** Whether a data-supplied key has a message in either catalog. */
export function hasMessage(locale: Locale, key: string): boolean {
  return key in reportCatalogs[locale] || key in catalogs[locale];
}
