// 認定申請 (issue 5, point 6): the care cases with status and KPIs, filtered by status and assessor; create and reassign cases; the certification CSV; each case links to its 調査票.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listCareCases } from '../api/officeApi.ts';
import type { CaseRow } from '../../../protocol/care/case-list.ts';
import { CASE_STATUSES } from '../../../protocol/care/case-requests.ts';
import { ErrorNotice } from '../shared/ErrorNotice.tsx';
import { rememberQuery } from '../shared/lastQuery.ts';
import { useOfficeData } from '../shared/useOfficeData.ts';
import { useUrlQuery } from '../shared/useUrlQuery.ts';
import { useUsers } from '../shared/useUsers.ts';
import { CareExport } from './CareExport.tsx';
import { careApiQuery, careFiltersFromQuery, careFiltersToQuery, type CareFilters } from './careFilters.ts';
import { CaseCreateForm } from './CaseCreateForm.tsx';
import { CaseSummary } from './CaseSummary.tsx';
import { CaseTable } from './CaseTable.tsx';

/** Only enabled assessor accounts take cases (the server refuses others with E_CARE_ASSIGNEE). */
const ASSESSOR_ROLE = 'care_assessor';

export function CareCasesScreen() {
  const { t } = useTranslation();
  const [query, setQuery] = useUrlQuery();
  const filters = useMemo(() => careFiltersFromQuery(query), [query]);
  useEffect(() => rememberQuery('care', query), [query]);
  const apiQuery = careApiQuery(filters).toString();
  const list = useOfficeData(() => listCareCases(new URLSearchParams(apiQuery)), [apiQuery]);
  const users = useUsers();
  const assessors = useMemo(() => users.filter((u) => u.role === ASSESSOR_ROLE), [users]);
  const [done, setDone] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const set = (patch: Partial<CareFilters>) => setQuery(careFiltersToQuery({ ...filters, ...patch }));

  const created = (row: CaseRow) => {
    setDone(t('office.care.create.done', { caseNumber: row.caseNumber ?? row.id, name: row.assigneeName ?? '' }));
    setCreating(false);
    list.reload();
  };
  const assigned = (row: CaseRow) => {
    setDone(t('office.care.reassigned', { caseNumber: row.caseNumber ?? row.id, name: row.assigneeName ?? '' }));
    list.reload();
  };

  return (
    <section className="screen office-screen" data-testid="office-care">
      <div className="row office-list-head">
        <h2 className="screen-title">{t('office.care.title')}</h2>
        <button type="button" className="btn btn-primary" onClick={() => setCreating((c) => !c)} aria-expanded={creating} data-testid="care-create-toggle">
          {creating ? t('office.care.create.close') : t('office.care.create.title')}
        </button>
      </div>
      {done && (
        <p className="notice office-done" role="status" data-testid="care-done">
          {done}
        </p>
      )}
      {creating && <CaseCreateForm assessors={assessors} onCreated={created} />}
      <div className="office-filters">
        <label className="office-field">
          <span>{t('office.care.columns.status')}</span>
          <select className="input" value={filters.status} onChange={(e) => set({ status: e.target.value as CareFilters['status'] })} data-testid="care-filter-status">
            <option value="">{t('office.care.allStatuses')}</option>
            {CASE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`office.care.status.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="office-field">
          <span>{t('office.care.columns.assignee')}</span>
          <select className="input" value={filters.assigneeId} onChange={(e) => set({ assigneeId: e.target.value })} data-testid="care-filter-assessor">
            <option value="">{t('office.care.anyAssessor')}</option>
            {assessors.map((assessor) => (
              <option key={assessor.id} value={assessor.id}>
                {assessor.displayName}
              </option>
            ))}
          </select>
        </label>
      </div>
      {list.error && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {list.loading && !list.data && <p className="loading">{t('app.loading')}</p>}
      {list.data && (
        <>
          {list.data.truncated && <p className="notice">{t('office.care.truncated')}</p>}
          <CaseSummary summary={list.data.summary} />
          <p className="office-count" role="status" data-testid="care-total" data-total={list.data.cases.length}>
            {t('office.care.shown', { count: list.data.cases.length })}
          </p>
          {list.data.cases.length === 0 ? (
            <p className="empty">{t('office.care.empty')}</p>
          ) : (
            <CaseTable rows={list.data.cases} assessors={assessors} onAssigned={assigned} />
          )}
        </>
      )}
      <CareExport />
    </section>
  );
}
