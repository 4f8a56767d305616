// Office audit route: search the append-only audit log by user, record, action and time, newest first, paged by sequence, with the names the entries mention.
import type { FastifyInstance } from 'fastify';
import { AuditQuerySchema } from '../../../../src/protocol/office/audit-query.ts';
import type { AuditResponse } from '../../../../src/protocol/office/audit-response.ts';
import { auditNames } from '../../office/audit-names.ts';
import { requireOfficeCaller } from '../../office/office-caller.ts';
import type { AuditFilter } from '../../storage/sync-store.ts';
import { parseBody } from '../parse-body.ts';
import type { ApiServices } from '../services.ts';

export function registerOfficeAuditRoutes(app: FastifyInstance, services: ApiServices): void {
  app.get('/api/office/audit', async (req): Promise<AuditResponse> => {
    await requireOfficeCaller(services, req, { scope: 'audit:read' });
    const query = parseBody(AuditQuerySchema, req.query);
    const filter: AuditFilter = { limit: query.limit };
    if (query.userId) filter.userId = query.userId;
    if (query.recordId) filter.recordId = query.recordId;
    if (query.action) filter.action = query.action;
    if (query.from) filter.from = query.from;
    if (query.to) filter.to = query.to;
    if (query.before !== undefined) filter.beforeSeq = query.before;
    const { entries, names } = await services.store.transaction(async (tx) => {
      const page = await tx.listAudit(filter);
      return { entries: page, names: await auditNames(tx, services.forms, page) };
    });
    const last = entries.at(-1);
    return { entries, next: entries.length === query.limit && last ? String(last.seq) : null, names };
  });
}
