/**
 * Building located Issues for ingest: message and hint come from the catalogs (`ingest.<code>`),
 * warnings are aggregated per code and column (first location + count).
 */
import type { Issue, IssuePath } from '../issues.js';
import { t, type Locale, type MessageKey } from '../messages/index.js';

const EMAIL_IN_TEXT = /[^\s@;,<>"']+@+[^\s;,<>"']+/g;

/** `taro@example.co.jp` → `t***@example.co.jp` (also inside longer text, and for broken addresses). */
export function maskEmails(s: string): string {
  return s.replace(EMAIL_IN_TEXT, (m) => `${m[0]}***@${m.slice(m.lastIndexOf('@') + 1)}`);
}

export type Params = Record<string, string | number>;

export function makeIssue(
  locale: Locale,
  severity: 'error' | 'warning',
  code: string,
  path: IssuePath,
  value: string | undefined,
  params: Params = {},
): Issue {
  // issue values end up on screens and in reports: never show an e-mail address in full
  const shown = value === undefined ? '' : maskEmails(value);
  const all = { value: shown, ...params };
  const key = `ingest.${code}` as MessageKey;
  const hintKey = `ingest.${code}.hint` as MessageKey;
  const issue: Issue = {
    code,
    severity,
    path,
    value: shown,
    message: t(locale, key, all),
    key,
    params: all,
  };
  const hint = t(locale, hintKey, all);
  if (hint !== hintKey) issue.hint = hint;
  return issue;
}

/** Collects errors (up to a limit) and aggregated warnings. */
export class IssueCollector {
  readonly errors: Issue[] = [];
  private readonly warnings = new Map<string, Issue>();
  constructor(
    readonly locale: Locale,
    readonly maxErrors = 100,
  ) {}
  get full(): boolean {
    return this.errors.length >= this.maxErrors;
  }
  error(code: string, path: IssuePath, value: string | undefined, params?: Params): void {
    if (this.errors.length < this.maxErrors)
      this.errors.push(makeIssue(this.locale, 'error', code, path, value, params));
  }
  warn(code: string, path: IssuePath, value: string | undefined, params?: Params): void {
    const key = `${code}|${path.columnName ?? ''}`;
    const seen = this.warnings.get(key);
    if (seen) seen.count = (seen.count ?? 1) + 1;
    else this.warnings.set(key, { ...makeIssue(this.locale, 'warning', code, path, value, params), count: 1 });
  }
  warningList(): Issue[] {
    return [...this.warnings.values()];
  }
  warningRows(): number {
    let n = 0;
    for (const w of this.warnings.values()) n += w.count ?? 1;
    return n;
  }
}
