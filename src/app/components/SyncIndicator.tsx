// The header's sync chip (synced / sending / offline / error / log in) that opens the sync screen.
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../data/sync/index.ts';
import { navigate } from '../state/routeStore.ts';
import { useSyncStatus } from '../sync.ts';

export type SyncChipState = SyncStatus['phase'] | 'never';

/** Idle but never synced in this session reads "not synced", not "synced". */
export function syncChipState(status: Pick<SyncStatus, 'phase' | 'lastSuccessAt'>): SyncChipState {
  return status.phase === 'idle' && !status.lastSuccessAt ? 'never' : status.phase;
}

export function SyncIndicator() {
  const { t } = useTranslation();
  const status = useSyncStatus();
  const state = syncChipState(status);
  return (
    <button
      type="button"
      className={`sync-chip sync-${state}`}
      data-testid="sync-status"
      data-phase={status.phase}
      aria-label={`${t('header.syncLabel')}: ${t(`header.sync.${state}`)}`}
      onClick={() => void navigate({ name: 'sync' })}
    >
      <span aria-hidden="true">⟳</span> {t(`header.sync.${state}`)}
    </button>
  );
}
