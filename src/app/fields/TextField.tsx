// text: a single-line or multi-line text box; keystrokes are saved after a short pause and on leaving the field.
import type { FieldProps } from './types.ts';

export function TextField({ state, inputId, describedBy, invalid, disabled, onChange, onBlur }: FieldProps) {
  const value = typeof state.value === 'string' ? state.value : '';
  const common = {
    id: inputId,
    className: 'input',
    value,
    disabled,
    maxLength: state.field.maxLength,
    'aria-invalid': invalid,
    'aria-describedby': describedBy,
    'aria-required': state.required,
    onBlur,
  };
  if (state.field.multiline) {
    return <textarea {...common} rows={4} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)} />;
  }
  return <input {...common} type="text" autoComplete="off" onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)} />;
}
