// The answer of GET /api/office/records: one page of the review queue (records without answers), newest change first.
import { z } from 'zod';
import { FormIdSchema, SeqSchema } from '../common.ts';
import { RECORD_STATUSES } from '../snapshot.ts';
import { RecordSummarySchema } from './record-summary.ts';

export const RecordListItemSchema = z.strictObject({
  id: z.string(),
  formId: FormIdSchema,
  formVersion: z.number().int(),
  status: z.enum(RECORD_STATUSES),
  ownerId: z.string(),
  assigneeId: z.string().nullable(),
  deleted: z.boolean(),
  changeSeq: SeqSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  summary: RecordSummarySchema.nullable(),
  openConflicts: z.number().int().min(0),
});

export const RecordListResponseSchema = z.strictObject({
  items: z.array(RecordListItemSchema),
  /** Records matching the filters (all pages). */
  total: z.number().int().min(0),
  /** Pass as `after` for the next page; null on the last page. */
  next: z.string().nullable(),
});

export type RecordListItemMessage = z.infer<typeof RecordListItemSchema>;
export type RecordListResponse = z.infer<typeof RecordListResponseSchema>;
