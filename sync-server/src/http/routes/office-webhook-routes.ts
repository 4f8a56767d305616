// Webhook administration (admin only): list, create (secret answered once), update, deliveries (e.g. the dead-letter list) and replay of a dead event.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CreateWebhookRequestSchema, UpdateWebhookRequestSchema } from '../../../../src/protocol/office/webhook.ts';
import { DeliveryListQuerySchema } from '../../../../src/protocol/office/webhook-delivery.ts';
import { requireOfficeCaller } from '../../office/office-caller.ts';
import { createWebhook, listDeliveryMessages, listWebhookMessages, replayDelivery, updateWebhook } from '../../office/webhooks.ts';
import { parseBody } from '../parse-body.ts';
import type { ApiServices } from '../services.ts';

const IdParamsSchema = z.object({ id: z.string().min(1).max(200) });
const ADMIN = { roles: ['admin'] } as const;

export function registerOfficeWebhookRoutes(app: FastifyInstance, services: ApiServices): void {
  app.get('/api/office/webhooks', async (req) => {
    await requireOfficeCaller(services, req, ADMIN);
    return { webhooks: await listWebhookMessages(services.store) };
  });

  app.post('/api/office/webhooks', async (req, reply) => {
    const caller = await requireOfficeCaller(services, req, ADMIN);
    const body = parseBody(CreateWebhookRequestSchema, req.body);
    const created = await createWebhook(services.store, body, caller.audit.userId ?? '', caller.audit, services.now().toISOString(), services.config.webhooks.allow);
    return reply.code(201).header('cache-control', 'no-store').send(created);
  });

  app.patch('/api/office/webhooks/:id', async (req) => {
    const caller = await requireOfficeCaller(services, req, ADMIN);
    const { id } = parseBody(IdParamsSchema, req.params);
    const body = parseBody(UpdateWebhookRequestSchema, req.body);
    return { webhook: await updateWebhook(services.store, id, body, caller.audit, services.now().toISOString(), services.config.webhooks.allow) };
  });

  app.get('/api/office/webhooks/:id/deliveries', async (req) => {
    await requireOfficeCaller(services, req, ADMIN);
    const { id } = parseBody(IdParamsSchema, req.params);
    const query = parseBody(DeliveryListQuerySchema, req.query);
    return { deliveries: await listDeliveryMessages(services.store, id, query) };
  });

  app.post('/api/office/webhooks/deliveries/:id/replay', async (req) => {
    const caller = await requireOfficeCaller(services, req, ADMIN);
    const { id } = parseBody(IdParamsSchema, req.params);
    return replayDelivery({ store: services.store, now: services.now, timeoutMs: services.config.webhooks.timeoutMs, allow: services.config.webhooks.allow }, id, caller.audit);
  });
}
