// Office dashboard route: aggregates of one survey (or all) over a time window.
import type { FastifyInstance } from 'fastify';
import { DashboardQuerySchema } from '../../../../src/protocol/office/dashboard-query.ts';
import { buildDashboard } from '../../office/dashboard.ts';
import { officeScope, requireOfficeCaller } from '../../office/office-caller.ts';
import { parseBody } from '../parse-body.ts';
import type { ApiServices } from '../services.ts';

export function registerOfficeDashboardRoutes(app: FastifyInstance, services: ApiServices): void {
  app.get('/api/office/dashboard', async (req) => {
    await requireOfficeCaller(services, req);
    const query = parseBody(DashboardQuerySchema, req.query);
    return buildDashboard(services, officeScope(services), query);
  });
}
