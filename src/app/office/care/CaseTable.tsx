// The case list: status, dates, both KPIs per case, the assessor (reassignable) and a link to the case's 調査票 in the record view; downloadable as CSV.
import { useTranslation } from 'react-i18next';
import { navigate } from '../../state/routeStore.ts';
import type { CaseRow } from '../../../protocol/care/case-list.ts';
import type { OfficeUser } from '../api/schemas.ts';
import { CsvButton } from '../shared/CsvButton.tsx';
import { CaseAssign } from './CaseAssign.tsx';
import { daysText, plannedVisitText } from './caseFormat.ts';

interface Props {
  rows: readonly CaseRow[];
  assessors: readonly OfficeUser[];
  onAssigned: (row: CaseRow) => void;
}

/** The case's 認定調査票 in the record view (revisions, review, 調査票PDF), once the tablet has synced it. */
function AssessmentLink({ assessmentId }: { assessmentId: string | null }) {
  const { t } = useTranslation();
  if (assessmentId === null) return <span className="muted">{t('office.care.noAssessment')}</span>;
  return (
    <button type="button" className="btn btn-ghost" onClick={() => void navigate({ name: 'office-record', recordId: assessmentId })} data-testid="care-open-assessment">
      {t('office.care.openAssessment')}
    </button>
  );
}

export function CaseTable({ rows, assessors, onAssigned }: Props) {
  const { t } = useTranslation();
  const header = [
    t('office.care.field.caseNumber'), t('office.care.field.name'), t('office.care.field.applicationType'), t('office.care.columns.status'),
    t('office.care.columns.applicationDate'), t('office.care.columns.plannedVisit'), t('office.care.columns.visitDate'), t('office.care.columns.finishedDate'),
    t('office.care.columns.daysToVisit'), t('office.care.columns.daysToFinish'), t('office.care.columns.assignee'),
  ];
  const csvRows = rows.map((r) => [
    r.caseNumber, r.name, r.applicationType ? t(`office.care.applicationType.${r.applicationType}`) : '', t(`office.care.status.${r.status}`),
    r.applicationDate, r.plannedVisit ? plannedVisitText(r.plannedVisit) : '', r.visitDate, r.finishedDate, r.daysToVisit, r.daysToFinish, r.assigneeName ?? r.assigneeId,
  ]);
  return (
    <>
      <div className="office-table-wrap">
        <table className="office-table office-care-table" data-testid="care-table">
          <thead>
            <tr>
              <th scope="col">{t('office.care.columns.caseNumber')}</th>
              <th scope="col">{t('office.care.columns.status')}</th>
              <th scope="col">{t('office.care.columns.applicationDate')}</th>
              <th scope="col">{t('office.care.columns.plannedVisit')}</th>
              <th scope="col">{t('office.care.columns.visitDate')}</th>
              <th scope="col">{t('office.care.columns.finishedDate')}</th>
              <th scope="col" className="num">{t('office.care.columns.daysToVisit')}</th>
              <th scope="col" className="num">{t('office.care.columns.daysToFinish')}</th>
              <th scope="col">{t('office.care.columns.assignee')}</th>
              <th scope="col">{t('office.care.columns.assessment')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-testid="care-row" data-case-id={row.id} data-case-number={row.caseNumber ?? ''} data-status={row.status}>
                <th scope="row" className="office-care-case">
                  <span>{row.caseNumber ?? '—'}</span>
                  <span className="office-id">
                    {row.name ?? ''}
                    {row.applicationType ? ` · ${t(`office.care.applicationType.${row.applicationType}`)}` : ''}
                  </span>
                </th>
                <td className="office-nowrap">
                  <span className={`badge badge-care-${row.status}`} data-testid="care-status">
                    {t(`office.care.status.${row.status}`)}
                  </span>
                </td>
                <td className="office-nowrap">{row.applicationDate ?? '—'}</td>
                <td className="office-nowrap">{plannedVisitText(row.plannedVisit)}</td>
                <td className="office-nowrap">{row.visitDate ?? '—'}</td>
                <td className="office-nowrap">{row.finishedDate ?? '—'}</td>
                <td className="num" data-testid="care-days-to-visit">{daysText(row.daysToVisit)}</td>
                <td className="num" data-testid="care-days-to-finish">{daysText(row.daysToFinish)}</td>
                <td>
                  <CaseAssign row={row} assessors={assessors} onAssigned={onAssigned} />
                </td>
                <td>
                  <AssessmentLink assessmentId={row.assessmentId} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="row">
        <CsvButton fileName="care-cases" header={header} rows={csvRows} testId="care-table-csv" />
      </div>
    </>
  );
}
