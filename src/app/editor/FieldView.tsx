// One field's frame: label, required marker, warning and conflict markers, hint, the type's widget, its reason box, its errors once touched, and a supervisor's comment.
import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldPath } from '../../engine/types.ts';
import { fieldAddon } from '../care-notes/fieldAddons.ts';
import { FIELD_WIDGETS } from '../fields/registry.ts';
import { selectedNeedsReason } from '../fields/multiChoice.ts';
import { localize } from '../localize.ts';
import { useLanguage } from '../state/appStore.ts';
import { useEditorStore, useFieldState, useIsFocusTarget, useShowErrors } from '../state/editorStore.ts';
import { useEditorActions } from './EditorContext.tsx';
import { FieldConflictMark } from './FieldConflictMark.tsx';
import { FieldWarningMarks } from './FieldWarningMarks.tsx';
import { officeFieldLocked } from './officeOwned.ts';
import { GroupField } from './GroupField.tsx';
import { reasonFieldId, siblingPath } from './reasonFields.ts';
import { RepeatField } from './RepeatField.tsx';
import { useReviewComments } from './ReviewContext.tsx';

function domId(path: FieldPath): string {
  return `f-${path.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

export const FieldView = memo(function FieldView({ path }: { path: FieldPath }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const state = useFieldState(path);
  const showErrors = useShowErrors(path);
  const readOnly = useEditorStore((s) => s.readOnly);
  const userRole = useEditorStore((s) => s.userRole);
  const form = useEditorStore((s) => s.session?.form);
  const focusSeq = useIsFocusTarget(path);
  const actions = useEditorActions();
  const frameRef = useRef<HTMLDivElement>(null);
  const reviewComments = useReviewComments(path);

  useEffect(() => {
    if (focusSeq === null || !frameRef.current) return;
    frameRef.current.scrollIntoView({ block: 'center' });
    // The field's own input, not a button of a marker above it.
    const inputs = [...frameRef.current.querySelectorAll<HTMLElement>('input, textarea, select, button')];
    inputs.find((el) => !el.closest('.field-mark, .field-marks'))?.focus({ preventScroll: true });
  }, [focusSeq]);

  // A helper field (internal) feeds rules only; it is never a question on screen.
  if (!state || !state.relevant || state.field.internal === true) return null;
  const { field } = state;
  if (field.type === 'group' || field.type === 'repeat') {
    return (
      <div ref={frameRef} className="field-structural">
        <FieldWarningMarks path={path} />
        {field.type === 'group' ? <GroupField path={path} state={state} /> : <RepeatField path={path} state={state} />}
      </div>
    );
  }

  const widget = FIELD_WIDGETS[field.type];
  const id = domId(path);
  const labelId = `${id}-label`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-errors`;
  const errors = showErrors ? state.errors : [];
  const describedBy = [field.hint ? hintId : '', errors.length ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const officeLocked = officeFieldLocked(field, userRole);
  const disabled = readOnly || state.readonly || officeLocked;
  const reasonId = form ? reasonFieldId(field, form) : null;
  const Widget = widget.component;
  const Addon = form ? fieldAddon(form.id, field.id) : null;
  const LabelTag = widget.labelsInput ? 'label' : 'span';

  return (
    <div
      ref={frameRef}
      className={`field field-${field.type} ${errors.length ? 'has-error' : ''} ${state.readonly || officeLocked ? 'is-readonly' : ''} ${reviewComments.length ? 'has-review-comment' : ''}`}
      data-testid={`field-${path}`}
      data-path={path}
    >
      <div className="field-label-row">
        <LabelTag id={labelId} className={field.type === 'note' ? 'note-text' : 'field-label'} {...(widget.labelsInput ? { htmlFor: `${id}-input` } : {})}>
          {localize(field.label, language)}
        </LabelTag>
        {state.required && (
          <span className="required-mark" aria-label={t('editor.required')}>
            {t('editor.required')}
          </span>
        )}
        {reviewComments.length > 0 && (
          <span className="review-pill" data-testid="field-review-marker">
            {t('editor.reviewFieldMarker')}
          </span>
        )}
      </div>
      <FieldWarningMarks path={path} />
      <FieldConflictMark path={path} />
      {reviewComments.map((comment, i) => (
        <p key={i} className="review-comment" data-testid="review-comment">
          {t('editor.reviewComment', { comment })}
        </p>
      ))}
      {field.hint && (
        <p id={hintId} className="field-hint">
          {localize(field.hint, language)}
        </p>
      )}
      <Widget
        path={path}
        state={state}
        inputId={`${id}-input`}
        labelId={labelId}
        describedBy={describedBy}
        invalid={errors.length > 0}
        disabled={disabled}
        language={language}
        onChange={(value, options) => actions.change(path, value, options)}
        onBlur={() => actions.commit(path)}
      />
      {Addon && !disabled && <Addon path={path} inputId={`${id}-input`} />}
      {reasonId && selectedNeedsReason(state.value, state.choices ?? field.choices ?? []) && (
        <div className="reason-box">
          <FieldView path={siblingPath(path, reasonId)} />
        </div>
      )}
      {errors.length > 0 && (
        <ul id={errorId} className="field-errors" data-testid="field-errors">
          {errors.map((error) => (
            <li key={error.code} className="field-error" data-code={error.code}>
              {localize(error.message, language)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});
