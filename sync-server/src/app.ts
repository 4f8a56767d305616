// Builds the HTTP server (without listening) so tests can start it on any port: health check, API (when given a store and forms), the built PWA.
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { MAX_REQUEST_BODY_BYTES } from '../../src/protocol/push.ts';
import type { ServerConfig } from './config.ts';
import type { FormCatalog } from './forms/catalog.ts';
import type { SyncStore } from './storage/sync-store.ts';
import { registerApi } from './http/api.ts';
import { errorBody } from './http/errors.ts';
import { installErrorHandling } from './http/error-handler.ts';
import { registerStatic } from './http/static.ts';
import { installSecurityHeaders, SECURITY_HEADERS } from './http/security-headers.ts';
import { WebhookDispatcher } from './office/webhook-dispatcher.ts';

export interface ServerServices {
  store: SyncStore;
  forms: FormCatalog;
  now?: () => Date;
}

export const BODY_LIMIT_BYTES = MAX_REQUEST_BODY_BYTES;

export interface BuildOptions {
  /** Where the JSON log goes (default stdout); tests capture it to check nothing secret is logged. */
  logStream?: NodeJS.WritableStream;
}

/** Without services only the health check and the PWA are served (the static-serving tests use that). */
export async function buildServer(config: ServerConfig, services?: ServerServices, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: process.env.LOG_LEVEL ?? 'info',
      // Request bodies are never logged; tokens travel only in these headers.
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    bodyLimit: BODY_LIMIT_BYTES,
    // GENBA_TRUST_PROXY (default off): only behind a reverse proxy may X-Forwarded-For name the client address that
    // the login limiter and the audit log use; otherwise any client could pick its own address per request.
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    // A malformed URL (bad percent-encoding) is the client's fault: coded 400, not a crash.
    frameworkErrors: (err, _req, reply) => {
      // Answered before any hook runs, so the security headers are set here too.
      void (reply as FastifyReply).code(400).headers(SECURITY_HEADERS).send(errorBody('E_BAD_REQUEST', `Bad request: ${err.message}`));
    },
  });
  installSecurityHeaders(app);
  app.get('/healthz', async () => ({ ok: true }));
  const hasStatic = await registerStatic(app, config.staticDir);
  installErrorHandling(app, { spaFallback: hasStatic });
  if (services) {
    const now = services.now ?? (() => new Date());
    await registerApi(app, { store: services.store, forms: services.forms, config, now });
    if (config.webhooks.enabled) {
      // Delivers the hand-off feed to webhooks; stopped (and its requests aborted) before the store is closed.
      const dispatcher = new WebhookDispatcher({ store: services.store, now, config: config.webhooks, log: app.log });
      app.addHook('onReady', async () => dispatcher.start());
      app.addHook('onClose', async () => dispatcher.stop());
    }
  }
  return app;
}

/** GENBA_TRUST_PROXY=<n>: trust the n proxies nearest to the server (fastify's types accept no number). */
function trustHops(hops: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < hops;
}
