/** Minimal CSV writing (RFC 4180 quoting) for the demo files. */

export interface CsvStyle {
  /** quote every cell, as HubSpot exports do */
  quoteAll?: boolean;
  eol?: '\n' | '\r\n';
}

export function csvCell(value: string | number, quoteAll = false): string {
  const s = typeof value === 'number' ? formatNumber(value) : value;
  if (quoteAll || /[",\r\n]/.test(s)) return `"${s.replaceAll('"', '""')}"`;
  return s;
}

/** An integer with comma thousands separators (no locale data needed): 1234567 → "1,234,567". */
export function thousands(n: number): string {
  const s = String(Math.abs(Math.round(n)));
  return `${n < 0 ? '-' : ''}${s.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}

/** Numbers without exponent notation; integers stay integers. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`cannot write ${n} into a CSV`);
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6);
}

export function csvText(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  style: CsvStyle = {},
): string {
  const eol = style.eol ?? '\n';
  const line = (cells: readonly (string | number)[]) => cells.map((c) => csvCell(c, style.quoteAll)).join(',');
  return [line(header), ...rows.map(line)].join(eol) + eol;
}
