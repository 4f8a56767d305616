// The review queue's rows: record name (opens it), survey, status badge, assignee, last update, revision, errors/warnings and open conflicts.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordListItem } from '../api/schemas.ts';
import { OfficeStatusBadge } from '../shared/OfficeStatusBadge.tsx';
import { shownReviewState } from '../../../protocol/review.ts';
import { shortIds } from '../shared/shortId.ts';

interface Props {
  items: readonly RecordListItem[];
  formTitle: (formId: string) => string;
  userName: (id: string | null) => string;
  dateTime: (iso: string | null | undefined) => string;
  onOpen: (id: string) => void;
}

export function QueueTable({ items, formTitle, userName, dateTime, onOpen }: Props) {
  const { t } = useTranslation();
  const shorts = useMemo(() => shortIds(items.map((item) => item.id)), [items]);
  return (
    <div className="office-table-wrap">
      <table className="office-table" data-testid="queue-table">
        <thead>
          <tr>
            <th scope="col">{t('office.queue.columns.title')}</th>
            <th scope="col">{t('office.queue.columns.survey')}</th>
            <th scope="col">{t('office.queue.columns.status')}</th>
            <th scope="col">{t('office.queue.columns.assignee')}</th>
            <th scope="col">{t('office.queue.columns.updated')}</th>
            <th scope="col" className="num">{t('office.queue.columns.revision')}</th>
            <th scope="col">{t('office.queue.columns.issues')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} data-testid="queue-row" data-record-id={item.id} data-status={shownReviewState(item)}>
              <td>
                <button type="button" className="office-open" onClick={() => onOpen(item.id)} data-testid="queue-open">
                  <span data-testid="queue-title">{item.summary?.title || t('records.untitled')}</span>
                  {item.summary?.subtitle && <span className="office-record-sub" data-testid="queue-subtitle">{item.summary.subtitle}</span>}
                  <span className="mono office-id" data-testid="queue-short-id">{shorts.get(item.id)}</span>
                </button>
              </td>
              <td>{formTitle(item.formId)}</td>
              <td className="office-nowrap">
                <OfficeStatusBadge status={shownReviewState(item)} />
              </td>
              <td>{userName(item.assigneeId ?? item.ownerId)}</td>
              <td className="office-nowrap">{dateTime(item.updatedAt)}</td>
              <td className="num">{item.summary?.revision ?? 0}</td>
              <td>
                <span className="office-issues">
                  {(item.summary?.errorCount ?? 0) > 0 && <span className="badge badge-errors">{t('office.queue.errorCount', { count: item.summary?.errorCount ?? 0 })}</span>}
                  {(item.summary?.warningCount ?? 0) > 0 && <span className="badge badge-warning">{t('office.queue.warningCount', { count: item.summary?.warningCount ?? 0 })}</span>}
                  {item.openConflicts > 0 && (
                    <span className="badge badge-conflict" data-testid="queue-conflicts">
                      {t('office.queue.conflictCount', { count: item.openConflicts })}
                    </span>
                  )}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
