// select_multiple toggling: an exclusive choice (e.g. 「ない」) clears the others, and picking another clears the exclusive one.
import type { Choice } from '../../engine/types.ts';

type ChoiceValue = Choice['value'];

export function toggleMultiChoice(current: unknown, value: ChoiceValue, choices: Choice[]): ChoiceValue[] {
  const selected: ChoiceValue[] = Array.isArray(current) ? (current as ChoiceValue[]) : [];
  if (selected.includes(value)) return selected.filter((v) => v !== value);
  const picked = choices.find((c) => c.value === value);
  if (picked?.exclusive) return [value];
  const exclusive = new Set(choices.filter((c) => c.exclusive).map((c) => c.value));
  return [...selected.filter((v) => !exclusive.has(v)), value];
}

/** The choices whose selection asks for a reason, given the field's current value. */
export function selectedNeedsReason(value: unknown, choices: Choice[]): boolean {
  const selected = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  return choices.some((c) => c.requiresReason && selected.includes(c.value));
}
