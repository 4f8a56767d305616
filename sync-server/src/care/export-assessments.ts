// Reads the finished (approved) 認定調査票 with the case each belongs to and builds the certification-system CSV; the export is audited in the same transaction.
import { CARE_ASSESSMENT_FORM_ID, CARE_CASE_FORM_ID, readCase } from '../../../forms/care-case/case-fields.ts';
import { HttpError } from '../http/errors.ts';
import { auditEntry, type AuditContext } from '../office/audit-context.ts';
import { toCsv } from '../office/export-csv.ts';
import { jstDateOf } from './case-kpis.ts';
import type { CareExportQuery } from '../../../src/protocol/care/case-requests.ts';
import { approvedAtOf } from './case-row.ts';
import type { CareDeps } from './care-deps.ts';
import { assessmentTable, type FinishedAssessment } from './assessment-table.ts';
import { recordsOfForm } from './form-records.ts';

/** Beyond this many assessments (all statuses) the scan stops and the export must wait for a paged one. */
export const MAX_SCANNED_ASSESSMENTS = 100_000;

export async function exportFinishedAssessments(deps: CareDeps, query: CareExportQuery, audit: AuditContext): Promise<string> {
  // Read at request time, so the columns follow the care-assessment form the server runs with.
  const form = deps.forms.get(CARE_ASSESSMENT_FORM_ID);
  if (!form) throw new HttpError('E_CARE_FORM_MISSING');
  const at = deps.now().toISOString();
  const finished = await deps.store.transaction(async (tx) => {
    const scanned = await recordsOfForm(tx, CARE_ASSESSMENT_FORM_ID, MAX_SCANNED_ASSESSMENTS);
    if (scanned.truncated) throw new HttpError('E_EXPORT_TOO_LARGE', `More than ${MAX_SCANNED_ASSESSMENTS} assessments are stored.`);
    const approved = scanned.records
      .map((record) => ({ record, approvedAt: approvedAtOf(record) }))
      .filter((a): a is { record: typeof a.record; approvedAt: string } => {
        if (a.approvedAt === null) return false;
        const day = jstDateOf(a.approvedAt);
        return day !== null && (!query.from || day >= query.from) && (!query.to || day <= query.to);
      })
      .sort((a, b) => (a.approvedAt === b.approvedAt ? a.record.id.localeCompare(b.record.id) : a.approvedAt < b.approvedAt ? -1 : 1));
    const { records: cases } = await recordsOfForm(tx, CARE_CASE_FORM_ID, MAX_SCANNED_ASSESSMENTS);
    const caseOf = new Map<string, ReturnType<typeof readCase>>();
    for (const c of cases) {
      const view = readCase(c.answers);
      if (!c.deleted && view.assessmentRecordId) caseOf.set(view.assessmentRecordId, view);
    }
    const rows: FinishedAssessment[] = approved.map(({ record }) => ({
      answers: record.answers,
      caseNumber: caseOf.get(record.id)?.caseNumber ?? null,
      insuredNumber: caseOf.get(record.id)?.insuredNumber ?? null,
    }));
    await tx.appendAudit([auditEntry(audit, 'export', null, { care: 'finished-assessments', filter: query, rows: rows.length }, at)]);
    return rows;
  });
  const table = assessmentTable(form, finished);
  return toCsv(table);
}
