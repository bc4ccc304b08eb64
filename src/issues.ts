/**
 * Data problems as data (like Zod issues): collected while parsing, formatted later by the CLI,
 * the server or the report. A location always names the file and, where known, line and column.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface IssuePath {
  file: string;
  /** 1-based physical line in the file (the header is usually line 1). */
  line?: number;
  /** 1-based column number. */
  column?: number;
  /** Column name from the header, when known. */
  columnName?: string;
}

export interface Issue {
  code: string;
  severity: Severity;
  path?: IssuePath;
  /** The offending value, as read (truncated to 80 characters when formatted). */
  value?: string;
  message: string;
  /** What the user can do about it. */
  hint?: string;
  /** For warnings aggregated over many rows: how many rows. */
  count?: number;
  /** Message-catalog key and parameters, so a stored issue can be shown again in another language. */
  key?: string;
  params?: Record<string, string | number>;
}

export function formatLocation(p: IssuePath | undefined): string {
  if (!p) return '';
  let s = p.file;
  if (p.line !== undefined) s += `:${p.line}`;
  if (p.column !== undefined) s += `:${p.column}`;
  if (p.columnName) s += ` (column "${p.columnName}")`;
  return s;
}

export function truncate(value: string, max = 80): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

/** One issue as one or two lines of plain text. */
export function formatIssue(issue: Issue): string {
  const loc = formatLocation(issue.path);
  const val = issue.value !== undefined ? ` [value: ${JSON.stringify(truncate(issue.value))}]` : '';
  const count = issue.count && issue.count > 1 ? ` (${issue.count} rows)` : '';
  const head = `${issue.severity}${loc ? ` ${loc}` : ''}: ${issue.message}${val}${count}`;
  return issue.hint ? `${head}\n  hint: ${issue.hint}` : head;
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
