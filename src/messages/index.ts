import { en, type MessageKey } from './en.js';
import { ja } from './ja.js';

export type Locale = 'ja' | 'en';
export type { MessageKey };
export const catalogs: Record<Locale, Record<MessageKey, string>> = { en, ja };

/** Look up a message and fill its {placeholders}. Unknown keys are a programmer error. */
export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogs[locale][key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** A translator bound to one locale. */
export function translator(locale: Locale): (key: MessageKey, params?: Record<string, string | number>) => string {
  return (key, params) => t(locale, key, params);
}
