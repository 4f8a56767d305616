// Creates the pg Pool: int8 as number, json left as text (shared row mappers parse it), optional search_path for an isolated schema.
import pg from 'pg';
import { StoreError } from '../store-error.ts';

const INT8 = 20;
const JSON_OID = 114;
const JSONB_OID = 3802;

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertSchemaName(schema: string): void {
  if (!SCHEMA_NAME.test(schema)) throw new StoreError('E_STORE_MIGRATION', `invalid schema name "${schema}" (lower-case letters, digits, _)`);
}

export function createPool(url: string, schema?: string, max = 10): pg.Pool {
  if (schema !== undefined) assertSchemaName(schema);
  const pool = new pg.Pool({
    connectionString: url,
    max,
    ...(schema !== undefined ? { options: `-c search_path=${schema}` } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        // Change sequences and sizes stay far below 2^53.
        if (oid === INT8) return (v: string) => Number(v);
        if (oid === JSON_OID || oid === JSONB_OID) return (v: string) => v;
        return pg.types.getTypeParser(oid, format as 'text');
      }) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its connection must not crash the server; the next query reconnects.
  pool.on('error', () => {});
  return pool;
}
