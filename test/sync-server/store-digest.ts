// Test helper: a SHA-256 over the stored sync data (records, ops, conflicts, users, blobs) read straight from the SQLite file or a PostgreSQL schema, to prove a request changed nothing.
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { pgQueryOnce } from '../postgres-support.ts';

/** Tables whose rows legitimately change on reads and logins (last-seen, tokens, server clock) are left out. */
const DIGESTED_TABLES: [table: string, key: string][] = [['records', 'id'], ['ops', 'op_id'], ['conflicts', 'id'], ['users', 'id'], ['blobs', 'hash']];
const DIGEST_QUERIES = DIGESTED_TABLES.map(([table, key]) => ({ table, sql: `SELECT * FROM ${table} ORDER BY ${key}` }));

/** One hash over every digested table's rows, in DIGESTED_TABLES order. */
function digestOf(rowsPerTable: readonly unknown[][]): string {
  const hash = createHash('sha256');
  DIGEST_QUERIES.forEach(({ table }, i) => hash.update(`${table}:${JSON.stringify(rowsPerTable[i])}\n`));
  return hash.digest('hex');
}

export function storeDigest(dbFile: string): string {
  return sqliteDigest(dbFile, DIGEST_QUERIES.map(({ sql }) => sql));
}

/** A SHA-256 over the rows the given queries read from the SQLite file (each query's text is part of the hash). */
export function sqliteDigest(dbFile: string, queries: readonly string[]): string {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const hash = createHash('sha256');
    for (const sql of queries) hash.update(`${sql}\n${JSON.stringify(db.prepare(sql).all())}\n`);
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

/** The same digest over a PostgreSQL schema (rows as PostgreSQL returns them: comparable only with itself). */
export async function postgresStoreDigest(url: string, schema: string): Promise<string> {
  const rowsPerTable: unknown[][] = [];
  for (const { sql } of DIGEST_QUERIES) rowsPerTable.push(await pgQueryOnce(url, sql, [], schema));
  return digestOf(rowsPerTable);
}

export function countRows(dbFile: string, table: string): number {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}
