/**
 * xroi's public API: re-exports only. The pipeline is ingest → store → model → report; start with
 * `analyze` (src/pipeline.ts).
 *
 * @example
 * import { Store, importFiles, analyze, parseConfig, renderHtml } from 'xroi';
 * const config = parseConfig({ currency: 'JPY' });
 * const store = await Store.open('.xroi/xroi.duckdb');
 * await importFiles(store, ['deals.csv', 'x-posts.csv'], config);
 * const result = await analyze(store, config);
 * const html = renderHtml(result, { lang: 'ja' });
 */
export { analyze, roiInputs, type AnalyzeOptions } from './pipeline.js';
export { RESULT_SCHEMA_VERSION, type AnalysisResult } from './model/result.js';
export * from './config/index.js';
export { Store, SCHEMA_VERSION } from './store/index.js';
export {
  importFiles,
  importFile,
  inspectFile,
  detectKind,
  type ImportReport,
  type FileImportResult,
} from './ingest/index.js';
export { XroiError, ConfigError, ImportError, ModelError, InternalError } from './errors.js';
export { formatIssue, type Issue, type IssuePath } from './issues.js';
export { computeRoi, type RoiInputs, type RoiSection } from './model/roi/index.js';
export { runModel, runAllModels, readPathsFile } from './model/attribution/index.js';
export { buildJourneys } from './model/journeys/index.js';
export { channelGrouper, groupChannel } from './model/channels/index.js';
export { fitShiftedBetaGeometric } from './model/ltv/index.js';
export { analyzeImpact } from './model/lift/index.js';
export { renderHtml, renderPdf, writeCsvTables, writeXlsx } from './report/index.js';
export { renderTerminal } from './report/terminal.js';
export { generateDemo } from './demo/index.js';
