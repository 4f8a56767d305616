// select_one: large radio rows (a drop-down when the list is long); the choices are already filtered by the engine (cascading).
import { useTranslation } from 'react-i18next';
import { localize } from '../localize.ts';
import { numberedLabel, useChoiceNumbers } from './choiceNumbers.ts';
import type { FieldProps } from './types.ts';

const DROPDOWN_OVER = 12;

export function SelectOneField({ path, state, inputId, labelId, describedBy, invalid, disabled, language, onChange }: FieldProps) {
  const { t } = useTranslation();
  const choices = state.choices ?? state.field.choices ?? [];
  const numbers = useChoiceNumbers(state.field);
  if (choices.length > DROPDOWN_OVER) {
    const index = choices.findIndex((c) => c.value === state.value);
    return (
      <select
        id={inputId}
        className="input"
        aria-labelledby={labelId}
        value={index < 0 ? '' : String(index)}
        disabled={disabled}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value === '' ? null : (choices[Number(e.target.value)]?.value ?? null), { immediate: true })}
      >
        <option value="">{t('fields.selectPlaceholder')}</option>
        {choices.map((choice, i) => (
          <option key={String(choice.value)} value={String(i)}>
            {numberedLabel(localize(choice.label, language), numbers?.get(choice.value))}
          </option>
        ))}
      </select>
    );
  }
  return (
    <div className="choices" role="radiogroup" aria-labelledby={labelId} aria-describedby={describedBy} aria-invalid={invalid}>
      {choices.map((choice) => {
        const checked = state.value === choice.value;
        return (
          <label key={String(choice.value)} className={`choice ${checked ? 'is-checked' : ''}`}>
            <input
              type="radio"
              name={path}
              checked={checked}
              disabled={disabled}
              onChange={() => onChange(choice.value, { immediate: true })}
              data-testid={`choice-${String(choice.value)}`}
            />
            <span>{numberedLabel(localize(choice.label, language), numbers?.get(choice.value))}</span>
          </label>
        );
      })}
    </div>
  );
}
