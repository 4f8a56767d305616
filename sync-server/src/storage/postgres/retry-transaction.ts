// Runs one PostgreSQL transaction on a pooled client, re-running it on serialization failure, deadlock or a racing ops insert.
import type pg from 'pg';
import { StoreError } from '../store-error.ts';

export const MAX_ATTEMPTS = 8;

/**
 * 40001 serialization_failure and 40P01 deadlock_detected are safe to retry by definition. A unique violation on the
 * ops primary key means another server process stored the same opId first: re-running lets getOps see it (duplicate).
 */
export function isRetryable(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string };
  return e.code === '40001' || e.code === '40P01' || (e.code === '23505' && e.constraint === 'ops_pkey');
}

/**
 * 22021 character_not_in_repertoire ("invalid byte sequence for encoding UTF8: 0x00") and 22P05
 * untranslatable_character ("\u0000 cannot be converted to text"): PostgreSQL text holds no NUL. Request text
 * reaches text columns as sent (a device label, a username looked up, a reason), so this is the client's input.
 */
function isUnstorableText(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === '22021' || code === '22P05';
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function runTransaction<T>(pool: pg.Pool, body: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await body(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackErr) {
        broken = rollbackErr as Error;
      }
      if (isUnstorableText(err)) throw new StoreError('E_STORE_TEXT', 'a text value holds a character PostgreSQL cannot store (NUL)', { cause: err });
      if (!isRetryable(err)) throw err;
      if (attempt >= MAX_ATTEMPTS) throw new StoreError('E_STORE_RETRIES', `transaction failed ${attempt} times (${(err as Error).message})`, { cause: err });
    } finally {
      client.release(broken);
    }
    await sleep(Math.min(200, 5 * 2 ** attempt) * Math.random());
  }
}
