// Readonly: `readonly: true`, a true readonly expression, or any calculated field (its value is the calculation's).
import { truthy } from '../expr/values.ts';
import type { EngineState, InstanceState } from '../session/engine-state.ts';

export function evaluateReadonly(engine: EngineState, inst: InstanceState): boolean {
  const { def, rules } = inst.node;
  if (def.readonly === true || def.calculate !== undefined) return true;
  if (!rules.readonly) return false;
  return truthy(engine.evaluate(rules.readonly, inst, { self: engine.raw(inst.node, inst.indices) ?? null }));
}
