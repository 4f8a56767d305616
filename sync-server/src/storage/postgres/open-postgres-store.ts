// The scale-out SyncStore: PostgreSQL through a pg Pool; several server processes may share one database.
import type { SyncStore, SyncTx } from '../sync-store.ts';
import { StoreError } from '../store-error.ts';
import { createPool } from './pg-pool.ts';
import { migratePostgres } from './migrate-postgres.ts';
import { createPostgresTx } from './postgres-tx.ts';
import { runTransaction } from './retry-transaction.ts';

export interface PostgresStoreOptions {
  /** Use this schema (created by migrate()) instead of the user's default; tests isolate themselves this way. */
  schema?: string;
  /** Pool size (default 10). */
  maxConnections?: number;
}

/**
 * Opens a pool (no connection is made until first use). Call migrate() before the first transaction.
 * transaction(fn) may RE-RUN fn after a serialization failure or deadlock, so fn must change state only through tx.
 */
export async function openPostgresStore(url: string, opts: PostgresStoreOptions = {}): Promise<SyncStore> {
  const pool = createPool(url, opts.schema, opts.maxConnections);
  let closed = false;
  const ensureOpen = () => {
    if (closed) throw new StoreError('E_STORE_CLOSED', 'the store is closed');
  };
  return {
    kind: 'postgres',
    async migrate() {
      ensureOpen();
      await migratePostgres(pool, opts.schema);
    },
    async transaction<T>(fn: (tx: SyncTx) => Promise<T>): Promise<T> {
      ensureOpen();
      return runTransaction(pool, async (client) => {
        const { tx, beforeCommit } = createPostgresTx(client);
        const result = await fn(tx);
        await beforeCommit();
        return result;
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
