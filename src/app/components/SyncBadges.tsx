// A record's sync badges in the list: conflict / refused / unsent / synced, and "photos pending" until the server holds every photo.
import { useTranslation } from 'react-i18next';
import type { RecordSyncInfo } from '../../data/sync/index.ts';

export function SyncBadges({ info }: { info: RecordSyncInfo | undefined }) {
  const { t } = useTranslation();
  if (!info) return null;
  return (
    <>
      <span className={`badge badge-sync-${info.state}`} data-testid="sync-badge" data-sync-state={info.state}>
        {t(`records.sync.${info.state}`)}
      </span>
      {info.photosPending && (
        <span className="badge badge-photos-pending" data-testid="photos-pending">
          {t('records.sync.photosPending')}
        </span>
      )}
    </>
  );
}
