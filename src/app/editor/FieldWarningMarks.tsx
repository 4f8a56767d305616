// The markers a field carries for the form's warnings that concern it: icon, the message, and a way to the place where it is acknowledged.
import { useTranslation } from 'react-i18next';
import type { FieldPath } from '../../engine/types.ts';
import { localize } from '../localize.ts';
import { useLanguage } from '../state/appStore.ts';
import { useEditorStore } from '../state/editorStore.ts';
import { definitionPathOf } from './warningMarks.ts';

/** Scrolls to the warning's entry in the panel below the section and puts the cursor in its reason box. */
function showWarningEntry(code: string): void {
  const entry = document.querySelector<HTMLElement>(`[data-testid="warning"][data-code="${CSS.escape(code)}"]`);
  if (!entry) return;
  entry.scrollIntoView({ block: 'center' });
  (entry.querySelector<HTMLElement>('input') ?? entry).focus({ preventScroll: true });
}

export function FieldWarningMarks({ path }: { path: FieldPath }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const warnings = useEditorStore((s) => s.fieldWarnings[definitionPathOf(path)]);
  const readOnly = useEditorStore((s) => s.readOnly);
  if (!warnings || warnings.length === 0) return null;
  return (
    <ul className="field-marks" aria-label={t('marks.warningsHere')}>
      {warnings.map((warning) => (
        <li key={warning.code} className={`field-mark field-mark-warning ${warning.acknowledgedReason ? 'is-acknowledged' : ''}`} data-testid="field-warning" data-code={warning.code}>
          <span className="field-mark-icon" aria-hidden="true">
            {warning.acknowledgedReason ? '✓' : '⚠'}
          </span>
          <span className="field-mark-text">
            <strong>{warning.acknowledgedReason ? t('marks.warningAcknowledged') : t('marks.warning')}</strong> {localize(warning.message, language)}
          </span>
          {!warning.acknowledgedReason && !readOnly && (
            <button type="button" className="btn btn-link field-mark-action" onClick={() => showWarningEntry(warning.code)}>
              {t('marks.toWarning')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
