// repeat: its entries, each with a remove button, and an add button; minCount/maxCount limit both.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldPath, FieldState } from '../../engine/types.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { localize } from '../localize.ts';
import { useLanguage } from '../state/appStore.ts';
import { useEditorStore, useRepeatCount, useShowErrors } from '../state/editorStore.ts';
import { useEditorActions } from './EditorContext.tsx';
import { FieldList } from './FieldList.tsx';
import { repeatEntryPath } from './paths.ts';
import { useProgressiveCount } from './useProgressiveCount.ts';

const FIRST_PAINT_ENTRIES = 1;

export function RepeatField({ path, state }: { path: FieldPath; state: FieldState }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const count = useRepeatCount(path);
  // Entries can be long (特記事項 of 2,000 characters each): the first ones paint with the section, the others right after.
  const shownCount = useProgressiveCount(count, FIRST_PAINT_ENTRIES);
  const readOnly = useEditorStore((s) => s.readOnly) || state.readonly;
  const showErrors = useShowErrors(path);
  const actions = useEditorActions();
  const [removing, setRemoving] = useState<number | null>(null);
  const { minCount = 0, maxCount = Infinity } = state.field;

  return (
    <fieldset className="group repeat" data-testid={`field-${path}`}>
      <legend>
        {localize(state.field.label, language)}
        {(minCount > 0 || Number.isFinite(maxCount)) && (
          <span className="muted"> （{t('repeat.limits', { min: minCount, max: Number.isFinite(maxCount) ? maxCount : '' })}）</span>
        )}
      </legend>
      {state.field.hint && <p className="field-hint">{localize(state.field.hint, language)}</p>}
      {Array.from({ length: shownCount }, (_, i) => (
        <div key={i} className="repeat-entry" data-testid={`repeat-entry-${path}`}>
          <div className="repeat-entry-head">
            <strong>{t('repeat.entry', { n: i + 1 })}</strong>
            {!readOnly && count > minCount && (
              <button type="button" className="btn btn-ghost btn-danger-text" onClick={() => setRemoving(i)}>
                {t('repeat.remove')}
              </button>
            )}
          </div>
          <FieldList fields={state.field.fields ?? []} prefix={repeatEntryPath(path, i)} />
        </div>
      ))}
      {!readOnly && count < maxCount && (
        <button type="button" className="btn" onClick={() => actions.addRepeat(path)} data-testid={`repeat-add-${path}`}>
          ＋ {t('repeat.add')}
        </button>
      )}
      {showErrors && state.errors.length > 0 && (
        <ul className="field-errors">
          {state.errors.map((error) => (
            <li key={error.code} className="field-error">
              {localize(error.message, language)}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={removing !== null}
        message={t('repeat.confirmRemove')}
        confirmLabel={t('repeat.remove')}
        onConfirm={() => {
          if (removing !== null) actions.removeRepeat(path, removing);
          setRemoving(null);
        }}
        onCancel={() => setRemoving(null)}
      />
    </fieldset>
  );
}
