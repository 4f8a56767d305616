// The office creates a case (a care-case record) assigned to an assessor, in ONE transaction with a new change sequence and server stamps, so the assessor's device pulls it.
import { v7 as uuidv7 } from 'uuid';
import { evaluate } from '../../../src/engine/index.ts';
import { CARE_CASE_FORM_ID } from '../../../forms/care-case/case-fields.ts';
import { HttpError } from '../http/errors.ts';
import { auditEntry, type AuditContext } from '../office/audit-context.ts';
import { withOfficeColumns } from '../office/record-write.ts';
import type { ServerRecord } from '../storage/sync-store.ts';
import { caseAnswersOf } from './case-answers.ts';
import { JST_OFFSET_MINUTES } from './case-kpis.ts';
import type { CreateCaseRequest } from '../../../src/protocol/care/case-requests.ts';
import type { CareDeps } from './care-deps.ts';
import { requireAssessor } from './care-assignee.ts';
import { caseNumberTaken } from './case-number.ts';
import { serverStamp } from './server-write.ts';

/**
 * `officeUserId` becomes the owner (the office made it); the assessor sees it as its assignee. The body is
 * checked twice: its shape by zod at the route, its content by the care-case form (the same rules a device edit meets).
 */
export async function createCase(deps: CareDeps, officeUserId: string, body: CreateCaseRequest, audit?: AuditContext): Promise<ServerRecord> {
  const form = deps.forms.get(CARE_CASE_FORM_ID);
  if (!form) throw new HttpError('E_CARE_FORM_MISSING');
  const now = deps.now();
  const at = now.toISOString();
  const answers = caseAnswersOf(body);
  // Dates are the municipality's (JST), whatever zone the server runs in.
  const evaluation = evaluate(form, answers, { now, utcOffsetMinutes: JST_OFFSET_MINUTES });
  if (evaluation.errors.length > 0) {
    const issues = evaluation.errors.slice(0, 20).map((e) => ({ path: e.path, code: e.code, message: e.message }));
    throw new HttpError('E_CARE_CASE_INVALID', undefined, { details: { issues } });
  }
  return deps.store.transaction(async (tx) => {
    const assessor = await requireAssessor(tx, body.assigneeId);
    const id = uuidv7();
    // The stamp takes the change-sequence lock first: a concurrent create of the same number waits, then sees this one.
    const stamp = await serverStamp(tx, now, 'care-case', id);
    if (await caseNumberTaken(tx, body.caseNumber, null)) throw new HttpError('E_CARE_CASE_NUMBER_TAKEN', `Case number ${body.caseNumber} is taken.`);
    const fields = Object.fromEntries([['@create', stamp], ...Object.keys(answers).map((key) => [key, stamp])]);
    const created: ServerRecord = {
      id, formId: form.id, formVersion: form.version, status: 'draft', ownerId: officeUserId, assigneeId: assessor.id,
      deleted: false, answers, fields, changeSeq: stamp.version, createdAt: at, updatedAt: at,
    };
    const record = await withOfficeColumns(tx, { record: created, previous: null, form, userId: officeUserId, at, now, evaluation });
    await tx.putRecord(record);
    if (audit) await tx.appendAudit([auditEntry(audit, 'record_change', id, { care: 'create-case', caseNumber: body.caseNumber, assigneeId: assessor.id }, at)]);
    return record;
  });
}
