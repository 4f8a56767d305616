// Required: only relevant fields can be required; `required` is a boolean or an expression.
import { answerError } from '../errors.ts';
import { truthy } from '../expr/values.ts';
import type { EngineState, InstanceState } from '../session/engine-state.ts';
import type { FieldError } from '../types.ts';

export function evaluateRequired(engine: EngineState, inst: InstanceState): boolean {
  if (!inst.relevant) return false;
  const { def, rules } = inst.node;
  if (rules.required) return truthy(engine.evaluate(rules.required, inst, { self: engine.raw(inst.node, inst.indices) ?? null }));
  return def.required === true;
}

export function requiredError(inst: InstanceState): FieldError {
  return answerError('E_REQUIRED', inst.path, inst.node.def.requiredMessage);
}
