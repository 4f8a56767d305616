// The calculated answers alone: runs the value phase (relevance, calculation) only for the calculated fields and what
// they read, for writers that store calculations (the sync server) without paying for a whole form evaluation.
import { requireCompiled } from './definition/compile.ts';
import type { CompiledForm, FieldNode } from './definition/model.ts';
import { EngineState } from './session/engine-state.ts';
import { normalizeAnswers } from './session/normalize.ts';
import { runValuePhaseOver, valueClosure } from './session/value-closure.ts';
import { formatPath, instancesOf, readRaw } from './session/paths.ts';
import type { Answers, FieldPath, FormDefinition } from './types.ts';

interface CalculationPlan {
  /** The calculated fields and every field their relevance or calculation reads, transitively, in evaluation order. */
  steps: FieldNode[];
  calculated: FieldNode[];
  /** Template paths ("rep.c") of the steps, and of every container around one: a write there may change a calculation. */
  inputs: Set<string>;
}

const plans = new WeakMap<CompiledForm, CalculationPlan>();

function planOf(compiled: CompiledForm): CalculationPlan {
  let plan = plans.get(compiled);
  if (plan) return plan;
  const calculated = compiled.nodes.filter((node) => node.def.calculate !== undefined);
  const steps = valueClosure(compiled.ordered, calculated);
  const inputs = new Set<string>();
  for (const node of steps) for (const part of node.lineage) inputs.add(part.templatePath);
  plan = { steps, calculated, inputs };
  plans.set(compiled, plan);
  return plan;
}

/** True when the form has at least one calculated field (a definition that does not compile has none usable). */
export function formCalculates(form: FormDefinition): boolean {
  try {
    return planOf(requireCompiled(form)).calculated.length > 0;
  } catch {
    return false;
  }
}

/**
 * Whether a write at `path` ("rep[2].c", or a record operation) can change a calculated answer: a '@create', a write
 * to a field a calculation reads (or its relevance does), to a container holding one, or inside one of them.
 */
export function writeFeedsCalculation(form: FormDefinition, path: string): boolean {
  if (!formCalculates(form)) return false;
  if (path.startsWith('@')) return path === '@create';
  const { inputs } = planOf(requireCompiled(form));
  const template = path.replace(/\[\d+\]/g, '');
  if (inputs.has(template)) return true;
  for (let dot = template.indexOf('.'); dot !== -1; dot = template.indexOf('.', dot + 1)) {
    if (inputs.has(template.slice(0, dot))) return true;
  }
  return false;
}

/**
 * Every calculated field's value at every place it stands (one per repeat entry), as a full evaluation would give it
 * (a non-relevant one keeps its stored value). Throws EngineError E_FORM_INVALID for a definition that does not compile.
 */
export function calculateAnswers(form: FormDefinition, answers: Answers, options: { now: Date; utcOffsetMinutes?: number }): { path: FieldPath; value: unknown }[] {
  const compiled = requireCompiled(form);
  const plan = planOf(compiled);
  if (plan.calculated.length === 0) return [];
  const { now } = options;
  const engine = new EngineState(compiled, normalizeAnswers(compiled, answers).answers, { now, utcOffsetMinutes: options.utcOffsetMinutes ?? -now.getTimezoneOffset() });
  runValuePhaseOver(engine, plan.steps);
  const out: { path: FieldPath; value: unknown }[] = [];
  for (const node of plan.calculated) {
    for (const indices of instancesOf(engine.answers, node)) out.push({ path: formatPath(node, indices), value: readRaw(engine.answers, node, indices) ?? null });
  }
  return out;
}
