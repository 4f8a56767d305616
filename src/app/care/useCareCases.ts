// Live data of the schedule screens, all from the device (Dexie), so they work offline: the assigned cases, their 調査票' local state, and which forms are here.
import { CARE_ASSESSMENT_FORM_ID, CARE_CASE_FORM_ID, readCase } from '../../../forms/care-case/case-fields.ts';
import { latestForm, type RecordRow } from '../../data/index.ts';
import { appDb, recordRepository } from '../db.ts';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import type { ScheduleCase } from './schedule.ts';

/** The linked 調査票 as this tablet holds it (status and returned flag drive the badge). */
export type AssessmentState = Pick<RecordRow, 'id' | 'status' | 'errorCount' | 'returned' | 'approved'>;

export interface CareData {
  cases: ScheduleCase[];
  rows: Map<string, RecordRow>;
  assessments: Map<string, AssessmentState>;
  /** Whether the 調査票 form is on the device (「調査を開始」 needs it). */
  assessmentFormReady: boolean;
}

export function useCareCases(): CareData | undefined {
  return useLiveQuery(async () => {
    const repo = recordRepository();
    const rows = await repo.listByForm(CARE_CASE_FORM_ID);
    const cases = rows.map((row) => ({ id: row.id, view: readCase(row.answers) }));
    const assessments = new Map<string, AssessmentState>();
    for (const c of cases) {
      const id = c.view.assessmentRecordId;
      const found = id ? await repo.get(id).catch(() => undefined) : undefined;
      if (found) assessments.set(found.id, { id: found.id, status: found.status, errorCount: found.errorCount, returned: found.returned, approved: found.approved });
    }
    const assessmentFormReady = (await latestForm(appDb(), CARE_ASSESSMENT_FORM_ID)) !== undefined;
    return { cases, rows: new Map(rows.map((r) => [r.id, r])), assessments, assessmentFormReady };
  }, []);
}
