// boolean: two large buttons はい / いいえ (a radio pair).
import { useTranslation } from 'react-i18next';
import type { FieldProps } from './types.ts';

export function BooleanField({ path, state, labelId, describedBy, invalid, disabled, onChange }: FieldProps) {
  const { t } = useTranslation();
  const options = [
    { value: true, label: t('fields.yes') },
    { value: false, label: t('fields.no') },
  ];
  return (
    <div className="choices choices-inline" role="radiogroup" aria-labelledby={labelId} aria-describedby={describedBy} aria-invalid={invalid}>
      {options.map((option) => {
        const checked = state.value === option.value;
        return (
          <label key={String(option.value)} className={`choice ${checked ? 'is-checked' : ''}`}>
            <input type="radio" name={path} checked={checked} disabled={disabled} onChange={() => onChange(option.value, { immediate: true })} />
            <span>{option.label}</span>
          </label>
        );
      })}
    </div>
  );
}
