// The form engine's findings on the record as the server evaluated it: errors, warnings (with the surveyor's acknowledgement) and scoring results.
import { useTranslation } from 'react-i18next';
import type { FormDefinition } from '../../../engine/types.ts';
import type { RecordEvaluation } from '../../../protocol/office/index.ts';
import { localize } from '../../localize.ts';
import { useLanguage } from '../../state/appStore.ts';
import { pathLabel } from '../shared/answerRows.ts';

export function EvaluationPanel({ evaluation, form }: { evaluation: RecordEvaluation | null; form: FormDefinition | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const results = Object.entries(evaluation?.result ?? {});
  const scoringLabel = (key: string) => {
    const output = form?.scoring?.find((s) => s.key === key);
    return output?.label ? localize(output.label, language) : key;
  };
  return (
    <section className="office-panel" aria-labelledby="office-eval-title" data-testid="office-evaluation">
      <h3 id="office-eval-title" className="office-panel-title">
        {t('office.record.evaluation')}
      </h3>
      {!evaluation && <p className="muted">{t('office.record.noEvaluation')}</p>}
      {evaluation && evaluation.errors.length === 0 && evaluation.warnings.length === 0 && <p className="office-ok">{t('office.record.noFindings')}</p>}
      {evaluation && evaluation.errors.length > 0 && (
        <ul className="office-findings" data-testid="office-errors">
          {evaluation.errors.map((error, i) => (
            <li key={`${error.path}-${error.code}-${i}`} className="office-finding is-error">
              <strong>{pathLabel(form, error.path, language)}</strong>: {localize(error.message, language)} <span className="mono muted">{error.code}</span>
            </li>
          ))}
        </ul>
      )}
      {evaluation && evaluation.warnings.length > 0 && (
        <ul className="office-findings" data-testid="office-warnings">
          {evaluation.warnings.map((warning) => (
            <li key={warning.code} className="office-finding is-warning">
              {localize(warning.message, language)}
              {warning.paths.length > 0 && <span className="muted"> · {warning.paths.map((p) => pathLabel(form, p, language)).join(' / ')}</span>}
              {warning.acknowledgedReason && <div className="office-ack">{t('office.record.acknowledged', { reason: warning.acknowledgedReason })}</div>}
            </li>
          ))}
        </ul>
      )}
      {results.length > 0 && (
        <dl className="office-results">
          {results.map(([key, value]) => (
            <div key={key}>
              <dt>{scoringLabel(key)}</dt>
              <dd>{value === null || value === undefined ? '—' : String(value)}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
