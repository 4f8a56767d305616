// Office record routes: the review queue (filtered, keyset-paged), one record's full view (audited), and the users for filters and names.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { RecordListQuerySchema } from '../../../../src/protocol/office/record-list-query.ts';
import type { OfficeUsersResponse } from '../../../../src/protocol/office/office-users.ts';
import { officeScope, requireOfficeCaller } from '../../office/office-caller.ts';
import { recordDetail } from '../../office/record-detail.ts';
import { listRecords } from '../../office/record-list.ts';
import { parseBody } from '../parse-body.ts';
import type { ApiServices } from '../services.ts';

const IdParamsSchema = z.object({ id: z.string().min(1).max(100) });

export function registerOfficeRecordRoutes(app: FastifyInstance, services: ApiServices): void {
  app.get('/api/office/records', async (req) => {
    await requireOfficeCaller(services, req, { scope: 'records:read' });
    const query = parseBody(RecordListQuerySchema, req.query);
    return listRecords(services.store, officeScope(services), query);
  });

  app.get('/api/office/records/:id', async (req) => {
    const caller = await requireOfficeCaller(services, req, { scope: 'records:read' });
    const { id } = parseBody(IdParamsSchema, req.params);
    return recordDetail(services, id, caller.audit);
  });

  app.get('/api/office/users', async (req): Promise<OfficeUsersResponse> => {
    await requireOfficeCaller(services, req);
    const users = await services.store.transaction((tx) => tx.listUsers());
    return { users: users.map((u) => ({ id: u.id, username: u.username, displayName: u.displayName, role: u.role })) };
  });
}
