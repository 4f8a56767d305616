// The app's one SyncClient (same-origin server, tus uploads, browser events) and the hooks the screens use to follow it.
import { useSyncExternalStore } from 'react';
import { DEFAULT_DB_NAME, getSetting, openDb } from '../data/index.ts';
import { browserEnvironment, HttpSyncTransport, SyncClient, TusBlobUploader, type Session, type SyncStatus } from '../data/sync/index.ts';
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

/** The signed-in user (null when logged out; undefined while loading). */
export function useSession(): Session | null | undefined {
  return useLiveQuery(async () => (await getSetting(appDb(), 'session')) ?? null, []);
}
