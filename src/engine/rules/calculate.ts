// Calculation: a relevant field with `calculate` gets the expression's value (fitted to its type) as its answer.
import { toNumber, toText, type Value } from '../expr/values.ts';
import type { EngineState, InstanceState } from '../session/engine-state.ts';
import { writeRaw } from '../session/paths.ts';
import type { FieldType } from '../types.ts';

/** Returns true when the stored answer changed. */
export function applyCalculate(engine: EngineState, inst: InstanceState): boolean {
  const rule = inst.node.rules.calculate;
  if (!rule || !inst.relevant) return false;
  const next = fitToType(inst.node.def.type, engine.evaluate(rule, inst));
  const previous = engine.raw(inst.node, inst.indices) ?? null;
  if (sameValue(previous, next)) return false;
  return writeRaw(engine.answers, inst.node, inst.indices, next);
}

/** Numbers for number fields, text for text fields; anything else is kept and later reported by the type check. */
export function fitToType(type: FieldType, value: Value): Value {
  if (value === null || value === undefined) return null;
  if (type === 'integer' || type === 'decimal') return toNumber(value) ?? value;
  if (type === 'text' || type === 'ocr_text') return toText(value) ?? value;
  return value;
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
  return false;
}
