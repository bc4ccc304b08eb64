import { en, type MessageKey } from './en.js';
import { ja } from './ja.js';

export type Locale = 'ja' | 'en';
export type { MessageKey };
export const catalogs: Record<Locale, Record<MessageKey, string>> = { en, ja };

/**
 * Look up a message and fill its {placeholders}. A key missing from both catalogs comes back as
 * the key itself (callers use that to test for optional keys such as hints).
 */
export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogs[locale][key] ?? en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** A translator bound to one locale. */
export function translator(locale: Locale): (key: MessageKey, params?: Record<string, string | number>) => string {
  return (key, params) => t(locale, key, params);
}
