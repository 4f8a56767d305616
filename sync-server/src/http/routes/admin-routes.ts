// Admin routes: list registered devices with their owner's names, revoke one (its tokens stop working, it cannot log in again).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AdminDeviceListResponse } from '../../../../src/protocol/office/device-admin.ts';
import { revokeDevice } from '../../auth/accounts.ts';
import { sessionAudit } from '../../office/session-audit.ts';
import { requireRole, requireSession } from '../guard.ts';
import { parseBody } from '../parse-body.ts';
import { accountDeps, type ApiServices } from '../services.ts';

const IdParamsSchema = z.object({ id: z.string().min(1).max(100) });

export function registerAdminRoutes(app: FastifyInstance, services: ApiServices): void {
  app.get('/api/admin/devices', async (req) => {
    requireRole(await requireSession(services, req), ['admin']);
    const { devices, users } = await services.store.transaction(async (tx) => ({ devices: await tx.listDevices(), users: await tx.listUsers() }));
    const owners = new Map(users.map((user) => [user.id, user]));
    const answer: AdminDeviceListResponse = {
      devices: devices.map((device) => ({ ...device, username: owners.get(device.userId)?.username ?? null, displayName: owners.get(device.userId)?.displayName ?? null })),
    };
    return answer;
  });

  app.post('/api/admin/devices/:id/revoke', async (req) => {
    const session = await requireSession(services, req);
    requireRole(session, ['admin']);
    const { id } = parseBody(IdParamsSchema, req.params);
    return { device: await revokeDevice(accountDeps(services), id, sessionAudit(session, req)) };
  });
}
