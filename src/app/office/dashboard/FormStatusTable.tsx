// Counts by survey and status, each a link to the review queue filtered the same way (form, status, days), so the two always agree.
import { useTranslation } from 'react-i18next';
import { RECORD_STATUSES, type RecordStatus } from '../../../protocol/snapshot.ts';
import { navigate } from '../../state/routeStore.ts';
import type { Dashboard } from '../api/schemas.ts';
import { CsvButton } from '../shared/CsvButton.tsx';
import { queueQueryFor } from './queueLink.ts';

interface Props {
  byForm: Dashboard['counts']['byForm'];
  days: { from: string; to: string };
  formTitle: (formId: string) => string;
}

export function FormStatusTable({ byForm, days, formTitle }: Props) {
  const { t } = useTranslation();
  const forms = Object.keys(byForm).sort((a, b) => formTitle(a).localeCompare(formTitle(b), 'ja'));
  if (forms.length === 0) return <p className="muted">{t('office.dashboardForms.none')}</p>;
  const open = (formId: string, status: RecordStatus | null) => void navigate({ name: 'office', page: 'queue', query: queueQueryFor(days, formId, status) });
  const total = (formId: string) => RECORD_STATUSES.reduce((sum, s) => sum + (byForm[formId]?.[s] ?? 0), 0);
  return (
    <>
      <div className="office-table-wrap">
        <table className="office-table is-compact" data-testid="counts-by-form">
          <thead>
            <tr>
              <th scope="col">{t('office.queue.columns.survey')}</th>
              {RECORD_STATUSES.map((s) => <th key={s} scope="col" className="num">{t(`office.status.${s}`)}</th>)}
              <th scope="col" className="num">{t('office.dashboardForms.total')}</th>
            </tr>
          </thead>
          <tbody>
            {forms.map((formId) => (
              <tr key={formId} data-form-id={formId}>
                <th scope="row">{formTitle(formId)}</th>
                {RECORD_STATUSES.map((s) => {
                  const count = byForm[formId]?.[s] ?? 0;
                  return (
                    <td key={s} className="num">
                      <button type="button" className="btn-link office-count-link" onClick={() => open(formId, s)} data-testid="form-status-count" data-form-id={formId} data-status={s} data-count={count}
                        aria-label={t('office.dashboardForms.open', { form: formTitle(formId), status: t(`office.status.${s}`), count })}>
                        {count}
                      </button>
                    </td>
                  );
                })}
                <td className="num">
                  <button type="button" className="btn-link office-count-link" onClick={() => open(formId, null)} data-testid="form-total-count" data-form-id={formId} data-count={total(formId)}>
                    {total(formId)}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <CsvButton
        fileName="counts-by-survey"
        header={[t('office.queue.columns.survey'), ...RECORD_STATUSES.map((s) => t(`office.status.${s}`)), t('office.dashboardForms.total')]}
        rows={forms.map((formId) => [formTitle(formId), ...RECORD_STATUSES.map((s) => byForm[formId]?.[s] ?? 0), total(formId)])}
        testId="counts-by-form-csv"
      />
    </>
  );
}
