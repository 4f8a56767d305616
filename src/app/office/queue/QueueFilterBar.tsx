// The review queue's filter form: survey, status, assignee, date range, warnings/errors/conflicts and free text (applied on submit).
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RECORD_STATUSES, type RecordStatus } from '../../../protocol/snapshot.ts';
import type { OfficeUser } from '../api/schemas.ts';
import { SurveySelect, UserSelect } from '../shared/FilterSelects.tsx';
import { EMPTY_FILTERS, type QueueFilters } from './queueFilters.ts';

interface Props {
  filters: QueueFilters;
  users: readonly OfficeUser[];
  onChange: (next: QueueFilters) => void;
}

export function QueueFilterBar({ filters, users, onChange }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(filters.q);
  useEffect(() => setText(filters.q), [filters.q]);

  const set = (patch: Partial<QueueFilters>) => onChange({ ...filters, ...patch });
  const toggleStatus = (status: RecordStatus, on: boolean) =>
    set({ statuses: on ? [...filters.statuses, status] : filters.statuses.filter((s) => s !== status) });
  const submitText = (event: FormEvent) => {
    event.preventDefault();
    set({ q: text });
  };

  return (
    <form className="office-filters" onSubmit={submitText} data-testid="queue-filters" aria-label={t('office.queue.filters')}>
      <SurveySelect value={filters.formId} onChange={(formId) => set({ formId })} testId="filter-form" />
      <UserSelect label={t('office.queue.assignee')} users={users} value={filters.assigneeId} onChange={(assigneeId) => set({ assigneeId })} testId="filter-assignee" />
      <label className="office-field">
        <span>{t('office.queue.from')}</span>
        <input type="date" className="input input-date" value={filters.from} max={filters.to || undefined} onChange={(e) => set({ from: e.target.value })} data-testid="filter-from" />
      </label>
      <label className="office-field">
        <span>{t('office.queue.to')}</span>
        <input type="date" className="input input-date" value={filters.to} min={filters.from || undefined} onChange={(e) => set({ to: e.target.value })} data-testid="filter-to" />
      </label>
      <fieldset className="office-field office-statuses">
        <legend>{t('office.queue.status')}</legend>
        <div className="office-checks">
          {RECORD_STATUSES.map((status) => (
            <label key={status} className="choice office-check">
              <input type="checkbox" checked={filters.statuses.includes(status)} onChange={(e) => toggleStatus(status, e.target.checked)} data-testid={`filter-status-${status}`} />
              {t(`office.status.${status}`)}
            </label>
          ))}
        </div>
        {filters.statuses.length === 0 && <span className="hint">{t('office.queue.allStatuses')}</span>}
      </fieldset>
      <fieldset className="office-field office-issue-flags">
        <legend>{t('office.queue.issues')}</legend>
        <div className="office-checks">
          <label className="choice office-check">
            <input type="checkbox" checked={filters.warnings} onChange={(e) => set({ warnings: e.target.checked })} data-testid="filter-warnings" />
            {t('office.queue.warnings')}
          </label>
          <label className="choice office-check">
            <input type="checkbox" checked={filters.errors} onChange={(e) => set({ errors: e.target.checked })} data-testid="filter-errors" />
            {t('office.queue.errors')}
          </label>
          <label className="choice office-check">
            <input type="checkbox" checked={filters.conflicts} onChange={(e) => set({ conflicts: e.target.checked })} data-testid="filter-conflicts" />
            {t('office.queue.conflicts')}
          </label>
        </div>
      </fieldset>
      <div className="office-field office-search">
        <label htmlFor="office-queue-q">{t('office.queue.q')}</label>
        <div className="row">
          <input id="office-queue-q" type="search" className="input" value={text} placeholder={t('office.queue.qPlaceholder')} onChange={(e) => setText(e.target.value)} data-testid="filter-q" />
          <button type="submit" className="btn btn-primary" data-testid="filter-search">
            {t('office.queue.search')}
          </button>
          <button type="button" className="btn btn-ghost" onClick={() => onChange(EMPTY_FILTERS)} data-testid="filter-reset">
            {t('office.queue.reset')}
          </button>
        </div>
      </div>
    </form>
  );
}
