// The form's warnings (plausibility checks): each can be acknowledged with a reason, which is saved with the record.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormWarning } from '../../engine/types.ts';
import { localize } from '../localize.ts';
import { useLanguage } from '../state/appStore.ts';
import { focusWarningField, useEditorStore } from '../state/editorStore.ts';
import { fieldLabel } from './fieldLabel.ts';

function WarningItem({ warning, onAcknowledge, readOnly }: { warning: FormWarning; onAcknowledge: (code: string, reason: string) => Promise<void>; readOnly: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const form = useEditorStore((s) => s.session?.form);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const inputId = `warning-${warning.code}`;
  return (
    <li className={`warning ${warning.acknowledgedReason ? 'is-acknowledged' : ''}`} data-testid="warning" data-code={warning.code}>
      <p className="warning-message">⚠ {localize(warning.message, language)}</p>
      {warning.paths.length > 0 && (
        <p className="warning-jumps">
          {warning.paths.map((path) => (
            <button key={path} type="button" className="btn btn-link" onClick={() => focusWarningField(path)} data-testid="warning-jump" data-path={path}>
              {t('marks.toField', { label: fieldLabel(form, path, language) })}
            </button>
          ))}
        </p>
      )}
      {warning.acknowledgedReason ? (
        <p className="muted">{t('warnings.acknowledged', { reason: warning.acknowledgedReason })}</p>
      ) : (
        !readOnly && (
          <form
            className="row"
            onSubmit={(e) => {
              e.preventDefault();
              if (!reason.trim()) return;
              setBusy(true);
              void onAcknowledge(warning.code, reason.trim()).finally(() => setBusy(false));
            }}
          >
            <label htmlFor={inputId} className="visually-hidden">
              {t('warnings.reason')}
            </label>
            <input id={inputId} className="input" value={reason} placeholder={t('warnings.reasonPlaceholder')} onChange={(e) => setReason(e.target.value)} />
            <button type="submit" className="btn" disabled={busy || !reason.trim()}>
              {t('warnings.acknowledge')}
            </button>
          </form>
        )
      )}
    </li>
  );
}

export function WarningsPanel({ onAcknowledge }: { onAcknowledge: (code: string, reason: string) => Promise<void> }) {
  const { t } = useTranslation();
  const warnings = useEditorStore((s) => s.warnings);
  const readOnly = useEditorStore((s) => s.readOnly);
  if (warnings.length === 0) return null;
  return (
    <section className="warnings" aria-label={t('warnings.title')} data-testid="warnings">
      <h2>{t('warnings.title')}</h2>
      <ul>
        {warnings.map((warning) => (
          <WarningItem key={warning.code} warning={warning} onAcknowledge={onAcknowledge} readOnly={readOnly} />
        ))}
      </ul>
    </section>
  );
}
