// Audit entries as a table (when, who, what, which record, details) with a CSV button; used by the audit screen and the record view.
import { useTranslation } from 'react-i18next';
import { navigate } from '../../state/routeStore.ts';
import type { AuditEntry } from '../api/schemas.ts';
import { CsvButton } from './CsvButton.tsx';
import { useDateTime } from './useFormat.ts';

function detailText(detail: Record<string, unknown>): string {
  const entries = Object.entries(detail);
  if (entries.length === 0) return '';
  return entries.map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`).join(' / ');
}

export function AuditTable({ entries, compact = false, fileName }: { entries: readonly AuditEntry[]; compact?: boolean; fileName: string }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const actionText = (action: string) => t(`office.auditAction.${action}`, { defaultValue: action });
  if (entries.length === 0) return <p className="muted">{t('office.audit.empty')}</p>;
  const csv = (
    <CsvButton
      fileName={fileName}
      header={[t('office.audit.columns.at'), t('office.audit.columns.actor'), t('office.audit.columns.action'), t('office.audit.columns.record'), t('office.audit.columns.detail'), t('office.audit.columns.ip')]}
      rows={entries.map((e) => [e.at, e.actor, actionText(e.action), e.recordId, detailText(e.detail), e.ip])}
      testId="audit-csv"
    />
  );
  // A narrow side panel (the record view) gets a list: a table's detail column would be a few characters wide.
  if (compact) {
    return (
      <>
        <ul className="office-audit-list" data-testid="audit-table">
          {entries.map((entry) => (
            <li key={entry.seq} data-testid="audit-row" data-action={entry.action}>
              <span className="office-audit-head">
                <strong>{actionText(entry.action)}</strong> <span>{entry.actor}</span> <span className="muted">{dateTime(entry.at)}</span>
              </span>
              {Object.keys(entry.detail).length > 0 && <span className="office-detail">{detailText(entry.detail)}</span>}
            </li>
          ))}
        </ul>
        {csv}
      </>
    );
  }
  return (
    <>
      <div className="office-table-wrap">
        <table className="office-table" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">{t('office.audit.columns.at')}</th>
              <th scope="col">{t('office.audit.columns.actor')}</th>
              <th scope="col">{t('office.audit.columns.action')}</th>
              <th scope="col">{t('office.audit.columns.record')}</th>
              <th scope="col">{t('office.audit.columns.detail')}</th>
              <th scope="col">{t('office.audit.columns.ip')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.seq} data-testid="audit-row" data-action={entry.action}>
                <td>{dateTime(entry.at)}</td>
                <td>{entry.actor}</td>
                <td>{actionText(entry.action)}</td>
                <td>
                  {entry.recordId ? (
                    <button type="button" className="btn-link mono" onClick={() => void navigate({ name: 'office-record', recordId: entry.recordId ?? '' })}>
                      {entry.recordId.slice(0, 8)}
                    </button>
                  ) : (
                    '—'
                  )}
                </td>
                <td className="office-detail">{detailText(entry.detail)}</td>
                <td className="mono">{entry.ip ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {csv}
    </>
  );
}
