// A record's status as a coloured badge: draft, has errors, ready to send, submitted, approved, returned for correction.
import { useTranslation } from 'react-i18next';
import { displayStatus, type DisplayStatus, type ServerVerdict } from '../recordStatus.ts';

export function StatusBadge({ status, errorCount, returned = false, approved = false }: { status: string; errorCount: number } & ServerVerdict) {
  const { t } = useTranslation();
  const display: DisplayStatus = displayStatus(status, errorCount, { returned, approved });
  return (
    <span className={`badge badge-${display}`} data-testid="status-badge" data-status={display}>
      {t(`status.${display}`)}
    </span>
  );
}
