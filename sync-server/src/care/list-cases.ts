// The office's case list: every case with its linked 認定調査票 read in one transaction, filtered, with the KPI summary over the listed cases.
import { CARE_CASE_FORM_ID, readCase } from '../../../forms/care-case/case-fields.ts';
import type { ServerRecord } from '../storage/sync-store.ts';
import { summarizeDays } from './case-kpis.ts';
import type { CaseList, CaseListSummary, CaseRow } from '../../../src/protocol/care/case-list.ts';
import { CASE_STATUSES, type CaseStatus, type ListCasesQuery } from '../../../src/protocol/care/case-requests.ts';
import { caseRow, linkedAssessment } from './case-row.ts';
import type { CareDeps } from './care-deps.ts';
import { recordsOfForm } from './form-records.ts';

/** The list is one answer, not paged: beyond this many cases it says `truncated` (oldest changes first). */
export const MAX_LISTED_CASES = 20_000;
const READ_CHUNK = 500;

export function summarizeCases(rows: readonly CaseRow[]): CaseListSummary {
  const byStatus = Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as Record<CaseStatus, number>;
  for (const row of rows) byStatus[row.status] += 1;
  return {
    count: rows.length,
    byStatus,
    daysToVisit: summarizeDays(rows.map((r) => r.daysToVisit)),
    daysToFinish: summarizeDays(rows.map((r) => r.daysToFinish)),
  };
}

/** Newest application first; cases without a date last; the case number breaks ties. */
function byApplication(a: CaseRow, b: CaseRow): number {
  const da = a.applicationDate ?? '';
  const db = b.applicationDate ?? '';
  if (da !== db) return da < db ? 1 : -1;
  return (a.caseNumber ?? '').localeCompare(b.caseNumber ?? '');
}

export async function listCases(deps: CareDeps, query: ListCasesQuery): Promise<CaseList> {
  const { rows, truncated } = await deps.store.transaction(async (tx) => {
    const { records, truncated } = await recordsOfForm(tx, CARE_CASE_FORM_ID, MAX_LISTED_CASES);
    const cases = records.filter((r) => !r.deleted);
    const linkedIds = [...new Set(cases.flatMap((c) => readCase(c.answers).assessmentRecordId ?? []))];
    const assessments = new Map<string, ServerRecord>();
    for (let i = 0; i < linkedIds.length; i += READ_CHUNK) {
      for (const record of await tx.getRecords(linkedIds.slice(i, i + READ_CHUNK))) assessments.set(record.id, record);
    }
    const names = new Map((await tx.listUsers()).map((u) => [u.id, u.displayName]));
    return { rows: cases.map((c) => caseRow(c, linkedAssessment(c, assessments), names)), truncated };
  });
  const listed = rows
    .filter((r) => (query.status ? r.status === query.status : true) && (query.assigneeId ? r.assigneeId === query.assigneeId : true))
    .sort(byApplication);
  return { cases: listed, summary: summarizeCases(listed), truncated };
}

/** One case's list line (after a create or an assignment), read in its own transaction. */
export async function caseRowOf(deps: CareDeps, record: ServerRecord): Promise<CaseRow> {
  return deps.store.transaction(async (tx) => {
    const linkedId = readCase(record.answers).assessmentRecordId;
    const linked = linkedId ? await tx.getRecords([linkedId]) : [];
    const assignee = record.assigneeId ? await tx.getUser(record.assigneeId) : null;
    const names = new Map(assignee ? [[assignee.id, assignee.displayName]] : []);
    return caseRow(record, linkedAssessment(record, new Map(linked.map((r) => [r.id, r]))), names);
  });
}
