// Mounts every API route on the server; the routes parse bodies with the protocol schemas and answer coded errors.
import type { FastifyInstance } from 'fastify';
import { registerAdminRoutes } from './routes/admin-routes.ts';
import { registerAuthRoutes } from './routes/auth-routes.ts';
import { registerBlobRoutes } from './routes/blob-routes.ts';
import { registerConflictRoutes } from './routes/conflict-routes.ts';
import { registerRecordRoutes } from './routes/record-routes.ts';
import { registerReviewRoutes } from './routes/review-routes.ts';
import { registerSyncRoutes } from './routes/sync-routes.ts';
import type { ApiServices } from './services.ts';

export async function registerApi(app: FastifyInstance, services: ApiServices): Promise<void> {
  registerAuthRoutes(app, services);
  registerSyncRoutes(app, services);
  registerConflictRoutes(app, services);
  registerRecordRoutes(app, services);
  registerReviewRoutes(app, services);
  registerAdminRoutes(app, services);
  await registerBlobRoutes(app, services);
}
