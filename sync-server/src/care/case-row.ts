// One line of the office's case list, built from the case record and its linked 認定調査票 (pure): status, dates and the two KPIs.
import { CARE_ASSESSMENT_FORM_ID, readCase } from '../../../forms/care-case/case-fields.ts';
import type { ServerRecord } from '../storage/sync-store.ts';
import { caseTimeline } from './case-kpis.ts';
import type { CaseRow } from '../../../src/protocol/care/case-list.ts';
import { CASE_STATUS_LABELS, caseStatusOf } from './case-status.ts';

/** The 実施日時 field of forms/care-assessment (概況調査 Ⅰ): the visit's date. */
export const ASSESSMENT_VISIT_FIELD = 'survey_datetime';

/** When the record was approved: the server's review note says so; updatedAt stands in for older records without one. */
export function approvedAtOf(record: ServerRecord): string | null {
  if (record.status !== 'approved' || record.deleted) return null;
  const note = record.answers['@review'] as { action?: unknown; at?: unknown } | undefined;
  return note?.action === 'approve' && typeof note.at === 'string' ? note.at : record.updatedAt;
}

/** The linked assessment only counts when it really is one (a case answer is data from a device). */
export function linkedAssessment(caseRecord: ServerRecord, byId: ReadonlyMap<string, ServerRecord>): ServerRecord | null {
  const id = readCase(caseRecord.answers).assessmentRecordId;
  const record = id ? byId.get(id) : undefined;
  return record && record.formId === CARE_ASSESSMENT_FORM_ID ? record : null;
}

export function caseRow(caseRecord: ServerRecord, assessment: ServerRecord | null, userNames: ReadonlyMap<string, string>): CaseRow {
  const view = readCase(caseRecord.answers);
  const status = caseStatusOf(assessment);
  const live = assessment && !assessment.deleted ? assessment : null;
  const surveyedAt = live && typeof live.answers[ASSESSMENT_VISIT_FIELD] === 'string' ? (live.answers[ASSESSMENT_VISIT_FIELD] as string) : null;
  // A draft's 実施日時 may be a plan typed ahead: the visit counts once the 調査票 was handed in.
  const timeline = caseTimeline({ applicationDate: view.applicationDate, surveyedAt: status === 'unsurveyed' ? null : surveyedAt, approvedAt: live ? approvedAtOf(live) : null });
  return {
    id: caseRecord.id,
    caseNumber: view.caseNumber,
    applicationDate: view.applicationDate,
    applicationType: view.applicationType,
    insuredNumber: view.insuredNumber,
    name: view.name,
    address: view.address,
    assigneeId: caseRecord.assigneeId,
    assigneeName: caseRecord.assigneeId ? userNames.get(caseRecord.assigneeId) ?? null : null,
    plannedVisit: view.visitAt,
    status,
    statusLabel: CASE_STATUS_LABELS[status],
    assessmentId: live?.id ?? null,
    assessmentStatus: live?.status ?? null,
    ...timeline,
    updatedAt: caseRecord.updatedAt,
  };
}
