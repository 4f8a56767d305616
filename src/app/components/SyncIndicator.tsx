// The header's sync chip (synced / sending / offline / error / log in / refused changes to check) that opens the sync screen.
import { useTranslation } from 'react-i18next';
import { rejectedCount } from '../../data/sync/index.ts';
import { appDb } from '../db.ts';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { navigate } from '../state/routeStore.ts';
import { useSyncStatus } from '../sync.ts';
import { syncChipState } from './syncChipState.ts';

export function SyncIndicator() {
  const { t } = useTranslation();
  const status = useSyncStatus();
  const refused = useLiveQuery(() => rejectedCount(appDb()), []) ?? 0;
  const state = syncChipState(status, refused);
  const label = state === 'attention' ? `${t('header.sync.attention')} ${refused}` : t(`header.sync.${state}`);
  return (
    <button
      type="button"
      className={`sync-chip sync-${state}`}
      data-testid="sync-status"
      data-phase={status.phase}
      data-state={state}
      aria-label={`${t('header.syncLabel')}: ${label}`}
      onClick={() => void navigate({ name: 'sync' })}
    >
      <span aria-hidden="true">⟳</span> {label}
    </button>
  );
}
