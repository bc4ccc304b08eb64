/**
 * Brand lift: actual vs the counterfactual with its band, the cumulative effect and its value.
 * The lift section type has not landed in the result yet; until it does, this section shows
 * what to import.
 */
import type { Section } from '../spec.js';
import { type BuildContext, missingSection } from './context.js';

export function liftSection(ctx: BuildContext): Section {
  return missingSection(ctx, 'lift', ['lift']);
}
