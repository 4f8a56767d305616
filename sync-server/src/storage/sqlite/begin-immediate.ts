// Takes SQLite's write lock (BEGIN IMMEDIATE), waiting asynchronously while another connection holds it.
import type Database from 'better-sqlite3';
import { StoreError } from '../store-error.ts';

/** How long a transaction waits for the write lock before failing with E_STORE_BUSY. */
export const WRITE_LOCK_WAIT_MS = 15_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * busy_timeout would wait synchronously and freeze the event loop, so a second connection in the SAME process
 * (tests, benchmarks) could never let the holder finish. We use busy_timeout=0 and retry here with jitter.
 */
export async function beginImmediate(db: Database.Database): Promise<void> {
  const deadline = Date.now() + WRITE_LOCK_WAIT_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      db.exec('BEGIN IMMEDIATE');
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== 'SQLITE_BUSY') throw err;
      if (Date.now() > deadline) throw new StoreError('E_STORE_BUSY', `the database stayed locked by another writer for ${WRITE_LOCK_WAIT_MS} ms`, { cause: err });
      await sleep(Math.min(50, 1 + attempt) * (0.5 + Math.random()));
    }
  }
}
