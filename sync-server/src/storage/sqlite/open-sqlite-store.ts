// The embedded SyncStore: better-sqlite3 in WAL mode, one writer at a time (BEGIN IMMEDIATE), async SyncTx over a sync driver.
import Database from 'better-sqlite3';
import type { SyncStore, SyncTx } from '../sync-store.ts';
import { AsyncMutex } from '../async-mutex.ts';
import { StoreError } from '../store-error.ts';
import { beginImmediate } from './begin-immediate.ts';
import { migrateSqlite } from './migrate-sqlite.ts';
import { createSqliteTx, prepareSqliteStatements, type SqliteStatements } from './sqlite-tx.ts';

export interface SqliteStoreOptions {
  /**
   * 'full' (default): fsync at every commit, so an acknowledged push survives a power cut. 'normal': WAL commits
   * survive a process crash (SIGKILL) but the last ones may roll back on power loss; about twice the ingest
   * rate on slow disks. Only for deployments that accept that.
   */
  synchronous?: 'full' | 'normal';
}

/**
 * Opens (creating if needed) the database file, or ':memory:'. Call migrate() before the first transaction.
 * transaction() calls on one store run one after another (FIFO); do not call transaction() inside a transaction.
 */
export async function openSqliteStore(file: string, opts: SqliteStoreOptions = {}): Promise<SyncStore> {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(opts.synchronous === 'normal' ? 'synchronous = NORMAL' : 'synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // 64 MiB of page cache keeps the index pages of ~100,000 records in memory during a long initial sync.
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  db.pragma('busy_timeout = 0');
  const mutex = new AsyncMutex();
  let statements: SqliteStatements | null = null;
  let closed = false;

  return {
    kind: 'sqlite',
    async migrate() {
      if (closed) throw new StoreError('E_STORE_CLOSED', 'the store is closed');
      await mutex.run(() => migrateSqlite(db));
    },
    transaction<T>(fn: (tx: SyncTx) => Promise<T>): Promise<T> {
      return mutex.run(async () => {
        if (closed) throw new StoreError('E_STORE_CLOSED', 'the store is closed');
        statements ??= prepareSqliteStatements(db);
        const { tx, beforeCommit } = createSqliteTx(db, statements);
        await beginImmediate(db);
        try {
          const result = await fn(tx);
          beforeCommit();
          db.exec('COMMIT');
          return result;
        } catch (err) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw err;
        }
      });
    },
    async close() {
      await mutex.run(async () => {
        if (closed) return;
        closed = true;
        db.close();
      });
    },
  };
}
