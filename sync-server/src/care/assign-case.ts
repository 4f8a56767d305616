// The office reassigns a case (and its 認定調査票, if one was started) to another assessor in ONE transaction; each gets a new change sequence so the new assessor's device pulls them.
import { CARE_ASSESSMENT_FORM_ID, CARE_CASE_FORM_ID, readCase } from '../../../forms/care-case/case-fields.ts';
import { HttpError } from '../http/errors.ts';
import { auditEntry, type AuditContext } from '../office/audit-context.ts';
import type { ServerRecord } from '../storage/sync-store.ts';
import type { CareDeps } from './care-deps.ts';
import { requireAssessor } from './care-assignee.ts';
import { serverStamp } from './server-write.ts';
import { recordScopeRemovals } from '../sync/scope-removals.ts';

/**
 * The previous assessor stops receiving changes of the case at once, and a scope removal at the same change
 * sequence makes their devices delete the copy at the next pull (src/sync/scope-removals.ts). A 調査票 already
 * started moves WITH the case (owner and assignee): it is health data, so only the assessor now responsible
 * keeps it (issue 5 point 7). Edits the previous assessor had not synced yet are refused and dropped with
 * their copy; the office screen says so before reassigning a surveyed case.
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
    await recordScopeRemovals(tx, found, reassigned);
    if (linked && linked.formId === CARE_ASSESSMENT_FORM_ID && !linked.deleted) {
      // A change sequence of its own: two records sharing one could be split by a pull page boundary and one skipped.
      const stamp = await serverStamp(tx, now, 'care-assign', linked.id);
      const moved: ServerRecord = { ...linked, ownerId: assessor.id, assigneeId: assessor.id, changeSeq: stamp.version, updatedAt: at };
      await tx.putRecord(moved);
      await recordScopeRemovals(tx, linked, moved);
    }
    if (audit) {
      const detail = { care: 'assign-case', from: found.assigneeId, to: assessor.id, assessment: linked?.id ?? null };
      await tx.appendAudit([auditEntry(audit, 'record_change', found.id, detail, at)]);
    }
    return reassigned;
  });
}
