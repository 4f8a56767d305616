// Sync routes: push a batch of ops (all-or-nothing, each changed record audited), pull changes since a checkpoint.
import type { FastifyInstance } from 'fastify';
import { PullRequestSchema, PushRequestSchema } from '../../../../src/protocol/index.ts';
import { applyParsedPush } from '../../sync/push-service.ts';
import { sessionAudit } from '../../office/session-audit.ts';
import { buildPull } from '../../sync/pull-service.ts';
import { HttpError } from '../errors.ts';
import { actorOf, requireSession } from '../guard.ts';
import { parseBody } from '../parse-body.ts';
import { syncDeps, type ApiServices } from '../services.ts';

export function registerSyncRoutes(app: FastifyInstance, services: ApiServices): void {
  app.post('/api/sync/push', async (req, reply) => {
    const session = await requireSession(services, req);
    const body = parseBody(PushRequestSchema, req.body, { versioned: true });
    if (body.deviceId !== session.device.id) throw new HttpError('E_DEVICE_MISMATCH');
    // parseBody ran the protocol schema and version check: the service need not parse the ops a second time.
    const outcome = await applyParsedPush(syncDeps(services), actorOf(services, session), body, sessionAudit(session, req));
    if (outcome.ok) return outcome.response;
    return reply.code(outcome.status).send({ error: outcome.error });
  });

  app.post('/api/sync/pull', async (req) => {
    const session = await requireSession(services, req);
    const body = parseBody(PullRequestSchema, req.body, { versioned: true });
    return buildPull(syncDeps(services), actorOf(services, session), body);
  });
}
