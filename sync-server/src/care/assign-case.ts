// The office reassigns a case (and its 認定調査票, if one was started) to another assessor in ONE transaction; each gets a new change sequence so the new assessor's device pulls them.
import { CARE_ASSESSMENT_FORM_ID, CARE_CASE_FORM_ID, readCase } from '../../../forms/care-case/case-fields.ts';
import { HttpError } from '../http/errors.ts';
import { auditEntry, type AuditContext } from '../office/audit-context.ts';
import type { ServerRecord, SyncTx } from '../storage/sync-store.ts';
import type { CareDeps } from './care-deps.ts';
import { requireAssessor } from './care-assignee.ts';
import { serverStamp } from './server-write.ts';
import { recordScopeRemovals } from '../sync/scope-removals.ts';
import { recordsOfForm } from './form-records.ts';

/** Bound of the scan for another case naming the same 調査票 (as create-case.ts bounds its number scan). */
const MAX_CASES_SCANNED = 100_000;

export interface AssignOutcome {
  record: ServerRecord;
  /** Whether the linked 調査票 moved with the case; when not, why (null when none was linked). */
  assessment: { id: string; moved: boolean; mismatch: string | null } | null;
}

/**
 * Why the record a case names is not the case's own 調査票 of the previous assessor, or null. The case's link is
 * device-written (assessment_record_id), so it is never trusted to pick what moves: the record must be a live
 * care-assessment owned by or assigned to the previous assessor, and no other case may name it.
 */
async function linkMismatch(tx: SyncTx, found: ServerRecord, linked: ServerRecord | undefined): Promise<string | null> {
  if (!linked) return 'no such record';
  if (linked.formId !== CARE_ASSESSMENT_FORM_ID) return `the record is a ${linked.formId}, not a care-assessment`;
  if (linked.deleted) return 'the record is deleted';
  const previous = found.assigneeId;
  if (previous === null || (linked.ownerId !== previous && linked.assigneeId !== previous)) return 'the record belongs to another user than the case\'s assessor';
  const { records: cases } = await recordsOfForm(tx, CARE_CASE_FORM_ID, MAX_CASES_SCANNED);
  if (cases.some((c) => c.id !== found.id && !c.deleted && readCase(c.answers).assessmentRecordId === linked.id)) return 'another case names the same record';
  return null;
}

/**
 * The previous assessor stops receiving changes of the case at once, and a scope removal at the same change
 * sequence makes their devices delete the copy at the next pull (src/sync/scope-removals.ts). A 調査票 already
 * started moves WITH the case (owner and assignee): it is health data, so only the assessor now responsible
 * keeps it (issue 5 point 7). Edits the previous assessor had not synced yet are refused and dropped with
 * their copy; the office screen says so before reassigning a surveyed case. A link that does not name the previous
 * assessor's own 調査票 of this case moves nothing but the case, and the answer and the audit entry say why.
 */
export async function assignCase(deps: CareDeps, caseId: string, assigneeId: string, audit?: AuditContext): Promise<AssignOutcome> {
  const now = deps.now();
  const at = now.toISOString();
  return deps.store.transaction(async (tx) => {
    const [found] = await tx.getRecords([caseId]);
    if (!found || found.formId !== CARE_CASE_FORM_ID || found.deleted) throw new HttpError('E_NOT_FOUND', `No case ${caseId.slice(0, 100)}.`);
    const assessor = await requireAssessor(tx, assigneeId);
    if (found.assigneeId === assessor.id) return { record: found, assessment: null };
    const linkedId = readCase(found.answers).assessmentRecordId;
    // Lock both records before taking change sequences (store guarantee 6).
    const [linked] = linkedId ? await tx.getRecords([linkedId]) : [];
    const mismatch = linkedId ? await linkMismatch(tx, found, linked) : null;
    const caseStamp = await serverStamp(tx, now, 'care-assign', found.id);
    const reassigned: ServerRecord = { ...found, assigneeId: assessor.id, changeSeq: caseStamp.version, updatedAt: at };
    await tx.putRecord(reassigned);
    await recordScopeRemovals(tx, found, reassigned);
    if (linked && mismatch === null) {
      // A change sequence of its own: two records sharing one could be split by a pull page boundary and one skipped.
      const stamp = await serverStamp(tx, now, 'care-assign', linked.id);
      const moved: ServerRecord = { ...linked, ownerId: assessor.id, assigneeId: assessor.id, changeSeq: stamp.version, updatedAt: at };
      await tx.putRecord(moved);
      await recordScopeRemovals(tx, linked, moved);
    }
    const assessment = linkedId ? { id: linkedId, moved: linked !== undefined && mismatch === null, mismatch } : null;
    if (audit) {
      const detail = { care: 'assign-case', from: found.assigneeId, to: assessor.id, assessment: assessment?.moved ? linkedId : null, ...(mismatch ? { assessmentMismatch: { id: linkedId, reason: mismatch } } : {}) };
      await tx.appendAudit([auditEntry(audit, 'record_change', found.id, detail, at)]);
    }
    return { record: reassigned, assessment };
  });
}
