/**
 * What a pipeline stage receives. Each model folder exports a stage function
 * `xxxStage(ctx: StageContext, ...earlier sections) => Promise<XxxSection>` that reads the store
 * with SQL and calls its pure model functions; the pipeline (src/pipeline.ts) calls the stages in
 * order. Stages push data-quality notes to `ctx.issues` and never throw for missing data: a section
 * whose data are missing says so (and what to import) instead.
 */
import type { Config } from '../config/index.js';
import type { Issue } from '../issues.js';
import type { Store } from '../store/index.js';
import type { Period } from './types.js';

export interface StageContext {
  store: Store;
  config: Config;
  period: Period;
  issues: Issue[];
  /** Sections that could not be computed and what to import to fill them. */
  missing: { section: string; need: string; key?: string }[];
  /** Progress callback for long stages (the CLI draws it on a TTY). */
  progress?: (message: string) => void;
}
