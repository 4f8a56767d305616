// A select answer against a choice list: every value a listed choice, none twice, an exclusive choice alone (shared by the engine and the sync server).
import type { Choice, FieldDefinition, FormDefinition } from '../types.ts';

export type ChoiceProblemCode = 'E_CHOICE' | 'E_DUPLICATE_CHOICE' | 'E_EXCLUSIVE';

/** The choices a select field offers before any filter: inline, or its named list (undefined for other fields). */
export function choicesOf(form: FormDefinition, field: FieldDefinition): Choice[] | undefined {
  if (field.choices) return field.choices;
  if (field.choiceList) return form.choiceLists?.[field.choiceList] ?? [];
  return undefined;
}

/**
 * The number the official form prints before each choice of a `numbered` select: its 1-based place in the full list
 * (before any filter, so a filtered list keeps the paper's numbers). Null for a field that is not numbered.
 */
export function choiceNumbers(form: FormDefinition, field: FieldDefinition): Map<Choice['value'], number> | null {
  if (field.numbered !== true) return null;
  return new Map((choicesOf(form, field) ?? []).map((choice, i) => [choice.value, i + 1]));
}

/**
 * The choices a select answer picks, or the first rule it breaks. Values compare strictly ('1' is not 1), as the
 * tablet stores the choice's own value. `value` is one value (select_one) or a list (select_multiple).
 */
export function pickChoices(available: readonly Choice[], value: unknown): { ok: true; picked: Choice[] } | { ok: false; code: ChoiceProblemCode; value: unknown } {
  const selected = Array.isArray(value) ? value : [value];
  const picked: Choice[] = [];
  for (const v of selected) {
    const choice = available.find((c) => c.value === v);
    if (!choice) return { ok: false, code: 'E_CHOICE', value: v };
    if (picked.includes(choice)) return { ok: false, code: 'E_DUPLICATE_CHOICE', value: v };
    picked.push(choice);
  }
  if (picked.length > 1) {
    const exclusive = picked.find((c) => c.exclusive);
    if (exclusive) return { ok: false, code: 'E_EXCLUSIVE', value: exclusive.value };
  }
  return { ok: true, picked };
}
