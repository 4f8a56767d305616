// Runs the SyncStore conformance suite against PostgreSQL (GENBA_TEST_PG_URL or postgres://postgres@127.0.0.1:5432/test), a fresh schema per test.
import { describe, it } from 'vitest';
import { runSyncStoreConformance } from './sync-store.suite.ts';
import { pgQueryOnce, postgresTestStore, postgresUnreachable, TEST_PG_URL } from '../postgres-support.ts';

const PG_URL = TEST_PG_URL;

const unreachable = await postgresUnreachable(PG_URL);

if (unreachable !== null) {
  console.warn(`PostgreSQL not reachable at ${PG_URL} (${unreachable}): the PostgreSQL conformance suite was SKIPPED`);
  describe.skip('SyncStore conformance: postgres (SKIPPED: PostgreSQL not reachable)', () => {
    it('needs PostgreSQL', () => {});
  });
} else {
  runSyncStoreConformance('postgres', async () => {
    const { schema, open, destroy } = postgresTestStore('conformance');
    return {
      // Each open() is its own pool: two of them behave like two server processes sharing the database.
      open,
      persistent: true,
      rawExec: async (sql) => {
        await pgQueryOnce(PG_URL, sql, [], schema);
      },
      destroy,
    };
  });
}
