// A record's status as a coloured badge: draft, has errors, ready to send, submitted.
import { useTranslation } from 'react-i18next';
import { displayStatus, type DisplayStatus } from '../recordStatus.ts';

export function StatusBadge({ status, errorCount }: { status: string; errorCount: number }) {
  const { t } = useTranslation();
  const display: DisplayStatus = displayStatus(status, errorCount);
  return (
    <span className={`badge badge-${display}`} data-testid="status-badge" data-status={display}>
      {t(`status.${display}`)}
    </span>
  );
}
