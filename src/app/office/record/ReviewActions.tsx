// Review actions on the record: return for correction (reason + comments on fields), approve (blocked while conflicts are open), reopen.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDefinition } from '../../../engine/types.ts';
import { transitionFor, type ReviewAction } from '../../../protocol/review.ts';
import type { ReviewComment } from '../../../protocol/review-request.ts';
import { reviewRecord } from '../api/officeApi.ts';
import { asOfficeError, type OfficeError } from '../api/officeError.ts';
import type { RecordDetail } from '../api/schemas.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { FieldComments, pendingAsComment, type PendingComment } from './FieldComments.tsx';

type DecisionAction = Exclude<ReviewAction, 'submit'>;

const allowedFrom = (action: DecisionAction, status: string) => transitionFor(action)?.from.some((s) => s === status) ?? false;

export function ReviewActions({ detail, form, onDone }: { detail: RecordDetail; form: FormDefinition | null; onDone: () => void }) {
  const { t } = useTranslation();
  const { record } = detail;
  const openConflicts = detail.conflicts.filter((c) => c.status === 'open').length;
  const [mode, setMode] = useState<'return' | 'reopen' | null>(null);
  const [reason, setReason] = useState('');
  const [comments, setComments] = useState<ReviewComment[]>([]);
  const [pending, setPending] = useState<PendingComment>({ path: '', text: '' });
  const [pickerInvalid, setPickerInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<OfficeError | null>(null);
  const [done, setDone] = useState<DecisionAction | null>(null);

  const canReturn = allowedFrom('return', record.status);
  const canApprove = allowedFrom('approve', record.status);
  const canReopen = allowedFrom('reopen', record.status);

  const send = async (action: DecisionAction) => {
    if (busy) return;
    // A comment typed but not added goes with the return; one typed without its item stops the return until an item is chosen.
    const typed = action === 'return' ? pendingAsComment(pending) : null;
    if (action === 'return' && !typed && pending.text.trim() !== '') {
      setPickerInvalid(true);
      return;
    }
    const allComments = typed ? [...comments, typed] : comments;
    setBusy(true);
    setError(null);
    try {
      const needsReason = transitionFor(action)?.needsReason ?? false;
      await reviewRecord(record.id, {
        action,
        ...(needsReason || reason.trim() ? { reason: reason.trim() } : {}),
        ...(action === 'return' && allComments.length > 0 ? { comments: allComments } : {}),
      });
      setDone(action);
      setMode(null);
      setReason('');
      setComments([]);
      setPending({ path: '', text: '' });
      setPickerInvalid(false);
      onDone();
    } catch (caught) {
      setError(asOfficeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="office-panel office-actions" aria-labelledby="office-actions-title" data-testid="review-actions">
      <h3 id="office-actions-title" className="office-panel-title">
        {t('office.review.title')}
      </h3>
      {done && (
        <p className="notice office-done" role="status" data-testid="review-done" data-action={done}>
          {t(`office.review.done.${done}`)}
        </p>
      )}
      {error && <ErrorNotice error={error} />}
      {!canReturn && !canApprove && !canReopen && <p className="muted">{t(`office.review.nothingFor.${record.status}`)}</p>}
      {mode === null && (canReturn || canApprove || canReopen) && (
        <div className="row">
          {canApprove && (
            <button type="button" className="btn btn-primary" disabled={busy || openConflicts > 0} onClick={() => void send('approve')} data-testid="review-approve" aria-describedby={openConflicts > 0 ? 'approve-blocked' : undefined}>
              ✓ {t('office.review.approve')}
            </button>
          )}
          {canReturn && (
            <button type="button" className="btn" disabled={busy} onClick={() => setMode('return')} data-testid="review-return">
              ↩ {t('office.review.return')}
            </button>
          )}
          {canReopen && (
            <button type="button" className="btn" disabled={busy} onClick={() => setMode('reopen')} data-testid="review-reopen">
              {t('office.review.reopen')}
            </button>
          )}
        </div>
      )}
      {mode === null && canApprove && openConflicts > 0 && (
        <p id="approve-blocked" className="notice" data-testid="approve-blocked">
          {t('office.review.approveBlocked', { count: openConflicts })}
        </p>
      )}
      {mode !== null && (
        <form
          className="stack office-review-form"
          onSubmit={(event) => {
            event.preventDefault();
            void send(mode);
          }}
        >
          <p className="hint">{t(`office.review.${mode}Hint`)}</p>
          <label className="office-field office-wide">
            <span>
              {t('office.review.reason')} <span className="required-mark">{t('editor.required')}</span>
            </span>
            <textarea className="input" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={2000} data-testid="review-reason-input" />
          </label>
          {mode === 'return' && (
            <FieldComments
              form={form}
              answers={record.answers}
              comments={comments}
              onChange={setComments}
              pending={pending}
              onPendingChange={(next) => {
                setPending(next);
                if (next.path || !next.text.trim()) setPickerInvalid(false);
              }}
              pickerInvalid={pickerInvalid}
            />
          )}
          <div className="row">
            <button type="submit" className="btn btn-primary" disabled={busy || reason.trim() === ''} data-testid={`review-${mode}-submit`}>
              {busy ? t('app.loading') : t(`office.review.${mode}Submit`)}
            </button>
            <button type="button" className="btn btn-ghost" disabled={busy} onClick={() => setMode(null)}>
              {t('app.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
