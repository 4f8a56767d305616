// What the engine says of one field given the other answers — readonly and the choices its filter offers — computing
// only what those two rules read, for a writer that checks single values (the sync server) without a whole session.
import { requireCompiled } from './definition/compile.ts';
import type { FieldNode } from './definition/model.ts';
import { filterChoices } from './rules/choice-filter.ts';
import { evaluateReadonly } from './rules/readonly.ts';
import { EngineState } from './session/engine-state.ts';
import { normalizeAnswers } from './session/normalize.ts';
import { parsePath } from './session/paths.ts';
import { runValuePhaseOver, valueClosure } from './session/value-closure.ts';
import type { Answers, Choice, FieldPath, FormDefinition } from './types.ts';

/** Per field: the fields its readonly and choiceFilter rules read, and what their values depend on, in evaluation order. */
const plans = new WeakMap<FieldNode, FieldNode[]>();

function planOf(ordered: readonly FieldNode[], node: FieldNode): FieldNode[] {
  let plan = plans.get(node);
  if (plan) return plan;
  plan = valueClosure(ordered, [node.rules.readonly, node.rules.choiceFilter].flatMap((rule) => rule?.targets ?? []));
  plans.set(node, plan);
  return plan;
}

export interface FieldRules {
  readonly: boolean;
  /** The choices offered after the field's choiceFilter (select fields only). */
  choices?: Choice[];
}

/**
 * The readonly state and offered choices of the field at `path` for `answers`, as a FormSession would report them;
 * null for a path the form does not have. Throws EngineError E_FORM_INVALID for a definition that does not compile.
 */
export function fieldRulesAt(form: FormDefinition, answers: Answers, path: FieldPath, options: { now: Date; utcOffsetMinutes?: number }): FieldRules | null {
  const compiled = requireCompiled(form);
  const target = parsePath(compiled, path);
  if (!target) return null;
  const { now } = options;
  const engine = new EngineState(compiled, normalizeAnswers(compiled, answers).answers, { now, utcOffsetMinutes: options.utcOffsetMinutes ?? -now.getTimezoneOffset() });
  runValuePhaseOver(engine, planOf(compiled.ordered, target.node));
  const inst = engine.instance(target.node, target.indices);
  const choices = filterChoices(engine, inst);
  return choices ? { readonly: evaluateReadonly(engine, inst), choices } : { readonly: evaluateReadonly(engine, inst) };
}
