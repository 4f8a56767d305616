// Auth routes: login (registers the device, issues a token), logout (this token only), me.
import type { FastifyInstance } from 'fastify';
import { LoginRequestSchema } from '../../../../src/protocol/index.ts';
import { login, logout, publicUser } from '../../auth/accounts.ts';
import { LoginThrottle } from '../../auth/login-throttle.ts';
import { auditEntry } from '../../office/audit-context.ts';
import { sessionAudit } from '../../office/session-audit.ts';
import { HttpError } from '../errors.ts';
import { requireSession } from '../guard.ts';
import { parseBody } from '../parse-body.ts';
import { accountDeps, type ApiServices } from '../services.ts';

export function registerAuthRoutes(app: FastifyInstance, services: ApiServices): void {
  const throttle = new LoginThrottle();

  app.post('/api/auth/login', async (req, reply) => {
    const body = parseBody(LoginRequestSchema, req.body);
    const now = services.now().getTime();
    // Per username AND client address: a guesser elsewhere cannot lock the real user out.
    const throttleKey = `${body.username}|${req.ip}`;
    const waitMs = throttle.waitMs(throttleKey, now);
    if (waitMs > 0) {
      reply.header('retry-after', Math.ceil(waitMs / 1000));
      throw new HttpError('E_TOO_MANY_ATTEMPTS');
    }
    try {
      const result = await login(accountDeps(services), body, { ip: req.ip ?? null });
      throttle.recordSuccess(throttleKey);
      return result;
    } catch (err) {
      if (err instanceof HttpError && err.code === 'E_AUTH') throttle.recordFailure(throttleKey, now);
      // Log who failed and why, never the password.
      if (err instanceof HttpError) {
        req.log.warn({ username: body.username.slice(0, 100), deviceId: body.deviceId, code: err.code }, 'login refused');
        const username = body.username.slice(0, 100);
        await services.store.transaction(async (tx) => {
          const known = await tx.getUserByName(body.username);
          const context = { userId: known?.id ?? null, actor: username, ip: req.ip ?? null };
          await tx.appendAudit([auditEntry(context, 'sign_in_failed', null, { code: err.code, deviceId: body.deviceId }, services.now().toISOString())]);
        });
      }
      throw err;
    }
  });

  app.post('/api/auth/logout', async (req) => {
    const session = await requireSession(services, req);
    await logout(accountDeps(services), session, sessionAudit(session, req));
    return { ok: true };
  });

  app.get('/api/auth/me', async (req) => {
    const session = await requireSession(services, req);
    return { user: publicUser(session.user), deviceId: session.device.id, expiresAt: session.token.expiresAt };
  });
}
