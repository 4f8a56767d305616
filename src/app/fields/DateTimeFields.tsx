// date, time and datetime: the tablet's native pickers; values are "YYYY-MM-DD", "HH:MM" and "YYYY-MM-DDTHH:MM".
import type { FieldProps } from './types.ts';

function NativeInput({ type, state, inputId, describedBy, invalid, disabled, onChange, onBlur }: FieldProps & { type: 'date' | 'time' | 'datetime-local' }) {
  return (
    <input
      id={inputId}
      className="input input-date"
      type={type}
      value={typeof state.value === 'string' ? state.value : ''}
      disabled={disabled}
      aria-invalid={invalid}
      aria-describedby={describedBy}
      aria-required={state.required}
      onChange={(e) => onChange(e.target.value === '' ? null : e.target.value, { immediate: true })}
      onBlur={onBlur}
    />
  );
}

export function DateField(props: FieldProps) {
  return <NativeInput {...props} type="date" />;
}

export function TimeField(props: FieldProps) {
  return <NativeInput {...props} type="time" />;
}

export function DateTimeField(props: FieldProps) {
  return <NativeInput {...props} type="datetime-local" />;
}
