// The one lookup of an API token secret: its live row, or 401 E_API_TOKEN (unknown, revoked, expired or malformed) on whatever route it was sent to.
import { HttpError } from '../http/errors.ts';
import type { ApiServices } from '../http/services.ts';
import type { ApiTokenRow } from '../storage/sync-store.ts';
import { hashApiTokenSecret } from './api-token-secret.ts';

/** `secret` is what apiTokenFrom() found in the Authorization header (never null: that header carried no API token). */
export async function liveApiToken(services: ApiServices, secret: string): Promise<ApiTokenRow> {
  if (secret === 'malformed') throw new HttpError('E_API_TOKEN');
  const token = await services.store.transaction((tx) => tx.getApiTokenByHash(hashApiTokenSecret(secret)));
  if (!token || token.revokedAt) throw new HttpError('E_API_TOKEN');
  if (token.expiresAt && Date.parse(token.expiresAt) <= services.now().getTime()) throw new HttpError('E_API_TOKEN', 'The API token has expired.');
  return token;
}
