// Every form's named scoring functions, by form id (the engine stays generic; clients pass these to evaluate()).
import type { ScoringFunction } from '../src/engine/index.ts';
import { fieldCheckFunctions } from './field-check/scoring.ts';

export const scoringFunctions: Record<string, Record<string, ScoringFunction>> = {
  'field-check': fieldCheckFunctions,
};

/** The functions of one form ({} for a form without named functions). */
export function functionsFor(formId: string): Record<string, ScoringFunction> {
  return Object.hasOwn(scoringFunctions, formId) ? scoringFunctions[formId]! : {};
}
