// Review route: a supervisor or admin returns, approves or reopens a record; refusals are coded (403 role, 404 record, 409 transition).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ReviewRequestSchema } from '../../../../src/protocol/review-request.ts';
import { OFFICE_ROLES } from '../../auth/scope.ts';
import { toSnapshot } from '../../sync/record-mapping.ts';
import { reviewRecord } from '../../sync/review-service.ts';
import { sessionAudit } from '../../office/session-audit.ts';
import { actorOf, requireRole, requireSession } from '../guard.ts';
import { parseBody } from '../parse-body.ts';
import { syncDeps, type ApiServices } from '../services.ts';

const IdParamsSchema = z.object({ id: z.string().min(1).max(100) });

export function registerReviewRoutes(app: FastifyInstance, services: ApiServices): void {
  app.post('/api/records/:id/review', async (req, reply) => {
    const session = await requireSession(services, req);
    requireRole(session, OFFICE_ROLES);
    const { id } = parseBody(IdParamsSchema, req.params);
    const body = parseBody(ReviewRequestSchema, req.body);
    const outcome = await reviewRecord(syncDeps(services), actorOf(services, session), id, body, sessionAudit(session, req));
    if (outcome.ok) return { record: toSnapshot(outcome.record) };
    return reply.code(outcome.status).send({ error: outcome.error });
  });
}
