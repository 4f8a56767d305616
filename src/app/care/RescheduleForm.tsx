// Reschedule: the 訪問予定 as a date-time input, saved through the repository (record + outbox) so it reaches the office with the next sync.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../state/appStore.ts';
import { rescheduleVisit } from './caseActions.ts';
import { whenLabel } from './dayLabel.ts';
import { datetimeAnswer, localInputValue } from './schedule.ts';

export function RescheduleForm({ caseId, visitAt }: { caseId: string; visitAt: string | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [value, setValue] = useState(() => localInputValue(visitAt));
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  // A pull (or this form's own save) changed the visit: show what is stored now.
  useEffect(() => setValue(localInputValue(visitAt)), [visitAt]);

  const save = async (next: string | null) => {
    setMessage(null);
    try {
      await rescheduleVisit(caseId, next);
      setMessage({ kind: 'ok', text: t('care.reschedule.saved') });
    } catch (error) {
      setMessage({ kind: 'error', text: t('care.saveFailed', { code: (error as { code?: string }).code ?? String(error) }) });
    }
  };

  const submit = () => {
    const answer = datetimeAnswer(value, -new Date().getTimezoneOffset());
    if (!answer) setMessage({ kind: 'error', text: t('care.reschedule.invalid') });
    else void save(answer);
  };

  return (
    <section className="care-panel" data-testid="care-reschedule">
      <h2 className="care-heading">{t('care.reschedule.title')}</h2>
      <p className="muted" data-testid="care-visit-current">{t('care.reschedule.current', { when: whenLabel(visitAt, language) || t('care.reschedule.none') })}</p>
      <label className="field-label" htmlFor="care-visit-input">{t('care.reschedule.label')}</label>
      <div className="row">
        <input id="care-visit-input" className="input input-date" type="datetime-local" value={value} onChange={(e) => setValue(e.target.value)} data-testid="care-visit-input" />
        <button type="button" className="btn btn-primary" onClick={submit} data-testid="care-visit-save">
          {t('care.reschedule.save')}
        </button>
        {visitAt && (
          <button type="button" className="btn btn-ghost btn-danger-text" onClick={() => { setValue(''); void save(null); }}>
            {t('care.reschedule.clear')}
          </button>
        )}
      </div>
      {message && <p className={message.kind === 'ok' ? 'muted' : 'field-error'} role="status">{message.text}</p>}
    </section>
  );
}
