// The hand-off feed for office systems: approved revisions after a cursor, paged, at least once; reads that return changes are audited.
import type { FastifyInstance } from 'fastify';
import { HandoffQuerySchema } from '../../../../src/protocol/office/handoff-query.ts';
import { auditEntry } from '../../office/audit-context.ts';
import { readHandoffPage } from '../../office/handoff-feed.ts';
import { requireOfficeCaller } from '../../office/office-caller.ts';
import { HttpError } from '../errors.ts';
import { parseBody } from '../parse-body.ts';
import type { ApiServices } from '../services.ts';

export function registerOfficeHandoffRoutes(app: FastifyInstance, services: ApiServices): void {
  app.get('/api/handoff/changes', async (req) => {
    const caller = await requireOfficeCaller(services, req, { scope: 'handoff:read' });
    const raw = (req.query ?? {}) as Record<string, unknown>;
    // A cursor that is not a whole number is a cursor this server never gave out.
    if (raw.after !== undefined && !(typeof raw.after === 'string' && /^\d{1,15}$/.test(raw.after))) throw new HttpError('E_BAD_CURSOR');
    const query = parseBody(HandoffQuerySchema, req.query);
    return services.store.transaction(async (tx) => {
      const page = await readHandoffPage(tx, query.after, query.limit);
      // Polling an empty feed is not a read of personal data; a page with changes is.
      if (page.changes.length > 0) {
        const detail = { after: query.after, next: page.next, count: page.changes.length };
        await tx.appendAudit([auditEntry(caller.audit, 'handoff_read', null, detail, services.now().toISOString())]);
      }
      return page;
    });
  });
}
