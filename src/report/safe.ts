/**
 * The two safety rules for text that comes from input files (post text, deal and account names,
 * channel labels, file names): escape it in HTML, and neutralise spreadsheet formulas in CSV and
 * XLSX cells (OWASP "CSV injection": a cell beginning with = + - @, tab or carriage return is
 * prefixed with a single quote so Excel shows it as text instead of evaluating it).
 */

const htmlEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Escape text for an HTML text node or a quoted attribute value. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`]/g, (c) => htmlEscapes[c] ?? c);
}

/**
 * A tagged template that escapes every interpolated value unless it is already `SafeHtml`
 * (arrays are joined). Renderers build all markup with it, so no input string can reach the page
 * unescaped.
 * @example html`<td>${post.text}</td>`
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += toHtml(v) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Markup that is already safe (built by `html` or by the chart functions). */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Mark trusted markup (our own SVG and CSS) as safe. Never call it on input text. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

function toHtml(v: unknown): string {
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(toHtml).join('');
  if (v === null || v === undefined || v === false) return '';
  return escapeHtml(v);
}

/** True when a spreadsheet would read the text as a formula or control sequence. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

/** Neutralise one text cell for CSV/XLSX: "=HYPERLINK(…)" → "'=HYPERLINK(…)". Numbers pass unchanged. */
export function neutraliseCell<T>(value: T): T | string {
  return typeof value === 'string' && looksLikeFormula(value) ? `'${value}` : value;
}
