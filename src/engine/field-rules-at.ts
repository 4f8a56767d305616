// What the engine says of one field given the other answers — readonly and the choices its filter offers — computing
// only what those two rules read, for a writer that checks single values (the sync server) without a whole session.
import { requireCompiled } from './definition/compile.ts';
import type { FieldNode } from './definition/model.ts';
import { filterChoices } from './rules/choice-filter.ts';
import { evaluateReadonly } from './rules/readonly.ts';
import { runValuePhase } from './session/cascade.ts';
import { EngineState } from './session/engine-state.ts';
import { normalizeAnswers } from './session/normalize.ts';
import { instancesOf, parsePath } from './session/paths.ts';
import type { Answers, Choice, FieldPath, FormDefinition } from './types.ts';

/** Per field: the fields its readonly and choiceFilter rules read, and what their values depend on, in evaluation order. */
const plans = new WeakMap<FieldNode, FieldNode[]>();

function planOf(ordered: readonly FieldNode[], node: FieldNode): FieldNode[] {
  let plan = plans.get(node);
  if (plan) return plan;
  const needed = new Set<FieldNode>();
  const visit = (n: FieldNode): void => {
    if (needed.has(n)) return;
    needed.add(n);
    for (const dep of n.valueDeps) visit(dep);
  };
  for (const rule of [node.rules.readonly, node.rules.choiceFilter]) for (const target of rule?.targets ?? []) visit(target);
  plan = ordered.filter((n) => needed.has(n));
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
  for (const node of planOf(compiled.ordered, target.node)) {
    for (const indices of instancesOf(engine.answers, node)) runValuePhase(engine, engine.instance(node, indices));
  }
  const inst = engine.instance(target.node, target.indices);
  const choices = filterChoices(engine, inst);
  return choices ? { readonly: evaluateReadonly(engine, inst), choices } : { readonly: evaluateReadonly(engine, inst) };
}
