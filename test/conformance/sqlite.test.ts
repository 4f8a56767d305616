// Runs the SyncStore conformance suite against SQLite: a fresh database file per test (two connections model two processes).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../sync-server/src/storage/sqlite/open-sqlite-store.ts';
import { runSyncStoreConformance } from './sync-store.suite.ts';

runSyncStoreConformance('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'genba-sqlite-conf-'));
  return {
    open: () => openSqliteStore(join(dir, 'genba.sqlite')),
    persistent: true,
    destroy: async () => rmSync(dir, { recursive: true, force: true }),
  };
});
