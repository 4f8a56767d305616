// Care office routes: create and (re)assign cases (supervisor/admin sessions), the case list with status and KPIs, and the finished 調査票 as CSV for the certification system.
import type { FastifyInstance } from 'fastify';
import { assignCase } from '../../care/assign-case.ts';
import { AssignCaseRequestSchema, CaseIdParamsSchema, CreateCaseRequestSchema, ExportQuerySchema, ListCasesQuerySchema } from '../../../../src/protocol/care/case-requests.ts';
import { createCase } from '../../care/create-case.ts';
import { exportFinishedAssessments } from '../../care/export-assessments.ts';
import { caseRowOf, listCases } from '../../care/list-cases.ts';
import { requireOfficeCaller } from '../../office/office-caller.ts';
import { HttpError } from '../errors.ts';
import { parseBody } from '../parse-body.ts';
import type { ApiServices } from '../services.ts';

export function registerCareRoutes(app: FastifyInstance, services: ApiServices): void {
  app.post('/api/office/care/cases', async (req, reply) => {
    const caller = await requireOfficeCaller(services, req);
    if (caller.kind !== 'user') throw new HttpError('E_TOKEN_SCOPE');
    const body = parseBody(CreateCaseRequestSchema, req.body);
    const record = await createCase(services, caller.session.user.id, body, caller.audit);
    return reply.code(201).send({ case: await caseRowOf(services, record) });
  });

  app.post('/api/office/care/cases/:id/assign', async (req) => {
    const caller = await requireOfficeCaller(services, req);
    const { id } = parseBody(CaseIdParamsSchema, req.params);
    const { assigneeId } = parseBody(AssignCaseRequestSchema, req.body);
    const { record, assessment } = await assignCase(services, id, assigneeId, caller.audit);
    return { case: await caseRowOf(services, record), ...(assessment ? { assessment } : {}) };
  });

  app.get('/api/office/care/cases', async (req) => {
    await requireOfficeCaller(services, req, { scope: 'records:read' });
    return listCases(services, parseBody(ListCasesQuerySchema, req.query));
  });

  app.get('/api/office/care/export.csv', async (req, reply) => {
    const caller = await requireOfficeCaller(services, req, { scope: 'export:read' });
    const query = parseBody(ExportQuerySchema, req.query);
    const csv = await exportFinishedAssessments(services, query, caller.audit);
    const stamp = services.now().toISOString().replace(/[:.]/g, '-').slice(0, 19);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="care-assessments-${stamp}.csv"`)
      .header('cache-control', 'no-store')
      .send(csv);
  });
}
