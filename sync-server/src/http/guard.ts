// Route guards: resolve the bearer token to a session once per request, and check the caller's role.
import type { FastifyRequest } from 'fastify';
import { authenticate, type Session } from '../auth/accounts.ts';
import { scopeFor } from '../auth/scope.ts';
import { bearerFrom } from '../auth/tokens.ts';
import { liveApiToken } from '../office/api-token-lookup.ts';
import { apiTokenFrom } from '../office/api-token-secret.ts';
import type { Role } from '../storage/sync-store.ts';
import type { Actor } from '../sync/types.ts';
import { HttpError } from './errors.ts';
import { accountDeps, type ApiServices } from './services.ts';

const sessions = new WeakMap<FastifyRequest, Session>();

/** The routes a user whose password an admin reset may still call: see who they are, change it, or leave. */
const PASSWORD_CHANGE_ROUTES: ReadonlySet<string> = new Set(['/api/auth/me', '/api/auth/password', '/api/auth/logout']);

export async function requireSession(services: ApiServices, req: FastifyRequest): Promise<Session> {
  const cached = sessions.get(req);
  if (cached) return cached;
  const token = bearerFrom(req.headers.authorization);
  const session = await authenticate(accountDeps(services), token).catch(async (err: unknown) => {
    // No session has this token. If it is an office system's API token, say so as the office routes do: a dead or
    // malformed one is 401 E_API_TOKEN (same lookup as there), a live one is refused here because of the route.
    const apiSecret = apiTokenFrom(req.headers.authorization);
    if (!(err instanceof HttpError) || err.code !== 'E_UNAUTHENTICATED' || apiSecret === null) throw err;
    await liveApiToken(services, apiSecret);
    throw new HttpError('E_TOKEN_SCOPE', 'API tokens are not accepted on device, sync, blob, review, conflict and admin routes.');
  });
  if (session.user.mustChangePassword && !PASSWORD_CHANGE_ROUTES.has(req.routeOptions.url ?? '')) throw new HttpError('E_PASSWORD_CHANGE_REQUIRED');
  sessions.set(req, session);
  return session;
}

export function requireRole(session: Session, roles: readonly Role[]): void {
  if (!roles.includes(session.user.role)) throw new HttpError('E_FORBIDDEN', `Only ${roles.join(' or ')} may do this.`);
}

/** The caller as the sync services see it: user, role, device and the scope its role allows. */
export function actorOf(services: ApiServices, session: Session): Actor {
  const formIds = services.forms.all().map((form) => form.id);
  return { userId: session.user.id, role: session.user.role, deviceId: session.device.id, scope: scopeFor(session.user, formIds) };
}
