// API token secrets: "gbt_" + 32 random bytes (base64url), shown once; only the SHA-256 is stored.
import { createHash, randomBytes } from 'node:crypto';
import { API_TOKEN_PREFIX } from '../../../src/protocol/office/api-token.ts';

const SECRET_PATTERN = /^gbt_[A-Za-z0-9_-]{43}$/;

export function newApiTokenSecret(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function hashApiTokenSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** The secret of an "Authorization: Bearer gbt_…" header; null when the header carries no API token; 'malformed' when it tries to. */
export function apiTokenFrom(header: string | undefined): string | null | 'malformed' {
  if (typeof header !== 'string') return null;
  const match = /^Bearer (\S+)$/.exec(header.trim());
  if (!match || !match[1]!.startsWith(API_TOKEN_PREFIX)) return null;
  return SECRET_PATTERN.test(match[1]!) ? match[1]! : 'malformed';
}
