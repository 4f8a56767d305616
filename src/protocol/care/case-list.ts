// The care office API's answers (zod; the server builds them, the office parses them): the case list with its KPI summary, and one case after a create or a reassignment.
import { z } from 'zod';
import { APPLICATION_TYPES } from '../../../forms/care-case/case-fields.ts';
import { LocalizedSchema } from '../common.ts';
import { RECORD_STATUSES } from '../snapshot.ts';
import { CASE_STATUSES } from './case-requests.ts';

const Days = z.number().int().nullable();

/** One line of the case list: the case record and what its linked 認定調査票 says. */
export const CaseRowSchema = z.strictObject({
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
  statusLabel: LocalizedSchema,
  assessmentId: z.string().nullable(),
  assessmentStatus: z.enum(RECORD_STATUSES).nullable(),
  /** Date of the visit (the assessment's 実施日時), and of the finished 調査票 (its approval, JST). */
  visitDate: z.string().nullable(),
  finishedDate: z.string().nullable(),
  daysToVisit: Days,
  daysToFinish: Days,
  updatedAt: z.string(),
});
export type CaseRow = z.infer<typeof CaseRowSchema>;

export const KpiSummarySchema = z.strictObject({
  /** How many cases have this KPI. */
  count: z.number().int().min(0),
  median: z.number().nullable(),
  /** Rounded to one decimal. */
  mean: z.number().nullable(),
});
export type KpiSummary = z.infer<typeof KpiSummarySchema>;

export const CaseListSummarySchema = z.strictObject({
  count: z.number().int().min(0),
  byStatus: z.record(z.enum(CASE_STATUSES), z.number().int().min(0)),
  /** 申請日 → 訪問 (the assessment's 実施日), in days. */
  daysToVisit: KpiSummarySchema,
  /** 訪問 → the 調査票 approved, in days. */
  daysToFinish: KpiSummarySchema,
});
export type CaseListSummary = z.infer<typeof CaseListSummarySchema>;

/** GET /api/office/care/cases. One answer, not paged: `truncated` says the server stopped at its limit. */
export const CaseListResponseSchema = z.strictObject({
  cases: z.array(CaseRowSchema),
  summary: CaseListSummarySchema,
  truncated: z.boolean(),
});
export type CaseList = z.infer<typeof CaseListResponseSchema>;

/** POST /api/office/care/cases and its reassignment: the case as the list shows it. */
export const CaseAnswerSchema = z.strictObject({
  case: CaseRowSchema,
  /** Reassignment only, when the case names a 調査票: whether it moved with the case, and why not (a link that is not this case's). */
  assessment: z.strictObject({ id: z.string(), moved: z.boolean(), mismatch: z.string().nullable() }).optional(),
});
