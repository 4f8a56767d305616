// Runs the back-office part of the conformance suite against the in-memory test store, so tests using it see the SQL adapters' semantics.
import { beforeEach, describe } from 'vitest';
import type { SyncTx } from '../../sync-server/src/storage/sync-store.ts';
import { openMemoryStore, type MemoryStore } from '../sync/memory-store.ts';
import { describeBackOfficeConformance } from './back-office.suite.ts';
import { describeBlobAccessConformance } from './blob-access.suite.ts';

describe('memory test store: back-office conformance', () => {
  let store: MemoryStore;
  beforeEach(() => {
    store = openMemoryStore();
  });
  describeBackOfficeConformance({ tx: <T>(fn: (tx: SyncTx) => Promise<T>) => store.transaction(fn), rawExec: null });
  describeBlobAccessConformance({ tx: <T>(fn: (tx: SyncTx) => Promise<T>) => store.transaction(fn), remigrate: null });
});
