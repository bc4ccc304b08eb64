/**
 * Issues raised by the models, with their text from the message catalogs (`pipeline.<code>` and
 * `pipeline.<code>.hint`), keeping key and parameters so that they can be shown in another language.
 */
import type { Issue, Severity } from '../issues.js';
import { t, type Locale, type MessageKey } from '../messages/index.js';

export function catalogIssue(
  locale: Locale,
  severity: Severity,
  code: string,
  params: Record<string, string | number> = {},
): Issue {
  const key = `pipeline.${code}` as MessageKey;
  const hintKey = `pipeline.${code}.hint` as MessageKey;
  const hint = t(locale, hintKey, params);
  return { code, severity, message: t(locale, key, params), ...(hint !== hintKey ? { hint } : {}), key, params };
}
