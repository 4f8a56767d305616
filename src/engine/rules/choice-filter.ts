// Choice filters (cascading selects): keeps the choices for which `choiceFilter` is true, with `choice` bound.
import { truthy } from '../expr/values.ts';
import type { EngineState, InstanceState } from '../session/engine-state.ts';
import type { Choice } from '../types.ts';

export function filterChoices(engine: EngineState, inst: InstanceState): Choice[] | undefined {
  const { choices, rules } = inst.node;
  if (!choices || !rules.choiceFilter) return choices;
  const filter = rules.choiceFilter;
  return choices.filter((choice) => truthy(engine.evaluate(filter, inst, { choice })));
}
