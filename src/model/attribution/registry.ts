/**
 * Attribution models by lookup name (CONVENTIONS "Registry by lookup name"). Config and the CLI
 * refer to models by these names; an unknown name's error lists the valid ones. A custom model is an
 * object with `name`, `kind`, `requires` and `run`, added with `registerModel`.
 */
import { ModelError } from '../../errors.js';
import { customMilestone } from './custom-milestone.js';
import { expectedValueModel } from './expected-value.js';
import { firstTouch } from './first-touch.js';
import { fullPath } from './full-path.js';
import { lastNonDirect } from './last-non-direct.js';
import { lastTouch } from './last-touch.js';
import { linear } from './linear.js';
import { markov } from './markov.js';
import { inverseJ, jShaped, positionBased } from './position-based.js';
import { shapleyCr } from './shapley-cr.js';
import { shapleyOrdered } from './shapley-ordered.js';
import { shapley } from './shapley.js';
import { timeDecay } from './time-decay.js';
import type { AttributionModel } from './types.js';
import { wShaped } from './w-shaped.js';

const models = new Map<string, AttributionModel>();

/** Add (or replace) a model under its name. */
export function registerModel(model: AttributionModel): void {
  models.set(model.name, model);
}

/** The model registered under `name`; throws a ModelError listing the valid names otherwise. */
export function getModel(name: string): AttributionModel {
  const m = models.get(name);
  if (!m) {
    throw new ModelError(
      'attribution_unknown_model',
      `unknown attribution model "${name}"; valid models: ${modelNames().join(', ')}`,
      `use one of: ${modelNames().join(', ')}`,
    );
  }
  return m;
}

/** Registered names, in registration order (single touch, rule-based, data-driven, expected value). */
export function modelNames(): string[] {
  return [...models.keys()];
}

/** The models of "all models" (side by side in the report and the CLI): every model not opt-in. */
export function defaultModelNames(): string[] {
  return [...models.values()].filter((m) => !m.optIn).map((m) => m.name);
}

for (const m of [
  firstTouch,
  lastTouch,
  lastNonDirect,
  linear,
  timeDecay,
  positionBased,
  jShaped,
  inverseJ,
  wShaped,
  fullPath,
  customMilestone,
  markov,
  shapley,
  shapleyOrdered,
  shapleyCr,
  expectedValueModel(getModel),
]) {
  registerModel(m);
}
