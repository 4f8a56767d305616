// Record and form routes: one record as its snapshot (scope-checked), and the forms the caller's role may use.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { recordInScope } from '../../auth/scope.ts';
import type { ServerRecord } from '../../storage/sync-store.ts';
import { HttpError } from '../errors.ts';
import { actorOf, requireSession } from '../guard.ts';
import { parseBody } from '../parse-body.ts';
import type { ApiServices } from '../services.ts';

const IdParamsSchema = z.object({ id: z.string().min(1).max(100) });

/** The pull snapshot of a record, plus who owns it and who it is assigned to. */
function recordView(record: ServerRecord) {
  const fieldVersions: Record<string, number> = {};
  for (const [path, meta] of Object.entries(record.fields)) fieldVersions[path] = meta.version;
  return {
    id: record.id,
    formId: record.formId,
    formVersion: record.formVersion,
    status: record.status,
    deleted: record.deleted,
    answers: record.answers,
    fieldVersions,
    changeSeq: record.changeSeq,
    ownerId: record.ownerId,
    assigneeId: record.assigneeId,
    updatedAt: record.updatedAt,
  };
}

export function registerRecordRoutes(app: FastifyInstance, services: ApiServices): void {
  app.get('/api/records/:id', async (req) => {
    const session = await requireSession(services, req);
    const { id } = parseBody(IdParamsSchema, req.params);
    const actor = actorOf(services, session);
    const [record] = await services.store.transaction((tx) => tx.getRecords([id]));
    if (!record) throw new HttpError('E_NOT_FOUND', `No record ${id}.`);
    // Out of scope answers 404 too would hide existence; 403 tells the device why it cannot sync it.
    if (!recordInScope(record, actor.scope)) throw new HttpError('E_SCOPE');
    return { record: recordView(record) };
  });

  app.get('/api/forms', async (req) => {
    const session = await requireSession(services, req);
    const { scope } = actorOf(services, session);
    return { forms: services.forms.all().filter((form) => scope.formIds.includes(form.id)) };
  });
}
