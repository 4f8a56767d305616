// Edits a value for a conflict's field by its type: text, number, date/time, one or several choices, yes/no; anything else as JSON.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldDefinition, FormDefinition } from '../../../engine/types.ts';
import { localize } from '../../localize.ts';
import { useLanguage } from '../../state/appStore.ts';
import { choicesOf } from '../shared/formatAnswer.ts';

interface Props {
  form: FormDefinition | null;
  field: FieldDefinition | null;
  value: unknown;
  /** `valid: false` while the typed text is not a value of the field's type (the resolve button waits). */
  onChange: (value: unknown, valid: boolean) => void;
  testId: string;
}

function JsonEditor({ value, onChange, testId }: Pick<Props, 'value' | 'onChange' | 'testId'>) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => JSON.stringify(value ?? null, null, 2));
  const [invalid, setInvalid] = useState(false);
  return (
    <label className="office-field office-wide">
      <span className="hint">{t('office.conflicts.jsonHint')}</span>
      <textarea
        className="input mono"
        rows={4}
        value={text}
        aria-invalid={invalid}
        data-testid={testId}
        onChange={(e) => {
          setText(e.target.value);
          try {
            onChange(JSON.parse(e.target.value) as unknown, true);
            setInvalid(false);
          } catch {
            onChange(undefined, false);
            setInvalid(true);
          }
        }}
      />
    </label>
  );
}

export function ValueEditor({ form, field, value, onChange, testId }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [numberText, setNumberText] = useState(typeof value === 'number' ? String(value) : '');
  useEffect(() => {
    if (typeof value === 'number') setNumberText(String(value));
  }, [value]);

  switch (field?.type) {
    case 'text':
    case 'ocr_text':
      return <textarea className="input" rows={3} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value, true)} data-testid={testId} />;
    case 'integer':
    case 'decimal':
      return (
        <input
          className="input input-number"
          inputMode="decimal"
          value={numberText}
          data-testid={testId}
          onChange={(e) => {
            setNumberText(e.target.value);
            const parsed = Number(e.target.value);
            const valid = e.target.value.trim() !== '' && Number.isFinite(parsed) && (field.type === 'decimal' || Number.isInteger(parsed));
            onChange(valid ? parsed : undefined, valid);
          }}
        />
      );
    case 'date':
    case 'time':
      return <input className="input input-date" type={field.type} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value, e.target.value !== '')} data-testid={testId} />;
    case 'select_one':
      return (
        <select className="input" value={value === undefined || value === null ? '' : String(value)} data-testid={testId} onChange={(e) => {
          const choice = choicesOf(form, field).find((c) => String(c.value) === e.target.value);
          onChange(choice?.value, choice !== undefined);
        }}>
          <option value="">{t('fields.selectPlaceholder')}</option>
          {choicesOf(form, field).map((choice) => (
            <option key={String(choice.value)} value={String(choice.value)}>
              {localize(choice.label, language)}
            </option>
          ))}
        </select>
      );
    case 'select_multiple': {
      const selected = Array.isArray(value) ? value : [];
      return (
        <div className="choices" data-testid={testId}>
          {choicesOf(form, field).map((choice) => {
            const checked = selected.includes(choice.value);
            return (
              <label key={String(choice.value)} className={`choice ${checked ? 'is-checked' : ''}`}>
                <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked ? [...selected, choice.value] : selected.filter((v) => v !== choice.value), true)} />
                {localize(choice.label, language)}
              </label>
            );
          })}
        </div>
      );
    }
    case 'boolean':
      return (
        <div className="choices choices-inline" role="radiogroup" data-testid={testId}>
          {[true, false].map((option) => (
            <label key={String(option)} className={`choice ${value === option ? 'is-checked' : ''}`}>
              <input type="radio" checked={value === option} onChange={() => onChange(option, true)} />
              {field.choices ? localize(field.choices.find((c) => c.value === String(option))?.label, language) : option ? t('fields.yes') : t('fields.no')}
            </label>
          ))}
        </div>
      );
    default:
      return <JsonEditor value={value} onChange={onChange} testId={testId} />;
  }
}
