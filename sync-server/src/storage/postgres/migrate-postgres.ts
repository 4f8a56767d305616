// Applies the PostgreSQL migrations not yet recorded in schema_migrations, under an advisory lock so concurrent server starts do not race.
import type pg from 'pg';
import { postgresMigrations, type Migration } from '../migrations/index.ts';
import { StoreError } from '../store-error.ts';
import { runTransaction } from './retry-transaction.ts';

const MIGRATION_LOCK_CLASS = 0x6d6967; // "mig"

export async function migratePostgres(pool: pg.Pool, schema: string | undefined, migrations: readonly Migration[] = postgresMigrations): Promise<string[]> {
  // A role may own its schema without the right to create schemas (CREATE on the database), and CREATE SCHEMA IF NOT
  // EXISTS checks that right even when the schema exists: ask first.
  const schemaExists = schema !== undefined && (await pool.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])).rowCount === 1;
  if (schema !== undefined && !schemaExists) {
    try {
      await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } catch (err) {
      // Two processes creating the schema at the same moment: the loser sees a duplicate; the schema exists either way.
      if (!['23505', '42P06'].includes((err as { code?: string }).code ?? '')) throw err;
    }
  }
  return runTransaction(pool, async (client) => {
    await client.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_CLASS}, hashtext(current_schema()))`);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
    const done = new Set((await client.query<{ id: string }>('SELECT id FROM schema_migrations')).rows.map((r) => r.id));
    const applied: string[] = [];
    for (const m of [...migrations].sort((a, b) => a.id.localeCompare(b.id))) {
      if (done.has(m.id)) continue;
      try {
        await client.query(m.sql);
      } catch (err) {
        throw new StoreError('E_STORE_MIGRATION', `migration ${m.id} failed: ${(err as Error).message}`, { cause: err });
      }
      await client.query('INSERT INTO schema_migrations (id, applied_at) VALUES ($1, $2)', [m.id, new Date().toISOString()]);
      applied.push(m.id);
    }
    return applied;
  });
}
