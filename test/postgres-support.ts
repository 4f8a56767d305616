// PostgreSQL for tests and benchmarks: which server to use, whether it answers (so a suite can say it SKIPPED), and dropping a throwaway schema.
import pg from 'pg';

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

export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
