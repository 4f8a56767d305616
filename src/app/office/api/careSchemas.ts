// The care office API's answers as the office screens parse them (forms/care-case/README.md): the case list with its KPI summary, and one case after a create or a reassignment.
import { z } from 'zod';
import { APPLICATION_TYPES } from '../../../../forms/care-case/case-fields.ts';
import { RECORD_STATUSES } from '../../../protocol/snapshot.ts';

import { CASE_STATUSES } from '../../../protocol/care/case-requests.ts';

export { CASE_STATUSES, type CaseStatus } from '../../../protocol/care/case-requests.ts';

const Days = z.number().int().nullable();

export const CaseRowSchema = z.object({
  id: z.string(),
  caseNumber: z.string().nullable(),
  applicationDate: z.string().nullable(),
  applicationType: z.enum(APPLICATION_TYPES).nullable(),
  insuredNumber: z.string().nullable(),
  name: z.string().nullable(),
  address: z.string().nullable(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  /** 訪問予定 as the assessor keeps it on the tablet (a datetime with its offset). */
  plannedVisit: z.string().nullable(),
  status: z.enum(CASE_STATUSES),
  assessmentId: z.string().nullable(),
  assessmentStatus: z.enum(RECORD_STATUSES).nullable(),
  visitDate: z.string().nullable(),
  finishedDate: z.string().nullable(),
  daysToVisit: Days,
  daysToFinish: Days,
  updatedAt: z.string(),
});
export type CaseRow = z.infer<typeof CaseRowSchema>;

const KpiSummarySchema = z.object({ count: z.number().int().min(0), median: z.number().nullable(), mean: z.number().nullable() });
export type KpiSummary = z.infer<typeof KpiSummarySchema>;

export const CaseListResponseSchema = z.object({
  cases: z.array(CaseRowSchema),
  summary: z.object({
    count: z.number().int().min(0),
    byStatus: z.record(z.enum(CASE_STATUSES), z.number().int().min(0)),
    daysToVisit: KpiSummarySchema,
    daysToFinish: KpiSummarySchema,
  }),
  truncated: z.boolean(),
});
export type CaseList = z.infer<typeof CaseListResponseSchema>;

export const CaseAnswerSchema = z.object({ case: CaseRowSchema });
