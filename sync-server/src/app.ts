// Builds the HTTP server (without listening) so tests can start it on any port.
import Fastify, { type FastifyInstance } from 'fastify';
import type { ServerConfig } from './config.ts';
import { registerStatic } from './http/static.ts';

export async function buildServer(config: ServerConfig): Promise<FastifyInstance> {
  const app = Fastify({ logger: { level: process.env.LOG_LEVEL ?? 'info' }, bodyLimit: 1024 * 1024 });
  app.get('/healthz', async () => ({ ok: true }));
  await registerStatic(app, config.staticDir);
  return app;
}
