/**
 * The report renderers (DESIGN §7): one result object in, HTML / PDF / CSV / XLSX out.
 *
 * @example
 * import { renderHtml, renderPdf, writeCsvTables, writeXlsx } from 'xroi/report';
 * const html = renderHtml(result, { lang: 'ja' });
 */
export { renderHtml, type HtmlOptions } from './render-html.js';
export { renderPdf, hasChromium, chromiumPath, CHROMIUM_ARGS, type PdfOptions } from './pdf.js';
export { writeCsvTables, tableToCsv, type CsvOptions } from './csv.js';
export { writeXlsx, buildWorkbook, type XlsxOptions } from './xlsx.js';
export { compile, normalize, renderCharts, assemble, type Compiled, type CompileOptions } from './compile.js';
export { specTables, SECTION_IDS, type ReportSpec, type Section, type SectionId, type Table } from './spec.js';
export { escapeHtml, neutraliseCell } from './safe.js';
