/** The HTML report as a string (compile's three phases). */
import type { Locale } from '../messages/index.js';
import type { AnalysisResult } from '../model/result.js';
import { compile } from './compile.js';

export interface HtmlOptions {
  /** Report language. @default the result's meta.locale, else 'ja' */
  lang?: Locale;
}

/**
 * One self-contained HTML file (inline CSS and SVG, no script, no network request).
 * @example writeFileSync('report.html', renderHtml(result, { lang: 'en' }))
 */
export function renderHtml(result: AnalysisResult, options: HtmlOptions = {}): string {
  return compile(result, options).html;
}
