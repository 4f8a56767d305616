// The tablet's writes to a case, all through the record repository (record + outbox in one transaction, so they sync): reschedule, log a call, start the 調査票.
import { assessmentPrefill } from '../../../forms/care-case/assessment-prefill.ts';
import { CARE_ASSESSMENT_FORM_ID, CARE_CASE_FORM_ID, CASE_FIELDS, readCase, type CallResult } from '../../../forms/care-case/case-fields.ts';
import { DataError, getForm, latestForm, setAnswerAt, type AnswerChange, type RecordRow, type SaveSummary } from '../../data/index.ts';
import { evaluate } from '../../engine/index.ts';
import type { FormDefinition } from '../../engine/types.ts';
import { appDb, recordRepository } from '../db.ts';

/** The list label of a case: the applicant's name, or its number before a name is known. */
export function caseTitle(answers: Record<string, unknown>): string {
  const view = readCase(answers);
  return view.name ?? view.caseNumber ?? '';
}

async function formOf(row: RecordRow): Promise<FormDefinition | undefined> {
  return (await getForm(appDb(), row.formId, row.formVersion)) ?? (await latestForm(appDb(), row.formId));
}

/** The engine's error count after the changes, as the editor's autosave records it ("has errors" badge). */
function summaryAfter(form: FormDefinition | undefined, row: RecordRow, changes: AnswerChange[]): SaveSummary {
  let answers = row.answers;
  for (const change of changes) {
    const result = setAnswerAt(answers, change.path, change.value);
    if (!result.ok) throw new DataError(result.code, result.message);
    answers = result.answers;
  }
  const errorCount = form ? evaluate(form, answers).errors.length : row.errorCount;
  return { errorCount, title: caseTitle(answers) };
}

async function saveCase(caseId: string, changes: AnswerChange[]): Promise<RecordRow> {
  const row = await recordRepository().get(caseId);
  if (!row) throw new DataError('E_RECORD_NOT_FOUND', `no case ${caseId}`);
  return recordRepository().saveAnswers(caseId, changes, summaryAfter(await formOf(row), row, changes));
}

/** A new 訪問予定 (a datetime answer), or null to take the case off the schedule. */
export function rescheduleVisit(caseId: string, visitAt: string | null): Promise<RecordRow> {
  return saveCase(caseId, [{ path: CASE_FIELDS.visitAt, value: visitAt }]);
}

/** Appends a call to the log; the whole repeat is saved, as the editor saves a repeat it adds to. */
export async function logCall(caseId: string, call: { at: string; result: CallResult; memo: string }): Promise<RecordRow> {
  const row = await recordRepository().get(caseId);
  if (!row) throw new DataError('E_RECORD_NOT_FOUND', `no case ${caseId}`);
  const current = row.answers[CASE_FIELDS.calls];
  const entries = Array.isArray(current) ? current : [];
  const entry: Record<string, unknown> = { call_at: call.at, call_result: call.result };
  if (call.memo.trim() !== '') entry.call_memo = call.memo.trim();
  return saveCase(caseId, [{ path: CASE_FIELDS.calls, value: [...entries, entry] }]);
}

export type StartOutcome =
  | { ok: true; assessmentId: string; created: boolean }
  | { ok: false; code: 'E_ASSESSMENT_FORM_MISSING' | 'E_RECORD_NOT_FOUND' };

/**
 * Creates the care-assessment record (prefilled from the case) and links it in the case's
 * assessment_record_id in ONE local transaction: a crash leaves either both or neither, never an
 * orphan 調査票 or a case pointing nowhere. A case already linked opens its 調査票 instead. `assessorName` (the
 * signed-in user's display name) becomes the 記入者.
 */
export async function startAssessment(caseId: string, assessorName: string | null = null): Promise<StartOutcome> {
  const db = appDb();
  const repo = recordRepository();
  const form = await latestForm(db, CARE_ASSESSMENT_FORM_ID);
  if (!form) return { ok: false, code: 'E_ASSESSMENT_FORM_MISSING' };
  const before = await repo.get(caseId);
  if (!before) return { ok: false, code: 'E_RECORD_NOT_FOUND' };
  const caseForm = await formOf(before);
  // Only Dexie work inside: IndexedDB commits a transaction that waits on anything else.
  return db.transaction('rw', [db.records, db.outbox, db.settings], async (): Promise<StartOutcome> => {
    const row = await repo.get(caseId);
    if (!row) return { ok: false, code: 'E_RECORD_NOT_FOUND' };
    const linked = readCase(row.answers).assessmentRecordId;
    if (linked) return { ok: true, assessmentId: linked, created: false };
    const created = await repo.create(form.id, form.version, assessmentPrefill(readCase(row.answers), form, assessorName));
    const link = [{ path: CASE_FIELDS.assessmentRecordId, value: created.id }];
    await repo.saveAnswers(caseId, link, summaryAfter(caseForm, row, link));
    return { ok: true, assessmentId: created.id, created: true };
  });
}

/**
 * After a never-submitted 調査票 draft was deleted on this tablet: the cases linking it let go of it, so 調査を開始
 * works again and the server's case (which counts a deleted assessment as none: 未調査) agrees with the tablet.
 */
export async function unlinkDeletedAssessment(assessmentId: string): Promise<void> {
  const cases = await recordRepository().listByForm(CARE_CASE_FORM_ID);
  for (const row of cases) {
    if (readCase(row.answers).assessmentRecordId !== assessmentId) continue;
    const unlink = [{ path: CASE_FIELDS.assessmentRecordId, value: null }];
    await recordRepository().saveAnswers(row.id, unlink, summaryAfter(await formOf(row), row, unlink));
  }
}
