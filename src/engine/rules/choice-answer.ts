// Select answers: every value among the (filtered) choices, no duplicates, exclusive choices alone, reasons given.
import { answerError } from '../errors.ts';
import { isEmpty } from '../expr/values.ts';
import type { EngineState, InstanceState } from '../session/engine-state.ts';
import type { FieldError } from '../types.ts';
import { pickChoices } from '../values/choice-value.ts';

export function checkChoiceAnswer(engine: EngineState, inst: InstanceState, value: unknown): FieldError | null {
  const available = inst.choices;
  if (!available) return null;
  const picks = pickChoices(available, value);
  if (!picks.ok) return answerError(picks.code, inst.path);
  const reasonNode = inst.node.reasonNode;
  if (reasonNode && picks.picked.some((c) => c.requiresReason)) {
    const reason = engine.refValue(inst, reasonNode);
    if (isEmpty(reason) || (typeof reason === 'string' && reason.trim() === '')) return answerError('E_REASON_REQUIRED', inst.path);
  }
  return null;
}
