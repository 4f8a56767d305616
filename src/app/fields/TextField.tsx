// text: a single-line or multi-line text box; keystrokes are saved after a short pause and on leaving the field.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProps } from './types.ts';

/**
 * A multi-line answer longer than this opens as a preview of its start: Chromium lays out ALL of a textarea's text
 * when it mounts, and a section with several long 特記事項 would otherwise take well over a frame to appear.
 * A tap (or focus) on the preview, or any change of the value, shows the full text box.
 */
export const LONG_TEXT_PREVIEW_CHARS = 400;
const PREVIEW_CHARS = 160;

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
    return <MultilineText common={common} value={value} inputId={inputId} onChange={onChange} />;
  }
  return <input {...common} type="text" autoComplete="off" onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)} />;
}

function MultilineText({ common, value, inputId, onChange }: {
  common: Record<string, unknown>; value: string; inputId: string; onChange: FieldProps['onChange'];
}) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(value.length <= LONG_TEXT_PREVIEW_CHARS);
  const focusOnExpand = useRef(false);
  const firstValue = useRef(value);
  // A change from elsewhere (a template phrase, a pull) means someone is working on the text: show all of it.
  useEffect(() => {
    if (value !== firstValue.current) setExpanded(true);
  }, [value]);
  useEffect(() => {
    if (expanded && focusOnExpand.current) {
      focusOnExpand.current = false;
      document.getElementById(inputId)?.focus();
    }
  }, [expanded, inputId]);
  if (!expanded) {
    const open = () => {
      focusOnExpand.current = true;
      setExpanded(true);
    };
    return (
      <button type="button" id={inputId} className="input text-preview" onClick={open} onFocus={open} aria-describedby={common['aria-describedby'] as string | undefined} data-testid="text-preview">
        <span className="text-preview-body">{value.slice(0, PREVIEW_CHARS)}…</span>
        <span className="text-preview-more">{t('editor.showFullText', { count: value.length })}</span>
      </button>
    );
  }
  return <textarea {...common} rows={4} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)} />;
}
