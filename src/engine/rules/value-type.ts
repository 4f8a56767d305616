// Type check: a non-empty answer must have its field type's shape (see values/validate-value.ts).
import { answerError } from '../errors.ts';
import type { InstanceState } from '../session/engine-state.ts';
import { validateValue } from '../values/validate-value.ts';
import type { FieldError } from '../types.ts';

export function checkValueType(inst: InstanceState, value: unknown): FieldError | null {
  const problem = validateValue(inst.node.def, value);
  return problem ? answerError(problem.code, inst.path) : null;
}
