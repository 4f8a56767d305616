// The call log (架電記録): earlier calls, newest first, and a new entry with the time now, a result and a memo.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CALL_RESULTS, type CallResult, type CaseCall } from '../../../forms/care-case/case-fields.ts';
import { useLanguage } from '../state/appStore.ts';
import { logCall } from './caseActions.ts';
import { whenLabel } from './dayLabel.ts';
import { nowAnswer } from './schedule.ts';

export function CallLog({ caseId, calls }: { caseId: string; calls: CaseCall[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [result, setResult] = useState<CallResult | null>(null);
  const [memo, setMemo] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const add = async () => {
    if (!result) return;
    setBusy(true);
    setFailure(null);
    try {
      await logCall(caseId, { at: nowAnswer(new Date()), result, memo });
      setResult(null);
      setMemo('');
    } catch (error) {
      setFailure((error as { code?: string }).code ?? String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="care-panel" data-testid="care-calls">
      <h2 className="care-heading">{t('care.calls.title')}</h2>
      {calls.length === 0 ? (
        <p className="muted">{t('care.calls.empty')}</p>
      ) : (
        <ol className="care-calls" reversed>
          {[...calls].reverse().map((call, i) => (
            <li key={`${call.at}-${i}`} className="care-call" data-testid="care-call">
              <span className="care-call-when">{whenLabel(call.at, language) || call.at}</span>
              {call.result && <span className={`badge care-result-${call.result}`}>{t(`care.calls.results.${call.result}`)}</span>}
              {call.memo && <span className="care-call-memo">{call.memo}</span>}
            </li>
          ))}
        </ol>
      )}
      <fieldset className="care-call-new">
        <legend className="field-label">{t('care.calls.result')}</legend>
        <div className="choices" role="radiogroup">
          {CALL_RESULTS.map((value) => (
            <label key={value} className={`choice${result === value ? ' is-checked' : ''}`}>
              <input type="radio" name="care-call-result" value={value} checked={result === value} onChange={() => setResult(value)} />
              {t(`care.calls.results.${value}`)}
            </label>
          ))}
        </div>
        <label className="field-label" htmlFor="care-call-memo">{t('care.calls.memo')}</label>
        <textarea id="care-call-memo" className="input" rows={2} maxLength={1000} value={memo} placeholder={t('care.calls.memoPlaceholder')} onChange={(e) => setMemo(e.target.value)} />
        <p className="field-hint">{t('care.calls.timeNote')}</p>
        <button type="button" className="btn btn-primary" disabled={!result || busy} onClick={() => void add()} data-testid="care-call-add">
          ＋ {t('care.calls.add')}
        </button>
        {failure && <p className="field-error" role="alert">{t('care.saveFailed', { code: failure })}</p>}
      </fieldset>
    </section>
  );
}
