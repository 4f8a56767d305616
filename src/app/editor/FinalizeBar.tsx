// Finalize: the toolbar's progress (required answered; errors in red only once shown), the button (refused while the engine reports errors: shows them all and jumps to the first; else draft → ready) and its message.
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

/**
 * Red only for errors the user can already see (fields they touched, or all after a finalize attempt); before that the
 * required questions are progress, so a new form does not open with an alarm. data-count stays the engine's total.
 */
function ProgressTotal() {
  const { t } = useTranslation();
  const errorCount = useEditorStore((s) => s.errorCount);
  const shown = useEditorStore((s) => s.shownErrors.total);
  const progress = useEditorStore((s) => s.progress);
  const state = shown > 0 ? 'errors' : errorCount === 0 ? 'done' : 'progress';
  const text =
    state === 'errors'
      ? t('editor.errorCount', { count: shown })
      : state === 'done'
        ? t('editor.noErrors')
        : progress.answered < progress.total
          ? t('progress.required', { answered: progress.answered, total: progress.total })
          : t('progress.toCheck', { count: errorCount });
  return (
    <span className={`error-total is-${state} ${state === 'errors' ? 'text-error' : 'muted'}`} data-testid="error-total" data-count={errorCount} data-state={state} role="status">
      {text}
    </span>
  );
}

export function FinalizeButton({ recordId, flush, onFinalized }: Props) {
  const { t } = useTranslation();
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

  // Progress and the button wrap together on a portrait tablet: the count stays next to what it is about.
  return (
    <div className="finalize-group">
      <ProgressTotal />
      <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void finalize()} data-testid="finalize">
        ✓ {t('editor.finalize')}
      </button>
    </div>
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
