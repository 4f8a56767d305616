// Applies the SQLite migrations not yet recorded in schema_migrations, all in one write transaction (idempotent, safe across processes).
import type Database from 'better-sqlite3';
import { sqliteMigrations, type Migration } from '../migrations/index.ts';
import { StoreError } from '../store-error.ts';
import { beginImmediate } from './begin-immediate.ts';

export async function migrateSqlite(db: Database.Database, migrations: readonly Migration[] = sqliteMigrations): Promise<string[]> {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  await beginImmediate(db);
  const applied: string[] = [];
  try {
    const done = new Set((db.prepare('SELECT id FROM schema_migrations').all() as { id: string }[]).map((r) => r.id));
    const record = db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)');
    for (const m of [...migrations].sort((a, b) => a.id.localeCompare(b.id))) {
      if (done.has(m.id)) continue;
      try {
        db.exec(m.sql);
      } catch (err) {
        throw new StoreError('E_STORE_MIGRATION', `migration ${m.id} failed: ${(err as Error).message}`, { cause: err });
      }
      record.run(m.id, new Date().toISOString());
      applied.push(m.id);
    }
    db.exec('COMMIT');
    return applied;
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  }
}
