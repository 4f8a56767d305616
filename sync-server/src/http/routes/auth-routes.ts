// Auth routes: login (limited, registers the device, issues a token), logout (this token only), me, and changing one's own password.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ChangePasswordRequestSchema, LoginRequestSchema } from '../../../../src/protocol/index.ts';
import { login, logout, publicUser } from '../../auth/accounts.ts';
import { HashGate } from '../../auth/hash-gate.ts';
import { changeOwnPassword } from '../../auth/user-admin.ts';
import { auditEntry } from '../../office/audit-context.ts';
import { sessionAudit } from '../../office/session-audit.ts';
import { HttpError } from '../errors.ts';
import { requireSession } from '../guard.ts';
import { parseBody } from '../parse-body.ts';
import { accountDeps, type ApiServices } from '../services.ts';

/** 429 and 503 say when to come back. */
function setRetryAfter(reply: FastifyReply, err: HttpError): void {
  const seconds = (err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
  if (typeof seconds === 'number') reply.header('retry-after', seconds);
}

export function registerAuthRoutes(app: FastifyInstance, services: ApiServices): void {
  // One gate per server process: at most hashConcurrency scrypt hashes at once (auth/hash-gate.ts).
  const gate = new HashGate({ concurrency: services.config.auth.hashConcurrency, maxWaitMs: services.config.auth.hashWaitMs, maxQueue: 16 * services.config.auth.hashConcurrency });

  app.post('/api/auth/login', async (req, reply) => {
    const body = parseBody(LoginRequestSchema, req.body);
    try {
      return await login(accountDeps(services), body, { ip: req.ip, gate });
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      setRetryAfter(reply, err);
      // Log who failed and why, never the password.
      req.log.warn({ username: body.username.slice(0, 100), deviceId: body.deviceId, code: err.code }, 'login refused');
      // A refused flood (429/503) is not written to the audit log one line per request: that would be the attacker's pen.
      if (err.code !== 'E_TOO_MANY_ATTEMPTS' && err.code !== 'E_BUSY') {
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
    return {
      user: publicUser(session.user), deviceId: session.device.id, expiresAt: session.token.expiresAt,
      ...(session.user.mustChangePassword ? { mustChangePassword: true } : {}),
    };
  });

  app.post('/api/auth/password', async (req) => {
    const session = await requireSession(services, req);
    const body = parseBody(ChangePasswordRequestSchema, req.body);
    await changeOwnPassword(accountDeps(services), session, body, sessionAudit(session, req), gate);
    return { ok: true };
  });
}
