// Mounts every API route on the server; the routes parse bodies with the protocol schemas and answer coded errors.
import type { FastifyInstance } from 'fastify';
import { registerAdminRoutes } from './routes/admin-routes.ts';
import { registerAuthRoutes } from './routes/auth-routes.ts';
import { registerBlobRoutes } from './routes/blob-routes.ts';
import { registerCarePdfRoutes } from './routes/care-pdf-routes.ts';
import { registerCareRoutes } from './routes/care-routes.ts';
import { registerConflictRoutes } from './routes/conflict-routes.ts';
import { registerOfficeAuditRoutes } from './routes/office-audit-routes.ts';
import { registerOfficeDashboardRoutes } from './routes/office-dashboard-routes.ts';
import { registerOfficeExportRoutes } from './routes/office-export-routes.ts';
import { registerOfficeHandoffRoutes } from './routes/office-handoff-routes.ts';
import { registerOfficeRecordRoutes } from './routes/office-record-routes.ts';
import { registerOfficeTokenRoutes } from './routes/office-token-routes.ts';
import { registerOfficeWebhookRoutes } from './routes/office-webhook-routes.ts';
import { registerRecordRoutes } from './routes/record-routes.ts';
import { registerReviewRoutes } from './routes/review-routes.ts';
import { registerSyncRoutes } from './routes/sync-routes.ts';
import { registerUserRoutes } from './routes/user-routes.ts';
import type { ApiServices } from './services.ts';

export async function registerApi(app: FastifyInstance, services: ApiServices): Promise<void> {
  registerAuthRoutes(app, services);
  registerSyncRoutes(app, services);
  registerConflictRoutes(app, services);
  registerRecordRoutes(app, services);
  registerReviewRoutes(app, services);
  registerAdminRoutes(app, services);
  registerUserRoutes(app, services);
  registerOfficeRecordRoutes(app, services);
  registerCarePdfRoutes(app, services);
  registerOfficeDashboardRoutes(app, services);
  registerOfficeAuditRoutes(app, services);
  registerOfficeExportRoutes(app, services);
  registerOfficeHandoffRoutes(app, services);
  registerOfficeTokenRoutes(app, services);
  registerOfficeWebhookRoutes(app, services);
  registerCareRoutes(app, services);
  await registerBlobRoutes(app, services);
}
