/** Ingest: files → canonical tables. Re-exports only. */
export {
  importFiles,
  importFile,
  validateFile,
  type ImportOptions,
  type ImportReport,
  type FileImportResult,
} from './import.js';
export { inspectFile, maskEmails, type InspectResult } from './inspect.js';
export { detectKind, isDetection, normalizeHeader, resolveMapping, type Detection, type Mapping } from './detect.js';
export { prepare, readRows, type Source, type ReadOptions, type Progress, type Sink } from './read.js';
export { KINDS, type Kind } from './kinds/types.js';
export { kindSpecs } from './kinds/registry.js';
export * as values from './values.js';
