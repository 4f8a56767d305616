// group: a titled box around its nested fields.
import type { FieldPath, FieldState } from '../../engine/types.ts';
import { localize } from '../localize.ts';
import { useLanguage } from '../state/appStore.ts';
import { FieldList } from './FieldList.tsx';

export function GroupField({ path, state }: { path: FieldPath; state: FieldState }) {
  const language = useLanguage();
  return (
    <fieldset className="group" data-testid={`field-${path}`}>
      <legend>{localize(state.field.label, language)}</legend>
      {state.field.hint && <p className="field-hint">{localize(state.field.hint, language)}</p>}
      <FieldList fields={state.field.fields ?? []} prefix={path} />
    </fieldset>
  );
}
