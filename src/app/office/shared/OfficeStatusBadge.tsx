// A record's review status (下書き, 審査待ち, 差し戻し, 承認済み) as a coloured badge.
import { useTranslation } from 'react-i18next';

export function OfficeStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${status}`} data-testid="office-status" data-status={status}>
      {t(`office.status.${status}`, { defaultValue: status })}
    </span>
  );
}
