// Constraints: each must be true for a non-empty value (`.` is the value); the first one that fails is reported.
import { truthy } from '../expr/values.ts';
import type { EngineState, InstanceState } from '../session/engine-state.ts';
import type { FieldError } from '../types.ts';

export function checkConstraints(engine: EngineState, inst: InstanceState, value: unknown): FieldError | null {
  for (const { rule, constraint } of inst.node.rules.constraints) {
    if (!truthy(engine.evaluate(rule, inst, { self: value }))) return { path: inst.path, code: constraint.code, message: constraint.message };
  }
  return null;
}
