// Reassigns one case to another assessor (POST /api/office/care/cases/:id/assign), asking again when a 調査票 was started; the case and its 調査票 move to the new assessor's tablet on the next sync.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assignCareCase } from '../api/officeApi.ts';
import type { CaseRow } from '../../../protocol/care/case-list.ts';
import { asOfficeError, type OfficeError } from '../api/officeError.ts';
import type { OfficeUser } from '../api/schemas.ts';
import { officeErrorText } from '../shared/officeErrorText.ts';

interface Props {
  row: CaseRow;
  assessors: readonly OfficeUser[];
  onAssigned: (row: CaseRow) => void;
}

export function CaseAssign({ row, assessors, onAssigned }: Props) {
  const { t } = useTranslation();
  const [assigneeId, setAssigneeId] = useState(row.assigneeId ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<OfficeError | null>(null);
  const changed = assigneeId !== '' && assigneeId !== row.assigneeId;
  // A started 調査票 moves with the case and is deleted from the previous assessor's tablet, unsynced edits too.
  const [confirming, setConfirming] = useState(false);
  const needsConfirm = row.assessmentId !== null;

  const submit = async () => {
    if (needsConfirm && !confirming) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    setBusy(true);
    setError(null);
    try {
      const answer = await assignCareCase(row.id, assigneeId);
      onAssigned(answer.case);
    } catch (caught) {
      setError(asOfficeError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="office-care-assign">
      <label className="visually-hidden" htmlFor={`assign-${row.id}`}>
        {t('office.care.reassignTo')}
      </label>
      <select id={`assign-${row.id}`} className="input" value={assigneeId} onChange={(e) => { setAssigneeId(e.target.value); setConfirming(false); }} data-testid="care-assign-select">
        {row.assigneeId === null && <option value="">—</option>}
        {/* The current assignee stays choosable even when the account is no longer an assessor. */}
        {row.assigneeId !== null && !assessors.some((a) => a.id === row.assigneeId) && <option value={row.assigneeId}>{row.assigneeName ?? row.assigneeId}</option>}
        {assessors.map((assessor) => (
          <option key={assessor.id} value={assessor.id}>
            {assessor.displayName}
          </option>
        ))}
      </select>
      {changed && (
        <button type="button" className="btn" onClick={() => void submit()} disabled={busy} data-testid="care-assign-submit">
          {busy ? t('app.loading') : confirming ? t('office.care.reassignConfirm') : t('office.care.reassignSubmit')}
        </button>
      )}
      {changed && confirming && (
        <span className="text-warning" role="alert" data-testid="care-assign-warning">
          {t('office.care.reassignSurveyedWarning')}
        </span>
      )}
      {error && (
        <span className="text-error" role="alert">
          {officeErrorText(t, error.code)}
        </span>
      )}
    </div>
  );
}
