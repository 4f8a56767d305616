// integer/decimal: a numeric keypad input with the unit beside it; what is typed stays visible until it parses.
import { useState } from 'react';
import { formatNumberValue, parseNumberInput } from './numberInput.ts';
import type { FieldProps } from './types.ts';

export function NumberField(props: FieldProps & { integer: boolean }) {
  const { state, inputId, describedBy, invalid, disabled, onChange, onBlur, integer } = props;
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? formatNumberValue(state.value);
  return (
    <div className="input-with-unit">
      <input
        id={inputId}
        className="input input-number"
        type="text"
        inputMode={integer ? 'numeric' : 'decimal'}
        autoComplete="off"
        value={shown}
        disabled={disabled}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        aria-required={state.required}
        onChange={(e) => {
          setDraft(e.target.value);
          onChange(parseNumberInput(e.target.value, integer));
        }}
        onBlur={() => {
          setDraft(null);
          onBlur();
        }}
      />
      {state.field.unit && <span className="unit">{state.field.unit}</span>}
    </div>
  );
}

export function IntegerField(props: FieldProps) {
  return <NumberField {...props} integer />;
}

export function DecimalField(props: FieldProps) {
  return <NumberField {...props} integer={false} />;
}
