// PostgreSQL for tests and benchmarks: which server to use, whether it answers (so a suite can say it SKIPPED), and dropping a throwaway schema.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgresStore } from '../sync-server/src/storage/postgres/open-postgres-store.ts';

export const TEST_PG_URL = process.env.GENBA_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const BENCH_PG_URL = process.env.GENBA_BENCH_PG_URL ?? TEST_PG_URL;

/** null when PostgreSQL at `url` answers a query; otherwise why not (for the SKIPPED message). */
export async function postgresUnreachable(url: string, timeoutMs = 3000): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (err) {
    return (err as Error).message;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Runs one statement on its own connection (to `url`, with `schema` as the search path when given) and returns its rows. */
export async function pgQueryOnce<T extends pg.QueryResultRow = pg.QueryResultRow>(url: string, sql: string, params: unknown[] = [], schema?: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export async function dropSchema(url: string, schema: string): Promise<void> {
  await pgQueryOnce(url, `DROP SCHEMA IF EXISTS ${schema} CASCADE`);
}

/** A throwaway schema `<prefix>_<random>` on the test PostgreSQL, as a test server's store (startTestServer's `store` option). */
export function postgresTestStore(prefix: string) {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  return {
    schema,
    open: () => openPostgresStore(TEST_PG_URL, { schema, maxConnections: 5 }),
    destroy: () => dropSchema(TEST_PG_URL, schema),
  };
}
