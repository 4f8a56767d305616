// Relevance: a field is relevant when its parent is and its own `relevant` expression is true (absent: always).
import { truthy } from '../expr/values.ts';
import type { EngineState, InstanceState } from '../session/engine-state.ts';

export function evaluateRelevant(engine: EngineState, inst: InstanceState): boolean {
  const parent = inst.node.parent;
  if (parent && !engine.instance(parent, inst.indices.slice(0, parent.repeatChain.length)).relevant) return false;
  const rule = inst.node.rules.relevant;
  return rule ? truthy(engine.evaluate(rule, inst)) : true;
}
