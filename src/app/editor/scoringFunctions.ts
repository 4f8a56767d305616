// The named scoring functions a form may reference (forms/registry.ts), looked up by form id.
import type { ScoringFunction } from '../../engine/types.ts';
import { functionsFor } from '../../../forms/registry.ts';

export function scoringFunctions(formId: string): Record<string, ScoringFunction> {
  return functionsFor(formId);
}
