// Account management routes (admin only): list, create, edit name/role, disable/enable, reset password; the CLI calls the same service (auth/user-admin.ts).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  CreateUserRequestSchema, ResetPasswordRequestSchema, UpdateUserRequestSchema,
  type AdminUser, type UserWithPasswordResponse,
} from '../../../../src/protocol/office/user-admin.ts';
import { createUser, listUsers, resetPassword, setUserDisabled, updateUser } from '../../auth/user-admin.ts';
import { sessionAudit } from '../../office/session-audit.ts';
import { requireRole, requireSession } from '../guard.ts';
import { parseBody } from '../parse-body.ts';
import { accountDeps, type ApiServices } from '../services.ts';

const IdParamsSchema = z.strictObject({ id: z.string().min(1).max(100) });

export function registerUserRoutes(app: FastifyInstance, services: ApiServices): void {
  const admin = async (req: Parameters<typeof requireSession>[1]) => {
    const session = await requireSession(services, req);
    requireRole(session, ['admin']);
    return sessionAudit(session, req);
  };

  app.get('/api/admin/users', async (req): Promise<{ users: AdminUser[] }> => {
    await admin(req);
    return { users: await listUsers(accountDeps(services)) };
  });

  // Accounts made here must change the password at first login (the admin knew it).
  app.post('/api/admin/users', async (req, reply): Promise<UserWithPasswordResponse> => {
    const audit = await admin(req);
    const body = parseBody(CreateUserRequestSchema, req.body);
    const { password, ...request } = body;
    const created = await createUser(accountDeps(services), request, { password, mustChange: true }, audit);
    void reply.code(201);
    return created;
  });

  app.patch('/api/admin/users/:id', async (req): Promise<{ user: AdminUser }> => {
    const audit = await admin(req);
    const { id } = parseBody(IdParamsSchema, req.params);
    return { user: await updateUser(accountDeps(services), id, parseBody(UpdateUserRequestSchema, req.body), audit) };
  });

  app.post('/api/admin/users/:id/disable', async (req): Promise<{ user: AdminUser }> => {
    const audit = await admin(req);
    const { id } = parseBody(IdParamsSchema, req.params);
    return { user: await setUserDisabled(accountDeps(services), id, true, audit) };
  });

  app.post('/api/admin/users/:id/enable', async (req): Promise<{ user: AdminUser }> => {
    const audit = await admin(req);
    const { id } = parseBody(IdParamsSchema, req.params);
    return { user: await setUserDisabled(accountDeps(services), id, false, audit) };
  });

  app.post('/api/admin/users/:id/reset-password', async (req): Promise<UserWithPasswordResponse> => {
    const audit = await admin(req);
    const { id } = parseBody(IdParamsSchema, req.params);
    const { password } = parseBody(ResetPasswordRequestSchema, req.body ?? {});
    return resetPassword(accountDeps(services), id, { password, mustChange: true }, audit);
  });
}
