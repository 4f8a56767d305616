// Bearer tokens: 32 random bytes (base64url) given to the device once; only their SHA-256 is stored.
import { createHash, randomBytes } from 'node:crypto';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The token of an "Authorization: Bearer <token>" header, or null. */
export function bearerFrom(header: string | undefined): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header.trim());
  return match ? (match[1] as string) : null;
}
