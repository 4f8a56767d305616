// PostgreSQL's trigram index for the review list's text filter: created by the migration where pg_trgm may be created, and skipped with a NOTICE (never a failed start) where it may not.
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../sync-server/src/storage/postgres/open-postgres-store.ts';
import { pgQueryOnce, postgresTestStore, postgresUnreachable, TEST_PG_URL } from '../postgres-support.ts';

const unreachable = await postgresUnreachable(TEST_PG_URL);
if (unreachable !== null) console.warn(`PostgreSQL not reachable at ${TEST_PG_URL} (${unreachable}): the trigram index tests were SKIPPED`);

const trigramIndexIn = (url: string, schema: string) =>
  pgQueryOnce<{ indexdef: string }>(url, `SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND indexname = 'records_search_trgm'`, [schema]);

describe.skipIf(unreachable !== null)('PostgreSQL review-list text index', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  });

  it('the migration builds a trigram GIN index on records.search_text, with the extension outside the store schema', async () => {
    const { schema, open, destroy } = postgresTestStore('trgm');
    cleanups.push(destroy);
    const store = await open();
    try {
      await store.migrate();
      const [index] = await trigramIndexIn(TEST_PG_URL, schema);
      expect(index?.indexdef).toMatch(/USING gin \(search_text \S*gin_trgm_ops\)/);
      // Outside the store's schema, so dropping that schema cannot drop the extension from under other stores.
      const [ext] = await pgQueryOnce<{ nspname: string }>(TEST_PG_URL, `SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'`);
      expect(ext?.nspname).toBeDefined();
      expect(ext?.nspname).not.toBe(schema);
    } finally {
      await store.close();
    }
  });

  it('where pg_trgm may not be created, the migration succeeds without the index', async () => {
    // A database without pg_trgm, migrated by a role that may not create extensions there (no CREATE on the database).
    const suffix = randomBytes(5).toString('hex');
    const database = `genba_trgm_${suffix}`;
    const role = `genba_trgm_${suffix}`;
    try {
      await pgQueryOnce(TEST_PG_URL, `CREATE DATABASE ${database}`);
      await pgQueryOnce(TEST_PG_URL, `CREATE ROLE ${role} LOGIN`);
    } catch (err) {
      console.warn(`cannot create a database and a role here (${(err as Error).message}): the no-privilege case was SKIPPED`);
      return;
    }
    const adminUrl = new URL(TEST_PG_URL);
    adminUrl.pathname = `/${database}`;
    cleanups.push(async () => {
      await pgQueryOnce(TEST_PG_URL, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await pgQueryOnce(TEST_PG_URL, `DROP ROLE IF EXISTS ${role}`);
    });
    await pgQueryOnce(adminUrl.href, `REVOKE CREATE ON DATABASE ${database} FROM PUBLIC`);
    await pgQueryOnce(adminUrl.href, `CREATE SCHEMA app AUTHORIZATION ${role}`);
    const roleUrl = new URL(adminUrl.href);
    roleUrl.username = role;
    roleUrl.password = '';
    const store = await openPostgresStore(roleUrl.href, { schema: 'app' });
    try {
      await store.migrate();
      expect(await trigramIndexIn(adminUrl.href, 'app')).toEqual([]);
      expect(await pgQueryOnce(adminUrl.href, `SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'`)).toEqual([]);
      // The store works: the migrations are recorded and a transaction runs.
      const applied = await pgQueryOnce<{ id: string }>(adminUrl.href, 'SELECT id FROM app.schema_migrations ORDER BY id');
      expect(applied.map((r) => r.id)).toContain('2026-12-01-search-trigram');
    } finally {
      await store.close();
    }
  });
});
