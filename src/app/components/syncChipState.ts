// What the header's sync chip says, from the sync status and the count of refused changes (pure, for tests).
import type { SyncStatus } from '../../data/sync/syncStatus.ts';

export type SyncChipState = SyncStatus['phase'] | 'never' | 'signedOut' | 'attention' | 'revoked';

/**
 * What the chip says. Never "synced" while the server refused changes (they need a person: 'attention'); idle but never
 * synced reads "not synced"; not having logged in yet is a plain state, not an alarm ('signedOut', neutral) — only an
 * expired login or a blocked tablet is ('unauthenticated').
 */
export function syncChipState(status: Pick<SyncStatus, 'phase' | 'lastSuccessAt' | 'lastError'>, refused = 0): SyncChipState {
  if (status.phase === 'unauthenticated' && status.lastError?.code === 'E_NOT_LOGGED_IN') return 'signedOut';
  // A blocked tablet: logging in again will not help, so the chip does not say "log in".
  if (status.phase === 'unauthenticated' && status.lastError?.code === 'E_DEVICE_REVOKED') return 'revoked';
  if (status.phase === 'idle' && refused > 0) return 'attention';
  return status.phase === 'idle' && !status.lastSuccessAt ? 'never' : status.phase;
}
