// Serializes start-up work (migrate + first-start seed) across server processes sharing one PostgreSQL, with an advisory lock.
import pg from 'pg';

/** Arbitrary constant naming Genba's start-up lock in pg_advisory_lock's key space. */
const STARTUP_LOCK_KEY = 4_206_221_001;

/** SQLite needs no lock here: BEGIN IMMEDIATE already serializes the seed's check-and-create. */
export async function withStartupLock<T>(databaseUrl: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!databaseUrl) return work();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
    return await work();
  } finally {
    // Closing the session releases the lock even if the unlock query fails.
    await client.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}
