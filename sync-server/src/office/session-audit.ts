// The audit context of a signed-in user's request: their id and username, and the client address.
import type { FastifyRequest } from 'fastify';
import type { Session } from '../auth/accounts.ts';
import type { AuditContext } from './audit-context.ts';

export function sessionAudit(session: Session, req: FastifyRequest): AuditContext {
  return { userId: session.user.id, actor: session.user.username, ip: req.ip ?? null };
}
