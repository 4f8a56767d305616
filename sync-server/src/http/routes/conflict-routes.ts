// Conflict routes: list (filtered by the caller's scope in the service; office roles also get device labels and user names), resolve (supervisor/admin).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ResolveConflictRequestSchema } from '../../../../src/protocol/index.ts';
import { listConflicts, resolveConflict } from '../../sync/conflict-service.ts';
import { isOfficeRole, OFFICE_ROLES } from '../../auth/scope.ts';
import { conflictLabels } from '../../office/conflict-labels.ts';
import { sessionAudit } from '../../office/session-audit.ts';
import { actorOf, requireRole, requireSession } from '../guard.ts';
import { parseBody } from '../parse-body.ts';
import { syncDeps, type ApiServices } from '../services.ts';

const ListQuerySchema = z.object({
  status: z.enum(['open', 'resolved']).optional(),
  recordId: z.string().min(1).max(100).optional(),
});

const IdParamsSchema = z.object({ id: z.string().min(1).max(100) });

export function registerConflictRoutes(app: FastifyInstance, services: ApiServices): void {
  app.get('/api/conflicts', async (req) => {
    const session = await requireSession(services, req);
    const filter = parseBody(ListQuerySchema, req.query);
    const conflicts = await listConflicts(syncDeps(services), actorOf(services, session), filter);
    // The conflict queue shows who decided on which device; a field device does not need other people's device names.
    if (!isOfficeRole(session.user.role)) return { conflicts };
    const labels = await services.store.transaction((tx) => conflictLabels(tx, conflicts));
    return { conflicts, ...labels };
  });

  app.post('/api/conflicts/:id/resolve', async (req, reply) => {
    const session = await requireSession(services, req);
    requireRole(session, OFFICE_ROLES);
    const { id } = parseBody(IdParamsSchema, req.params);
    const body = parseBody(ResolveConflictRequestSchema, req.body);
    const outcome = await resolveConflict(syncDeps(services), actorOf(services, session), id, body, sessionAudit(session, req));
    if (outcome.ok) return { conflict: outcome.conflict };
    return reply.code(outcome.status).send({ error: outcome.error });
  });
}
