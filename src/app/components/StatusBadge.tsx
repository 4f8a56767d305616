// A record's status as a coloured badge: draft, has errors, ready to send, submitted, returned for correction.
import { useTranslation } from 'react-i18next';
import { displayStatus, type DisplayStatus } from '../recordStatus.ts';

export function StatusBadge({ status, errorCount, returned = false }: { status: string; errorCount: number; returned?: boolean }) {
  const { t } = useTranslation();
  const display: DisplayStatus = displayStatus(status, errorCount, returned);
  return (
    <span className={`badge badge-${display}`} data-testid="status-badge" data-status={display}>
      {t(`status.${display}`)}
    </span>
  );
}
