// select_multiple: large checkbox rows; an exclusive choice (e.g. 「ない」) clears the others and vice versa.
import { localize } from '../localize.ts';
import { numberedLabel, useChoiceNumbers } from './choiceNumbers.ts';
import { toggleMultiChoice } from './multiChoice.ts';
import type { FieldProps } from './types.ts';

export function SelectMultipleField({ state, labelId, describedBy, invalid, disabled, language, onChange }: FieldProps) {
  const choices = state.choices ?? state.field.choices ?? [];
  const numbers = useChoiceNumbers(state.field);
  const selected = Array.isArray(state.value) ? (state.value as unknown[]) : [];
  return (
    <div className="choices" role="group" aria-labelledby={labelId} aria-describedby={describedBy} aria-invalid={invalid}>
      {choices.map((choice) => {
        const checked = selected.includes(choice.value);
        return (
          <label key={String(choice.value)} className={`choice ${checked ? 'is-checked' : ''} ${choice.exclusive ? 'is-exclusive' : ''}`}>
            <input
              type="checkbox"
              checked={checked}
              disabled={disabled}
              onChange={() => {
                const next = toggleMultiChoice(state.value, choice.value, choices);
                onChange(next.length === 0 ? null : next, { immediate: true });
              }}
              data-testid={`choice-${String(choice.value)}`}
            />
            <span>{numberedLabel(localize(choice.label, language), numbers?.get(choice.value))}</span>
          </label>
        );
      })}
    </div>
  );
}
