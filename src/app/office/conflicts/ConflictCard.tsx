// One open conflict: every candidate (value, who, when, which device), then pick one, merge them, or type a new value, with a required reason.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../localize.ts';
import { useLanguage } from '../../state/appStore.ts';
import { navigate } from '../../state/routeStore.ts';
import { getRecordSnapshot, resolveConflict } from '../api/officeApi.ts';
import { asOfficeError, type OfficeError } from '../api/officeError.ts';
import type { ConflictItem } from '../api/schemas.ts';
import { pathLabel } from '../shared/answerRows.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { formatAnswer } from '../shared/formatAnswer.ts';
import { useOfficeData } from '../shared/useOfficeData.ts';
import { useFormDefinition } from '../shared/useOfficeForms.ts';
import { useAnswerWords, useDateTime } from '../shared/useFormat.ts';
import { shortId } from '../shared/shortId.ts';
import { conflictField } from './conflictField.ts';
import { canMerge, initialMode, mergedValue, type ResolutionMode } from './resolutionDraft.ts';
import { ValueEditor } from './ValueEditor.tsx';

interface Props {
  conflict: ConflictItem;
  userName: (id: string) => string;
  deviceName: (id: string) => string;
  onResolved: (conflict: ConflictItem) => void;
}

export function ConflictCard({ conflict, userName, deviceName, onResolved }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const words = useAnswerWords();
  const dateTime = useDateTime();
  const snapshot = useOfficeData(() => getRecordSnapshot(conflict.recordId), [conflict.recordId]);
  const form = useFormDefinition(snapshot.data?.record.formId, snapshot.data?.record.formVersion) ?? null;
  const field = useMemo(
    () => conflictField(form, conflict.path, {
      status: t('office.conflicts.statusField'),
      statuses: Object.fromEntries(['draft', 'submitted', 'returned', 'approved'].map((s) => [s, t(`office.status.${s}`)])),
      deletion: t('office.conflicts.deleteField'),
      delete: t('office.conflicts.delete'),
      keep: t('office.conflicts.keep'),
    }),
    [form, conflict.path, t],
  );
  const type = field?.type ?? null;
  const [mode, setMode] = useState<ResolutionMode>(() => initialMode(null));
  const [modeChosen, setModeChosen] = useState(false);
  const effectiveMode: ResolutionMode = modeChosen ? mode : initialMode(type);
  const [picked, setPicked] = useState(0);
  const [merged, setMerged] = useState<unknown>(undefined);
  const [custom, setCustom] = useState<{ value: unknown; valid: boolean }>({ value: conflict.provisional, valid: conflict.provisional !== undefined });
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<OfficeError | null>(null);

  const mergedNow = merged === undefined ? mergedValue(type, conflict.candidates) : merged;
  const choice: { value: unknown; valid: boolean } =
    effectiveMode === 'pick' ? { value: conflict.candidates[picked]?.value, valid: conflict.candidates[picked] !== undefined }
      : effectiveMode === 'merge' ? { value: mergedNow, valid: mergedNow !== null }
        : custom;
  const show = (value: unknown) => formatAnswer(form, field, value, language, words) || t('office.conflicts.empty');
  const chooseMode = (next: ResolutionMode) => {
    setMode(next);
    setModeChosen(true);
  };

  const resolve = async () => {
    if (busy || !choice.valid || reason.trim() === '') return;
    setBusy(true);
    setError(null);
    try {
      const answer = await resolveConflict(conflict.id, { value: choice.value, reason: reason.trim() });
      onResolved(answer.conflict);
    } catch (caught) {
      setError(asOfficeError(caught));
    } finally {
      setBusy(false);
    }
  };

  const name = `conflict-${conflict.id}`;
  return (
    <article className="office-panel office-conflict" data-testid="conflict-card" data-conflict-id={conflict.id} data-record-id={conflict.recordId} data-path={conflict.path}>
      <header className="row office-conflict-head">
        <h3 className="office-panel-title">{field ? (conflict.path.startsWith('@') ? localize(field.label, language) : pathLabel(form, conflict.path, language)) : conflict.path}</h3>
        <span className="badge badge-conflict">{t(`office.conflicts.kind.${conflict.kind}`, { defaultValue: conflict.kind })}</span>
        <button type="button" className="btn-link" onClick={() => void navigate({ name: 'office-record', recordId: conflict.recordId })} data-testid="conflict-record">
          {t('office.conflicts.openRecord')} <span className="mono">{shortId(conflict.recordId)}</span>
        </button>
      </header>
      <p className="muted">{t('office.conflicts.shownMeanwhile', { value: show(conflict.provisional) })}</p>
      <fieldset className="office-candidates">
        <legend className="visually-hidden">{t('office.conflicts.candidates')}</legend>
        {conflict.candidates.map((candidate, index) => (
          <label key={candidate.opId} className={`office-candidate ${effectiveMode === 'pick' && picked === index ? 'is-checked' : ''}`} data-testid="conflict-candidate" data-value={JSON.stringify(candidate.value)}>
            <input type="radio" name={name} checked={effectiveMode === 'pick' && picked === index} onChange={() => { chooseMode('pick'); setPicked(index); }} data-testid="candidate-pick" />
            <span className="office-candidate-value">{show(candidate.value)}</span>
            <span className="office-candidate-meta">
              {t('office.conflicts.by', { who: userName(candidate.userId), when: dateTime(candidate.at), device: deviceName(candidate.deviceId) })}
            </span>
          </label>
        ))}
        {canMerge(type) && (
          <div className={`office-candidate ${effectiveMode === 'merge' ? 'is-checked' : ''}`}>
            <label className="row">
              <input type="radio" name={name} checked={effectiveMode === 'merge'} onChange={() => chooseMode('merge')} data-testid="candidate-merge" />
              <strong>{t(type === 'select_multiple' ? 'office.conflicts.mergeUnion' : 'office.conflicts.mergeText')}</strong>
            </label>
            {effectiveMode === 'merge' && <ValueEditor form={form} field={field} value={mergedNow} onChange={(value) => setMerged(value)} testId="merge-value" />}
          </div>
        )}
        <div className={`office-candidate ${effectiveMode === 'custom' ? 'is-checked' : ''}`}>
          <label className="row">
            <input type="radio" name={name} checked={effectiveMode === 'custom'} onChange={() => chooseMode('custom')} data-testid="candidate-custom" />
            <strong>{t('office.conflicts.custom')}</strong>
          </label>
          {effectiveMode === 'custom' && <ValueEditor form={form} field={field} value={custom.value} onChange={(value, valid) => setCustom({ value, valid })} testId="custom-value" />}
        </div>
      </fieldset>
      <label className="office-field office-wide">
        <span>
          {t('office.conflicts.reason')} <span className="required-mark">{t('editor.required')}</span>
        </span>
        <textarea className="input" rows={2} value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} required data-testid="conflict-reason" />
      </label>
      {error && <ErrorNotice error={error} />}
      <div className="row">
        <button type="button" className="btn btn-primary" disabled={busy || !choice.valid || reason.trim() === ''} onClick={() => void resolve()} data-testid="conflict-resolve">
          {busy ? t('app.loading') : t('office.conflicts.resolve')}
        </button>
        {reason.trim() === '' && <span className="hint">{t('office.conflicts.reasonNeeded')}</span>}
      </div>
    </article>
  );
}
