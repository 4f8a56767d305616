// API tokens for office systems: an admin creates one with scopes (the secret is returned once), lists and revokes them; each change is audited in its transaction.
import { randomUUID } from 'node:crypto';
import type { ApiTokenMessage, CreateApiTokenRequest, CreateApiTokenResponse } from '../../../src/protocol/office/api-token.ts';
import { HttpError } from '../http/errors.ts';
import type { ApiTokenRow, SyncStore } from '../storage/sync-store.ts';
import { hashApiTokenSecret, newApiTokenSecret } from './api-token-secret.ts';
import { auditEntry, type AuditContext } from './audit-context.ts';

export function toApiTokenMessage(row: ApiTokenRow): ApiTokenMessage {
  return { id: row.id, name: row.name, scopes: row.scopes, createdBy: row.createdBy, createdAt: row.createdAt, revokedAt: row.revokedAt, lastUsedAt: row.lastUsedAt, expiresAt: row.expiresAt ?? null };
}

export async function createApiToken(store: SyncStore, request: CreateApiTokenRequest, creatorId: string, audit: AuditContext, at: string): Promise<CreateApiTokenResponse> {
  const expiresAt = request.expiresAt === undefined ? null : new Date(request.expiresAt).toISOString();
  if (expiresAt !== null && expiresAt <= at) throw new HttpError('E_BAD_REQUEST', 'expiresAt must lie in the future.');
  const secret = newApiTokenSecret();
  const row: ApiTokenRow = {
    id: randomUUID(), name: request.name, tokenHash: hashApiTokenSecret(secret), scopes: request.scopes,
    createdBy: creatorId, createdAt: at, revokedAt: null, lastUsedAt: null, expiresAt,
  };
  await store.transaction(async (tx) => {
    await tx.putApiToken(row);
    await tx.appendAudit([auditEntry(audit, 'token_create', null, { tokenId: row.id, name: row.name, scopes: row.scopes, expiresAt }, at)]);
  });
  return { token: toApiTokenMessage(row), secret };
}

export async function listApiTokens(store: SyncStore): Promise<ApiTokenMessage[]> {
  return (await store.transaction((tx) => tx.listApiTokens())).map(toApiTokenMessage);
}

/** Revoking twice keeps the first time. */
export async function revokeApiToken(store: SyncStore, id: string, audit: AuditContext, at: string): Promise<ApiTokenMessage> {
  return store.transaction(async (tx) => {
    const row = (await tx.listApiTokens()).find((token) => token.id === id);
    if (!row) throw new HttpError('E_NOT_FOUND', `No API token ${id}.`);
    const revoked = { ...row, revokedAt: row.revokedAt ?? at };
    await tx.putApiToken(revoked);
    await tx.appendAudit([auditEntry(audit, 'token_revoke', null, { tokenId: row.id, name: row.name }, at)]);
    return toApiTokenMessage(revoked);
  });
}
