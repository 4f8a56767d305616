// Test helper: a SHA-256 over the stored sync data (records, ops, conflicts, users, blobs) read straight from the SQLite file or a PostgreSQL schema, to prove a request changed nothing.
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { pgQueryOnce } from '../postgres-support.ts';

/** Tables whose rows legitimately change on reads and logins (last-seen, tokens, server clock) are left out. */
const DIGESTED_TABLES: [table: string, key: string][] = [['records', 'id'], ['ops', 'op_id'], ['conflicts', 'id'], ['users', 'id'], ['blobs', 'hash']];

export function storeDigest(dbFile: string): string {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const hash = createHash('sha256');
    for (const [table, key] of DIGESTED_TABLES) {
      const rows = db.prepare(`SELECT * FROM ${table} ORDER BY ${key}`).all();
      hash.update(`${table}:${JSON.stringify(rows)}\n`);
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

/** The same digest over a PostgreSQL schema (rows as PostgreSQL returns them: comparable only with itself). */
export async function postgresStoreDigest(url: string, schema: string): Promise<string> {
  const hash = createHash('sha256');
  for (const [table, key] of DIGESTED_TABLES) {
    const rows = await pgQueryOnce(url, `SELECT * FROM ${table} ORDER BY ${key}`, [], schema);
    hash.update(`${table}:${JSON.stringify(rows)}\n`);
  }
  return hash.digest('hex');
}

export function countRows(dbFile: string, table: string): number {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}
