// The app's one SyncClient (same-origin server, tus uploads, browser events) and the hooks the screens use to follow it.
import { useSyncExternalStore } from 'react';
import { DEFAULT_DB_NAME, openDb } from '../data/index.ts';
import { browserEnvironment, currentSession, HttpSyncTransport, SyncClient, TusBlobUploader, type Session, type SyncStatus } from '../data/sync/index.ts';
import { appDb } from './db.ts';
import { useLiveQuery } from './hooks/useLiveQuery.ts';

let transport: HttpSyncTransport | null = null;
let client: SyncClient | null = null;

export function syncTransport(): HttpSyncTransport {
  transport ??= new HttpSyncTransport('');
  return transport;
}

export function syncClient(): SyncClient {
  client ??= new SyncClient({
    db: appDb(),
    // Pulled pages can be pulled again, so they skip the per-commit flush that local edits need.
    pullDb: openDb(DEFAULT_DB_NAME, { durability: 'relaxed' }),
    transport: syncTransport(),
    environment: browserEnvironment(),
    uploader: new TusBlobUploader(''),
  });
  return client;
}

export function useSyncStatus(): SyncStatus {
  const sync = syncClient();
  return useSyncExternalStore((listener) => sync.subscribe(listener), () => sync.getStatus());
}

/** The signed-in user (null when logged out or when the login has expired; undefined while loading). */
export function useSession(): Session | null | undefined {
  return useLiveQuery(async () => (await currentSession(appDb())) ?? null, []);
}

/**
 * Sends what is waiting now rather than at the next automatic sync (after 記入完了): only when signed in and online,
 * otherwise the sync client's own triggers (reconnect, interval) take it.
 */
export function sendNow(): void {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return;
  void currentSession(appDb()).then((session) => {
    if (session) void syncClient().syncNow();
  });
}
