// Finalize: the toolbar button (refused while the engine reports errors: shows the count and jumps to the first; else draft → ready) and its message.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recordRepository } from '../db.ts';
import { sendNow } from '../sync.ts';
import { focusField, setFinalizeOutcome, showAllErrors, useEditorStore } from '../state/editorStore.ts';

interface Props {
  recordId: string;
  flush: () => Promise<void>;
  onFinalized: () => void;
}

export function FinalizeButton({ recordId, flush, onFinalized }: Props) {
  const { t } = useTranslation();
  const errorCount = useEditorStore((s) => s.errorCount);
  const [busy, setBusy] = useState(false);

  const finalize = async () => {
    const { session } = useEditorStore.getState();
    if (!session) return;
    setBusy(true);
    try {
      await flush();
      const evaluation = session.evaluation();
      if (evaluation.errors.length > 0) {
        showAllErrors();
        setFinalizeOutcome({ refusedCount: evaluation.errors.length });
        const first = evaluation.errors.find((e) => e.path !== '');
        if (first) focusField(first.path);
        return;
      }
      await recordRepository().finalize(recordId, 0);
      setFinalizeOutcome(null);
      onFinalized();
      // A finished record goes to the office now, not at the next automatic sync.
      sendNow();
    } catch (error) {
      setFinalizeOutcome({ failure: (error as { code?: string }).code ?? String(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <span className={`error-total ${errorCount > 0 ? 'text-error' : 'muted'}`} data-testid="error-total" data-count={errorCount}>
        {errorCount > 0 ? t('editor.errorCount', { count: errorCount }) : t('editor.noErrors')}
      </span>
      <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void finalize()} data-testid="finalize">
        ✓ {t('editor.finalize')}
      </button>
    </>
  );
}

export function FinalizeMessage() {
  const { t } = useTranslation();
  const outcome = useEditorStore((s) => s.finalizeOutcome);
  const errorCount = useEditorStore((s) => s.errorCount);
  // A refusal message follows the live count and goes away once everything is fixed.
  if (!outcome || ('refusedCount' in outcome && errorCount === 0)) return null;
  return (
    <div className="banner banner-error" role="alert" data-testid="finalize-message">
      <span>{'refusedCount' in outcome ? t('editor.refused', { count: errorCount }) : t('editor.saveFailed', { message: outcome.failure })}</span>
      <button type="button" className="btn btn-ghost" onClick={() => setFinalizeOutcome(null)}>
        {t('app.close')}
      </button>
    </div>
  );
}
