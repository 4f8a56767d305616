// The office reassigns a case (and its 認定調査票, if one was started) to another assessor in ONE transaction; each gets a new change sequence so the new assessor's device pulls them.
import { CARE_ASSESSMENT_FORM_ID, CARE_CASE_FORM_ID, readCase } from '../../../forms/care-case/case-fields.ts';
import { HttpError } from '../http/errors.ts';
import { auditEntry, type AuditContext } from '../office/audit-context.ts';
import type { ServerRecord } from '../storage/sync-store.ts';
import type { CareDeps } from './care-deps.ts';
import { requireAssessor } from './care-assignee.ts';
import { serverStamp } from './server-write.ts';

/**
 * The previous assessor stops receiving changes of the case at once. (Their device keeps the copy it already
 * pulled until the device-wipe work of the security issue lands; the assessment they created stays theirs
 * by the owner rule, so they can finish a handed-over draft's sync.)
 */
export async function assignCase(deps: CareDeps, caseId: string, assigneeId: string, audit?: AuditContext): Promise<ServerRecord> {
  const now = deps.now();
  const at = now.toISOString();
  return deps.store.transaction(async (tx) => {
    const [found] = await tx.getRecords([caseId]);
    if (!found || found.formId !== CARE_CASE_FORM_ID || found.deleted) throw new HttpError('E_NOT_FOUND', `No case ${caseId.slice(0, 100)}.`);
    const assessor = await requireAssessor(tx, assigneeId);
    if (found.assigneeId === assessor.id) return found;
    const linkedId = readCase(found.answers).assessmentRecordId;
    // Lock both records before taking change sequences (store guarantee 6).
    const [linked] = linkedId ? await tx.getRecords([linkedId]) : [];
    const caseStamp = await serverStamp(tx, now, 'care-assign', found.id);
    const reassigned: ServerRecord = { ...found, assigneeId: assessor.id, changeSeq: caseStamp.version, updatedAt: at };
    await tx.putRecord(reassigned);
    if (linked && linked.formId === CARE_ASSESSMENT_FORM_ID && !linked.deleted) {
      // A change sequence of its own: two records sharing one could be split by a pull page boundary and one skipped.
      const stamp = await serverStamp(tx, now, 'care-assign', linked.id);
      await tx.putRecord({ ...linked, assigneeId: assessor.id, changeSeq: stamp.version, updatedAt: at });
    }
    if (audit) {
      const detail = { care: 'assign-case', from: found.assigneeId, to: assessor.id, assessment: linked?.id ?? null };
      await tx.appendAudit([auditEntry(audit, 'record_change', found.id, detail, at)]);
    }
    return reassigned;
  });
}
