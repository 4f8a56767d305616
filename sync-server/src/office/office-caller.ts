// Who calls an office route: a supervisor/admin session, or an API token whose scopes include the route's scope; everyone else is refused with a coded error.
import type { FastifyRequest } from 'fastify';
import type { Session } from '../auth/accounts.ts';
import { OFFICE_ROLES } from '../auth/scope.ts';
import { HttpError } from '../http/errors.ts';
import { requireRole, requireSession } from '../http/guard.ts';
import type { ApiServices } from '../http/services.ts';
import type { ApiScope, ApiTokenRow, Role, Scope } from '../storage/sync-store.ts';
import { liveApiToken } from './api-token-lookup.ts';
import { apiTokenFrom } from './api-token-secret.ts';
import type { AuditContext } from './audit-context.ts';

export type OfficeCaller =
  | { kind: 'user'; session: Session; audit: AuditContext }
  | { kind: 'token'; token: ApiTokenRow; audit: AuditContext };

export interface OfficeAccess {
  /** The scope an API token needs here; absent: sessions only. */
  scope?: ApiScope;
  /** Roles a session needs (default supervisor and admin). */
  roles?: readonly Role[];
}

/** lastUsedAt is written at most this often per token, so reads do not all turn into writes. */
const LAST_USED_EVERY_MS = 60 * 1000;

export async function requireOfficeCaller(services: ApiServices, req: FastifyRequest, access: OfficeAccess = {}): Promise<OfficeCaller> {
  const secret = apiTokenFrom(req.headers.authorization);
  if (secret === null) {
    const session = await requireSession(services, req);
    requireRole(session, access.roles ?? OFFICE_ROLES);
    return { kind: 'user', session, audit: { userId: session.user.id, actor: session.user.username, ip: req.ip ?? null } };
  }
  const token = await liveApiToken(services, secret);
  const now = services.now();
  if (!access.scope) throw new HttpError('E_TOKEN_SCOPE', 'API tokens are not accepted on this route.');
  if (!token.scopes.includes(access.scope)) throw new HttpError('E_TOKEN_SCOPE', `This API token lacks the scope ${access.scope}.`);
  if (!token.lastUsedAt || now.getTime() - Date.parse(token.lastUsedAt) > LAST_USED_EVERY_MS) {
    await services.store.transaction(async (tx) => {
      const current = await tx.getApiTokenByHash(token.tokenHash);
      if (current) await tx.putApiToken({ ...current, lastUsedAt: now.toISOString() });
    });
  }
  return { kind: 'token', token, audit: { userId: null, actor: `token:${token.name}`, ip: req.ip ?? null } };
}

/** Office callers see every record of every loaded form. */
export function officeScope(services: ApiServices): Scope {
  return { formIds: services.forms.all().map((form) => form.id), userId: null };
}

