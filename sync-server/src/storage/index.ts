// Opens the server's SyncStore from its config: PostgreSQL when a database URL is set, else SQLite in the data folder.
import { join } from 'node:path';
import type { SyncStore } from './sync-store.ts';
import { prepareDataDir } from './data-dir.ts';
import { openSqliteStore } from './sqlite/open-sqlite-store.ts';
import { openPostgresStore } from './postgres/open-postgres-store.ts';

export type * from './sync-store.ts';
export { StoreError } from './store-error.ts';
export { openSqliteStore, openPostgresStore };

export interface OpenStoreOptions {
  /** postgres://… (DATABASE_URL); when set, PostgreSQL is used. */
  databaseUrl?: string;
  /** Folder of the embedded database and blobs (GENBA_DATA_DIR); created if missing, owner-only (data-dir.ts). */
  dataDir: string;
}

/** Opens and migrates the store; the file is <dataDir>/genba.sqlite for SQLite. */
export async function openStore(opts: OpenStoreOptions): Promise<SyncStore> {
  let store: SyncStore;
  // Blobs live in the data folder with PostgreSQL too.
  prepareDataDir(opts.dataDir);
  if (opts.databaseUrl) {
    store = await openPostgresStore(opts.databaseUrl);
  } else {
    store = await openSqliteStore(join(opts.dataDir, 'genba.sqlite'));
  }
  try {
    await store.migrate();
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}
