// Select answers: every value among the (filtered) choices, no duplicates, exclusive choices alone, reasons given.
import { answerError } from '../errors.ts';
import { isEmpty } from '../expr/values.ts';
import type { EngineState, InstanceState } from '../session/engine-state.ts';
import type { Choice, FieldError } from '../types.ts';

export function checkChoiceAnswer(engine: EngineState, inst: InstanceState, value: unknown): FieldError | null {
  const available = inst.choices;
  if (!available) return null;
  const selected = Array.isArray(value) ? value : [value];
  const picked: Choice[] = [];
  for (const v of selected) {
    const choice = available.find((c) => c.value === v);
    if (!choice) return answerError('E_CHOICE', inst.path);
    if (picked.includes(choice)) return answerError('E_DUPLICATE_CHOICE', inst.path);
    picked.push(choice);
  }
  if (picked.length > 1 && picked.some((c) => c.exclusive)) return answerError('E_EXCLUSIVE', inst.path);
  const reasonNode = inst.node.reasonNode;
  if (reasonNode && picked.some((c) => c.requiresReason)) {
    const reason = engine.refValue(inst, reasonNode);
    if (isEmpty(reason) || (typeof reason === 'string' && reason.trim() === '')) return answerError('E_REASON_REQUIRED', inst.path);
  }
  return null;
}
