// The evaluation order, declared in ONE place: value phase (relevant → calculate), then check phase
// (readonly → choice filter → required → container/type → choice answer → constraints).
import { applyCalculate } from '../rules/calculate.ts';
import { checkChoiceAnswer } from '../rules/choice-answer.ts';
import { filterChoices } from '../rules/choice-filter.ts';
import { checkConstraints } from '../rules/constraint.ts';
import { evaluateReadonly } from '../rules/readonly.ts';
import { evaluateRelevant } from '../rules/relevant.ts';
import { checkContainer } from '../rules/repeat.ts';
import { evaluateRequired, requiredError } from '../rules/required.ts';
import { checkValueType } from '../rules/value-type.ts';
import { isEmpty } from '../expr/values.ts';
import type { EngineState, InstanceState } from './engine-state.ts';
import type { FieldError } from '../types.ts';

/** Value phase for one instance; true when what expressions see of it (relevance or value) changed. */
export function runValuePhase(engine: EngineState, inst: InstanceState): boolean {
  const wasRelevant = inst.relevant;
  inst.relevant = evaluateRelevant(engine, inst);
  const calculated = applyCalculate(engine, inst);
  return calculated || wasRelevant !== inst.relevant;
}

/** Check phase for one instance: runs once every value it may read has settled. */
export function runCheckPhase(engine: EngineState, inst: InstanceState): void {
  inst.readonly = evaluateReadonly(engine, inst);
  inst.choices = filterChoices(engine, inst);
  inst.required = evaluateRequired(engine, inst);
  inst.errors = inst.relevant ? fieldErrors(engine, inst) : [];
}

/** At most one error per field: the first rule in this order that fails. */
function fieldErrors(engine: EngineState, inst: InstanceState): FieldError[] {
  const type = inst.node.def.type;
  if (type === 'note') return [];
  if (type === 'group' || type === 'repeat') {
    const error = checkContainer(engine, inst);
    return error ? [error] : [];
  }
  const value = engine.raw(inst.node, inst.indices);
  if (isEmpty(value)) return inst.required ? [requiredError(inst)] : [];
  const error = checkValueType(inst, value) ?? checkChoiceAnswer(engine, inst, value) ?? checkConstraints(engine, inst, value);
  return error ? [error] : [];
}
