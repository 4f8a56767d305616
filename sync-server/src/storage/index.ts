// Opens the server's SyncStore from its config: PostgreSQL when a database URL is set, else SQLite in the data folder.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SyncStore } from './sync-store.ts';
import { openSqliteStore } from './sqlite/open-sqlite-store.ts';
import { openPostgresStore } from './postgres/open-postgres-store.ts';

export type * from './sync-store.ts';
export { StoreError } from './store-error.ts';
export { openSqliteStore, openPostgresStore };

export interface OpenStoreOptions {
  /** postgres://… (DATABASE_URL); when set, PostgreSQL is used. */
  databaseUrl?: string;
  /** Folder of the embedded database (GENBA_DATA_DIR); created if missing. */
  dataDir: string;
}

/** Opens and migrates the store; the file is <dataDir>/genba.sqlite for SQLite. */
export async function openStore(opts: OpenStoreOptions): Promise<SyncStore> {
  let store: SyncStore;
  if (opts.databaseUrl) {
    store = await openPostgresStore(opts.databaseUrl);
  } else {
    mkdirSync(opts.dataDir, { recursive: true });
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
