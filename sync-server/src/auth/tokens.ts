// Bearer tokens: 32 random bytes (base64url) given to the device once; only their SHA-256 is stored.
import { createHash, randomBytes } from 'node:crypto';
import { API_TOKEN_PREFIX } from '../../../src/protocol/office/api-token.ts';

/** Never starts with "gbt_": a header holding that prefix is read as an office API token (office-caller.ts). */
export function newToken(): string {
  for (;;) {
    const token = randomBytes(32).toString('base64url');
    if (!token.startsWith(API_TOKEN_PREFIX)) return token;
  }
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
