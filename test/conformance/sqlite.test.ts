// Runs the SyncStore conformance suite against SQLite: a fresh database file per test (two connections model two processes; a raw one checks the schema).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../sync-server/src/storage/sqlite/open-sqlite-store.ts';
import { runSyncStoreConformance } from './sync-store.suite.ts';

runSyncStoreConformance('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'genba-sqlite-conf-'));
  const file = join(dir, 'genba.sqlite');
  return {
    open: () => openSqliteStore(file),
    persistent: true,
    destroy: async () => rmSync(dir, { recursive: true, force: true }),
    rawExec: async (sql) => {
      const db = new Database(file);
      try {
        db.exec(sql);
      } finally {
        db.close();
      }
    },
  };
});
