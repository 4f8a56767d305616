// Test helper: a SHA-256 over the stored sync data (records, ops, conflicts, users, blobs) read straight from the SQLite file, to prove a request changed nothing.
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

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

export function countRows(dbFile: string, table: string): number {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}
