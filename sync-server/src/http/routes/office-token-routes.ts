// API token administration (admin only): list, create (the secret is answered once), revoke.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CreateApiTokenRequestSchema } from '../../../../src/protocol/office/api-token.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../../office/api-tokens.ts';
import { requireOfficeCaller } from '../../office/office-caller.ts';
import { parseBody } from '../parse-body.ts';
import type { ApiServices } from '../services.ts';

const IdParamsSchema = z.object({ id: z.string().min(1).max(100) });
const ADMIN = { roles: ['admin'] } as const;

export function registerOfficeTokenRoutes(app: FastifyInstance, services: ApiServices): void {
  app.get('/api/office/tokens', async (req) => {
    await requireOfficeCaller(services, req, ADMIN);
    return { tokens: await listApiTokens(services.store) };
  });

  app.post('/api/office/tokens', async (req, reply) => {
    const caller = await requireOfficeCaller(services, req, ADMIN);
    const body = parseBody(CreateApiTokenRequestSchema, req.body);
    const created = await createApiToken(services.store, body, caller.audit.userId ?? '', caller.audit, services.now().toISOString());
    return reply.code(201).header('cache-control', 'no-store').send(created);
  });

  app.post('/api/office/tokens/:id/revoke', async (req) => {
    const caller = await requireOfficeCaller(services, req, ADMIN);
    const { id } = parseBody(IdParamsSchema, req.params);
    return { token: await revokeApiToken(services.store, id, caller.audit, services.now().toISOString()) };
  });
}
