// Runs the SyncStore conformance suite against PostgreSQL (GENBA_TEST_PG_URL or postgres://postgres@127.0.0.1:5432/test), a fresh schema per test.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';
import { openPostgresStore } from '../../sync-server/src/storage/postgres/open-postgres-store.ts';
import { runSyncStoreConformance } from './sync-store.suite.ts';
import { dropSchema, postgresUnreachable, TEST_PG_URL } from '../postgres-support.ts';

const PG_URL = TEST_PG_URL;

const unreachable = await postgresUnreachable(PG_URL);

if (unreachable !== null) {
  console.warn(`PostgreSQL not reachable at ${PG_URL} (${unreachable}): the PostgreSQL conformance suite was SKIPPED`);
  describe.skip('SyncStore conformance: postgres (SKIPPED: PostgreSQL not reachable)', () => {
    it('needs PostgreSQL', () => {});
  });
} else {
  runSyncStoreConformance('postgres', async () => {
    const schema = `conformance_${randomBytes(6).toString('hex')}`;
    return {
      // Each open() is its own pool: two of them behave like two server processes sharing the database.
      open: () => openPostgresStore(PG_URL, { schema, maxConnections: 5 }),
      persistent: true,
      rawExec: async (sql) => {
        const client = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema}` });
        await client.connect();
        try {
          await client.query(sql);
        } finally {
          await client.end();
        }
      },
      destroy: () => dropSchema(PG_URL, schema),
    };
  });
}
