// Password hashing with scrypt (node:crypto): slow on purpose, salted, parameters kept in the hash, constant-time compare.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface ScryptCost {
  /** CPU/memory cost, a power of two. 2^17 (OWASP's current minimum for r = 8) takes ~0.35 s and 128 MiB here. */
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };
/** The cost of hashes made before 2026-12 (and of the demo accounts): still verified, replaced at the next login. */
export const LEGACY_SCRYPT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  // maxmem must exceed 128 * N * r bytes (128 MiB at 2^17) or node refuses the parameters; twice that leaves room.
  const maxmem = 256 * cost.N * cost.r;
  return new Promise((resolvePromise, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...cost, maxmem }, (err, key) => (err ? reject(err) : resolvePromise(key)));
  });
}

/** "scrypt$N$r$p$salt$hash" with base64 salt and hash (the format UserRow.passwordHash documents). */
export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_SCRYPT_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

const HASH_PATTERN = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

/** False for a wrong password AND for a stored hash that is not in our format (never throws on bad input). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = HASH_PATTERN.exec(stored);
  if (!match) return false;
  const [, n, r, p, saltText, keyText] = match as unknown as [string, string, string, string, string, string];
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  const expected = Buffer.from(keyText, 'base64');
  try {
    const actual = await derive(password, Buffer.from(saltText, 'base64'), cost);
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  } catch {
    return false;
  }
}

/** True when the stored hash is weaker than `cost` (or not ours): the login that just verified it stores a new one. */
export function needsRehash(stored: string, cost: ScryptCost = DEFAULT_SCRYPT_COST): boolean {
  const match = HASH_PATTERN.exec(stored);
  if (!match) return true;
  return Number(match[1]) < cost.N || Number(match[2]) < cost.r || Number(match[3]) < cost.p;
}

/**
 * Spends the same time as a real verification, so a login for an unknown username
 * cannot be told apart from a wrong password by its response time.
 */
export async function burnPasswordCheck(password: string, cost: ScryptCost = DEFAULT_SCRYPT_COST): Promise<void> {
  await derive(password, Buffer.alloc(16), cost);
}
